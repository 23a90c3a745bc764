/**
 * An article's language as a BCP 47 tag and its writing direction: reading what a page declares,
 * checking it against the script the text is written in, and guessing from the text when the page
 * says nothing. Also the names the app shows for languages. Pure (see docs/decisions/0015).
 */

export type TextDirection = 'ltr' | 'rtl'

/** Where a language came from, in the words the review dialog shows. */
export type LanguageSource =
  | 'page'
  | 'content-language'
  | 'og:locale'
  | 'readability'
  | 'json-ld'
  | 'text'
  | 'file'
  | 'default'

export interface DetectedLanguage {
  tag: string
  direction: TextDirection
  source: LanguageSource
  /** Set when the page declared another language than the text is written in. */
  declared?: string
}

/** Languages whose scripts run right to left (by primary subtag), and the RTL scripts. */
const RTL_LANGUAGES = new Set([
  'ar',
  'arc',
  'ckb',
  'dv',
  'fa',
  'he',
  'iw',
  'ks',
  'ku-arab',
  'pa-arab',
  'ps',
  'sd',
  'syr',
  'ug',
  'ur',
  'yi',
])
const RTL_SCRIPTS = new Set(['arab', 'hebr', 'thaa', 'syrc', 'nkoo', 'adlm', 'rohg'])

/**
 * A well-formed BCP 47 tag in its canonical case ('en_us' → 'en-US'), or null. Intl knows the
 * grammar; 'und' (undetermined) is refused, since it says nothing.
 */
export function normaliseLanguageTag(value: string | null | undefined): string | null {
  const raw = (value ?? '').trim().replace(/_/g, '-')
  if (raw === '' || raw.length > 35) return null
  try {
    const [tag] = Intl.getCanonicalLocales(raw)
    if (!tag || /^und\b/i.test(tag)) return null
    return tag
  } catch {
    return null
  }
}

export function primaryLanguage(tag: string): string {
  return tag.split('-')[0]!.toLowerCase()
}

export function directionOf(tag: string): TextDirection {
  const parts = tag.toLowerCase().split('-')
  const primary = parts[0] ?? ''
  if (parts.some((p) => p.length === 4 && RTL_SCRIPTS.has(p))) return 'rtl'
  if (parts.some((p) => p === 'latn' || p === 'cyrl')) return 'ltr'
  return RTL_LANGUAGES.has(primary) ? 'rtl' : 'ltr'
}

/** 'km' → 'Khmer', 'pt-BR' → 'Brazilian Portuguese'; the tag itself when Intl has no name. */
export function languageName(tag: string): string {
  try {
    const name = new Intl.DisplayNames(['en'], { type: 'language' }).of(tag)
    return name && name !== tag ? name : tag
  } catch {
    return tag
  }
}

/** The languages the importer and date reader were built and tested for, for pickers and docs. */
export const SUPPORTED_LANGUAGES: readonly string[] = [
  'en',
  'km',
  'th',
  'ar',
  'zh',
  'ja',
  'fr',
  'es',
  'pt',
  'he',
]

// ---- The script check ----

interface ScriptRule {
  tag: string
  pattern: RegExp
}

/** Scripts that name one language well enough; Han alone is Chinese, with kana Japanese. */
const SCRIPTS: readonly ScriptRule[] = [
  { tag: 'km', pattern: /[\u1780-\u17FF\u19E0-\u19FF]/g },
  { tag: 'th', pattern: /[\u0E00-\u0E7F]/g },
  { tag: 'lo', pattern: /[\u0E80-\u0EFF]/g },
  { tag: 'my', pattern: /[\u1000-\u109F]/g },
  { tag: 'ar', pattern: /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/g },
  { tag: 'he', pattern: /[\u0590-\u05FF\uFB1D-\uFB4F]/g },
  { tag: 'ja', pattern: /[\u3040-\u30FF\u31F0-\u31FF]/g },
  { tag: 'zh', pattern: /[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]/g },
  { tag: 'ko', pattern: /[\uAC00-\uD7AF\u1100-\u11FF]/g },
  { tag: 'el', pattern: /[\u0370-\u03FF]/g },
  { tag: 'ru', pattern: /[\u0400-\u04FF]/g },
  { tag: 'hi', pattern: /[\u0900-\u097F]/g },
]
const LATIN = /[A-Za-z\u00C0-\u024F]/g
/** Letters only Persian and Urdu add to the Arabic script. */
const PERSIAN_LETTERS = /[پچژگکی]/g

/** Short, frequent words that tell apart the Latin-script languages the importer is tested on. */
const LATIN_WORDS: Record<string, readonly string[]> = {
  en: ['the', 'and', 'of', 'to', 'in', 'is', 'that', 'for', 'was', 'with', 'on', 'said', 'by'],
  fr: ['le', 'la', 'les', 'des', 'et', 'est', 'une', 'du', 'dans', 'pour', 'qui', 'au', 'sur'],
  es: ['el', 'la', 'los', 'las', 'y', 'en', 'del', 'que', 'por', 'una', 'con', 'para', 'se'],
  pt: ['o', 'os', 'as', 'e', 'do', 'da', 'dos', 'das', 'que', 'em', 'um', 'uma', 'não', 'para'],
  de: ['der', 'die', 'und', 'das', 'ist', 'nicht', 'mit', 'den', 'von', 'zu', 'ein', 'eine'],
  id: ['yang', 'dan', 'di', 'ini', 'itu', 'dengan', 'untuk', 'dari', 'tidak', 'akan', 'pada'],
  vi: ['và', 'của', 'là', 'có', 'không', 'được', 'những', 'người', 'cho', 'trong', 'đã'],
}

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0
}

function latinLanguage(text: string): string | null {
  const words = text.toLowerCase().match(/[\p{L}]+/gu) ?? []
  if (words.length < 5) return null
  let best: string | null = null
  let bestScore = 0
  for (const [tag, list] of Object.entries(LATIN_WORDS)) {
    const set = new Set(list)
    const score = words.filter((w) => set.has(w)).length
    if (score > bestScore) {
      best = tag
      bestScore = score
    }
  }
  // Too few common words to say: a list of names, a table of figures.
  return bestScore >= Math.max(2, words.length * 0.05) ? best : null
}

/**
 * The language the text is written in, judged by its script (and, for Latin script, by its
 * commonest words), or null when the sample says too little. Looks at the first 5,000 characters.
 */
export function languageFromText(text: string): string | null {
  const sample = text.slice(0, 5000)
  let best: ScriptRule | null = null
  let bestCount = 0
  for (const rule of SCRIPTS) {
    const n = count(sample, rule.pattern)
    if (n > bestCount) {
      best = rule
      bestCount = n
    }
  }
  const latin = count(sample, LATIN)
  if (best && bestCount >= 10 && bestCount >= latin * 0.5) {
    // A Japanese text is mostly Han with kana among it.
    if (best.tag === 'zh' && count(sample, SCRIPTS[6]!.pattern) >= bestCount * 0.05) return 'ja'
    if (best.tag === 'ar' && count(sample, PERSIAN_LETTERS) >= bestCount * 0.02) return 'fa'
    return best.tag
  }
  return latin >= 20 ? latinLanguage(sample) : null
}

/** Scripts in the text, for telling a declared language that cannot be right. */
function scriptAgrees(declared: string, found: string): boolean {
  const d = primaryLanguage(declared)
  if (d === found) return true
  // Chinese pages use Han only; Japanese pages may be nearly all Han in a short sample.
  if ((d === 'ja' && found === 'zh') || (d === 'zh' && found === 'ja')) return true
  if (d === 'fa' || d === 'ur' || d === 'ps' || d === 'ckb') return found === 'ar' || found === 'fa'
  if (d === 'yi') return found === 'he'
  return false
}

const LATIN_TAGS = new Set(Object.keys(LATIN_WORDS))

export interface LanguageClues {
  /** `<html lang>` (or the body's). */
  page?: string | null
  contentLanguage?: string | null
  ogLocale?: string | null
  readability?: string | null
  jsonLd?: string | null
  text: string
}

/**
 * The article's language: the first declared tag that the text's script does not contradict, else
 * the text's own. A page that declares `en` over Khmer text (a common template default) gets `km`,
 * noting what it declared. Without any clue, English, marked as a default for the person to check.
 */
export function detectLanguage(clues: LanguageClues): DetectedLanguage {
  const found = languageFromText(clues.text)
  const declared: [LanguageSource, string | null][] = [
    ['page', normaliseLanguageTag(clues.page)],
    ['json-ld', normaliseLanguageTag(clues.jsonLd)],
    ['content-language', normaliseLanguageTag(clues.contentLanguage?.split(',')[0])],
    ['og:locale', normaliseLanguageTag(clues.ogLocale)],
    ['readability', normaliseLanguageTag(clues.readability)],
  ]
  let contradicted: string | undefined
  for (const [source, tag] of declared) {
    if (!tag) continue
    // Latin-script languages are told apart only by word counts: a declared one is trusted.
    const agrees =
      found === null ||
      scriptAgrees(tag, found) ||
      (LATIN_TAGS.has(found) && !SCRIPTS.some((s) => s.tag === primaryLanguage(tag)))
    if (agrees) return { tag, direction: directionOf(tag), source }
    contradicted ??= tag
  }
  if (found) {
    const result: DetectedLanguage = { tag: found, direction: directionOf(found), source: 'text' }
    if (contradicted) result.declared = contradicted
    return result
  }
  return { tag: 'en', direction: 'ltr', source: 'default' }
}

/** How the review dialog says where the language came from. */
export function languageSourceWords(language: DetectedLanguage): string {
  switch (language.source) {
    case 'page':
      return 'from the page’s lang attribute'
    case 'json-ld':
      return 'from the page’s JSON-LD'
    case 'content-language':
      return 'from the page’s Content-Language'
    case 'og:locale':
      return 'from the page’s og:locale'
    case 'readability':
      return 'from Readability'
    case 'file':
      return 'from the file'
    case 'text':
      return language.declared
        ? `from the text’s script (the page says “${language.declared}”, which the text is not in)`
        : 'from the text’s script and words'
    case 'default':
      return 'not found: English assumed, check it'
  }
}

/**
 * The language of an article stored before languages were kept (schema v3, project files without
 * one): read from its text, English when the text says too little.
 */
export function articleLanguage(body: string): { language: string; direction: TextDirection } {
  const tag = languageFromText(body) ?? 'en'
  return { language: tag, direction: directionOf(tag) }
}

/** An article's direction: as stored, else from its language (bundled articles give none). */
export function articleDirection(article: {
  language: string
  direction?: TextDirection | undefined
}): TextDirection {
  return article.direction ?? directionOf(article.language)
}

/**
 * Where sources disagree: events with quotes for and against, events whose quotes give different
 * dates, and figures (numbers with what they count) that differ between quotes of one event or of
 * events in the same year and category. Each conflict has a stable key, so the user's "explained"
 * note stays with it. Pure: events and texts in, conflicts out.
 */
import type { CategoryId, Dating } from '$shared/corpus'
import { parseDate } from './dates'
import { bestSuggestion, suggestDates } from './date-suggestions'

/** The user marked a conflict explained, with a note saying how. Keyed by the conflict's key. */
export interface ConflictNote {
  id: string
  note: string
  updatedAt: number
}

// ---- Figures ----

/** A number with what it counts, as it stands in a quote. */
export interface Figure {
  value: number
  /** The counted word, lower case and as written ("cases", "victims", "people"). */
  counts: string
  /** The words it was read from: "359 cases", "1,577 victims". */
  words: string
}

const IRREGULAR_PLURALS = new Set(['people', 'children', 'women', 'men', 'persons', 'staff'])
const STOP_WORDS = new Set([
  'of',
  'from',
  'in',
  'to',
  'by',
  'for',
  'and',
  'or',
  'with',
  'at',
  'on',
  'per',
  'than',
  'were',
  'was',
  'are',
  'is',
  'the',
  'a',
  'an',
  'who',
  'which',
  'that',
])
const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9 }

function isCountNoun(word: string): boolean {
  return IRREGULAR_PLURALS.has(word) || (/^[a-z]{3,}s$/.test(word) && !/(ss|us|is)$/.test(word))
}

/**
 * The figures in a text: a number (with thousands commas and an optional "million"), then up
 * to two describing words, then a plural noun. Years (1900–2099 written without a comma) are
 * dates, not figures.
 */
export function extractFigures(text: string): Figure[] {
  const figures: Figure[] = []
  const re =
    /(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(?:\s+(thousand|million|billion))?((?:\s+[A-Za-z’'-]+){1,3})/g
  for (const m of text.matchAll(re)) {
    const digits = m[1]!
    if (!digits.includes(',') && /^(19|20)\d\d$/.test(digits) && !m[2]) continue
    const words = m[3]!.trim().split(/\s+/)
    let noun: string | null = null
    let used = 0
    for (const [i, raw] of words.entries()) {
      const word = raw.toLowerCase().replace(/[’'].*$/, '')
      if (STOP_WORDS.has(word)) break
      if (isCountNoun(word)) {
        noun = word
        used = i + 1
        break
      }
    }
    if (noun === null) continue
    const value = Number(digits.replace(/,/g, '')) * (m[2] ? SCALES[m[2]]! : 1)
    const spoken = [digits, ...(m[2] ? [m[2]] : []), ...words.slice(0, used)].join(' ')
    figures.push({ value, counts: noun, words: spoken })
  }
  return figures
}

// ---- Conflicts ----

export interface ConflictQuote {
  /** The evidence id (curated `<eventId>#<n>` or the record's). */
  id: string
  eventId: string
  eventTitle: string
  articleId: string
  stance: 'supports' | 'contradicts'
  exact: string
  prefix: string
  suffix: string
  /** What this side says: "supports", "10 December 2009", "359 cases". */
  says: string
  /** True for a side whose value differs from the group's first. */
  differs: boolean
}

export type ConflictKind = 'support' | 'dates' | 'figures'

export interface Conflict {
  /** Stable: `support:<eventId>`, `dates:<eventId>`, `figures:<scope>:<counted word>`. */
  id: string
  kind: ConflictKind
  title: string
  /** One line saying what disagrees. */
  summary: string
  sides: ConflictQuote[]
}

export const CONFLICT_KIND_WORDS: Record<ConflictKind, string> = {
  support: 'Quotes for and against',
  dates: 'Quotes give different dates',
  figures: 'Figures that disagree',
}

export interface ConflictEvent {
  id: string
  title: string
  date: Dating
  category: CategoryId
  evidence: readonly {
    id: string
    articleId: string
    stance: 'supports' | 'contradicts'
    quote: { exact: string; prefix: string; suffix: string }
  }[]
}

type Quote = ConflictEvent['evidence'][number]

function side(event: ConflictEvent, q: Quote, says: string, differs: boolean): ConflictQuote {
  return {
    id: q.id,
    eventId: event.id,
    eventTitle: event.title,
    articleId: q.articleId,
    stance: q.stance,
    exact: q.quote.exact,
    prefix: q.quote.prefix,
    suffix: q.quote.suffix,
    says,
    differs,
  }
}

/** The year an event's date falls in, when it falls in one. */
function yearOf(date: Dating): number | null {
  if (date.edtf === null) return null
  try {
    const span = parseDate(date.edtf)
    if (!Number.isFinite(span.start) || !Number.isFinite(span.end)) return null
    const a = new Date(span.start).getUTCFullYear()
    return a === new Date(span.end).getUTCFullYear() ? a : null
  } catch {
    return null
  }
}

/**
 * Every conflict among the events. `published` gives an article's date (for dates a quote leaves
 * half said); articles it does not know are treated as undated.
 */
export function findConflicts(
  events: readonly ConflictEvent[],
  published: (articleId: string) => Dating | null,
): Conflict[] {
  const conflicts: Conflict[] = []

  for (const event of events) {
    const forIt = event.evidence.filter((q) => q.stance === 'supports')
    const against = event.evidence.filter((q) => q.stance === 'contradicts')
    if (forIt.length > 0 && against.length > 0)
      conflicts.push({
        id: `support:${event.id}`,
        kind: 'support',
        title: event.title,
        summary: `${forIt.length} supporting, ${against.length} contradicting`,
        sides: [
          ...forIt.map((q) => side(event, q, 'supports', false)),
          ...against.map((q) => side(event, q, 'contradicts', true)),
        ],
      })

    const dated = event.evidence.flatMap((q) => {
      const best = bestSuggestion(suggestDates(q.quote.exact, published(q.articleId)))
      return best?.edtf ? [{ q, edtf: best.edtf, words: best.words }] : []
    })
    if (new Set(dated.map((d) => d.edtf)).size > 1) {
      const first = dated[0]!.edtf
      conflicts.push({
        id: `dates:${event.id}`,
        kind: 'dates',
        title: event.title,
        summary: `Its quotes give ${[...new Set(dated.map((d) => d.edtf))].join(', ')}`,
        sides: dated.map((d) =>
          side(event, d.q, `${d.edtf} (from “${d.words}”)`, d.edtf !== first),
        ),
      })
    }
  }

  // Figures: grouped by event, and by year and category across events.
  const groups = new Map<
    string,
    { title: string; items: { event: ConflictEvent; q: Quote; f: Figure }[] }
  >()
  const put = (key: string, title: string, item: { event: ConflictEvent; q: Quote; f: Figure }) => {
    const group = groups.get(key) ?? { title, items: [] }
    group.items.push(item)
    groups.set(key, group)
  }
  for (const event of events) {
    const year = yearOf(event.date)
    for (const q of event.evidence)
      for (const f of extractFigures(q.quote.exact)) {
        put(`figures:${event.id}:${f.counts}`, `${event.title}: ${f.counts}`, { event, q, f })
        if (year !== null)
          put(`figures:${year}:${event.category}:${f.counts}`, `${year}, ${f.counts}`, {
            event,
            q,
            f,
          })
      }
  }
  const seen = new Set<string>()
  for (const [id, group] of groups) {
    const values = new Set(group.items.map((i) => i.f.value))
    // Two quotes at least, and values that differ; a year group only when it spans events.
    if (values.size < 2) continue
    // Two numbers in one quote count different things; a disagreement is between quotes.
    const byQuote = new Map<string, Set<number>>()
    for (const i of group.items)
      byQuote.set(i.q.id, (byQuote.get(i.q.id) ?? new Set()).add(i.f.value))
    const quoteValues = [...byQuote.values()].map((v) => [...v].sort().join(','))
    if (byQuote.size < 2 || new Set(quoteValues).size < 2) continue
    const events = new Set(group.items.map((i) => i.event.id))
    const perEvent = id.split(':').length === 3
    if (!perEvent && events.size < 2) continue
    // The same pairs found per event and per year are listed once, under the event.
    const signature = group.items.map((i) => `${i.q.id}/${i.f.words}`).join('|')
    if (seen.has(signature)) continue
    seen.add(signature)
    const first = group.items[0]!.f.value
    conflicts.push({
      id,
      kind: 'figures',
      title: group.title,
      summary: `Values: ${[...values].map((v) => v.toLocaleString('en')).join(', ')}`,
      sides: group.items.map((i) => side(i.event, i.q, i.f.words, i.f.value !== first)),
    })
  }
  return conflicts
}

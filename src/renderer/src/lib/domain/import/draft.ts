/**
 * The draft an imported file becomes before the person checks it: title, outlet, byline, date and
 * address as found, the readable body, and warnings about anything odd. Also the text clean-up all
 * three readers (HTML, Markdown, plain text) share, so every draft obeys the same rules. Pure.
 */
import { fromOtherScripts } from '../date-scripts'
import { isValidEdtf } from '../dates'
import { detectLanguage, type DetectedLanguage } from '../language'
import { parseUserDate } from '../user-dates'

export interface DraftDate {
  /** The date as the file gives it ('2023-03-27T10:00:00Z', 'Monday 27 March 2023'); '' if none. */
  text: string
  /** The day (or month, or year) it names as EDTF, or null when it could not be read. */
  edtf: string | null
}

/** An article as read from a file, for the person to check before it is saved. */
export interface Draft {
  title: string
  outlet: string | null
  byline: string | null
  published: DraftDate
  /** Where the article was published: an absolute http(s) address, or null. */
  url: string | null
  /** Readable text: paragraphs separated by one blank line, no markup. */
  body: string
  /** Things the person should know before saving, in plain words. */
  warnings: string[]
  /** The article's language, with where it was found. */
  language: DetectedLanguage
  /** Where each field was found, in the dialog's words ('from the page’s JSON-LD'). */
  sources: FieldSources
  /** Blocks the reader cut from the page, which the person may put back. */
  removed: RemovedBlock[]
}

export type SourcedField = 'title' | 'outlet' | 'byline' | 'published' | 'url'
export type FieldSources = Partial<Record<SourcedField, string>>

/** A block of page furniture cut from the body: what it was, its text, and where it sat. */
export interface RemovedBlock {
  /** 'a gallery of 50 captions', '3 related-post teasers', 'a comments section'. */
  label: string
  paragraphs: string[]
  /** How many kept paragraphs came before it in the body. */
  at: number
}

/** What a reader hands to finishDraft: the language is read from the text when not given. */
export type DraftInput = Omit<Draft, 'language' | 'sources' | 'removed'> &
  Partial<Pick<Draft, 'language' | 'sources' | 'removed'>>

/** The body with the removed blocks the person chose to keep put back where they were. */
export function bodyWithKept(
  draft: Pick<Draft, 'body' | 'removed'>,
  keep: ReadonlySet<number>,
): string {
  if (keep.size === 0) return draft.body
  const kept = draft.body === '' ? [] : draft.body.split('\n\n')
  const out: string[] = []
  const put = (at: number): void => {
    draft.removed.forEach((block, i) => {
      if (block.at === at && keep.has(i)) out.push(...block.paragraphs)
    })
  }
  kept.forEach((paragraph, i) => {
    put(i)
    out.push(paragraph)
  })
  put(kept.length)
  // Blocks recorded past the end (the body shrank after they were cut) go last.
  draft.removed.forEach((block, i) => {
    if (block.at > kept.length && keep.has(i)) out.push(...block.paragraphs)
  })
  return joinParagraphs(out)
}
/** The same limits the bundled corpus has (src/shared/corpus.ts ArticleSchema). */
const MAX_TITLE = 500
const MAX_SHORT_FIELD = 200

const BOM = /^\uFEFF/
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
/** C0 controls and DEL, except tab and newline: they are not text and no reader shows them. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g
/**
 * Bidirectional embeddings, overrides and isolates. They can make text display in an order
 * different from how it is stored (the 'Trojan Source' trick), so quotes could read one way and
 * search another. They are kept, as they may be legitimate in right-to-left text, but pointed out.
 */
const DIRECTION_CONTROL = /[\u202A-\u202E\u2066-\u2069]/g

/** Line endings as LF, no byte-order mark. The first thing done to any received text. */
export function normaliseNewlines(text: string): string {
  return text.replace(BOM, '').replace(/\r\n?/g, '\n')
}

/**
 * Text that is safe to store and quote: lone surrogates (which no encoding can hold) become U+FFFD
 * and control characters go, each noted in `warnings` once.
 */
export function cleanText(text: string, warnings: string[]): string {
  let out = text
  const lone = out.match(LONE_SURROGATE)?.length ?? 0
  if (lone > 0) {
    out = out.replace(LONE_SURROGATE, '\uFFFD')
    addWarning(
      warnings,
      `${lone} broken character${lone === 1 ? ' was' : 's were'} replaced with “\uFFFD”.`,
    )
  }
  const controls = out.match(CONTROL)?.length ?? 0
  if (controls > 0) {
    out = out.replace(CONTROL, '')
    addWarning(
      warnings,
      `${controls} invisible control character${controls === 1 ? ' was' : 's were'} removed.`,
    )
  }
  return out
}

/** Adds a warning once: several fields may trip the same check. */
export function addWarning(warnings: string[], warning: string): void {
  if (!warnings.includes(warning)) warnings.push(warning)
}

/** Runs of spaces, tabs and newlines (and no-break spaces) as one space, trimmed. */
export function collapseSpaces(text: string): string {
  return text.replace(/[\s\u00A0]+/g, ' ').trim()
}

/**
 * Paragraphs as the reader wants them (quotes.ts `paragraphs`): trimmed, none empty, separated by
 * exactly one blank line. Lines inside a paragraph are kept.
 */
export function joinParagraphs(paragraphs: readonly string[]): string {
  return paragraphs
    .map((p) =>
      p
        .split('\n')
        .map((line) => line.trimEnd())
        .filter((line) => line.trim() !== '')
        .join('\n')
        .trim(),
    )
    .filter((p) => p !== '')
    .join('\n\n')
}

/** The file name without its extension, as a title of last resort. */
export function titleFromFileName(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '')
  const stem = base.replace(/\.[A-Za-z0-9]+$/, '')
  return collapseSpaces(stem) || base || 'Untitled article'
}

/** An absolute http(s) address, normalised, or null for anything else (javascript:, relative…). */
export function httpUrl(text: string | null | undefined): string | null {
  if (!text) return null
  try {
    const url = new URL(text.trim())
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}

const ISO_DATE = /^(\d{4})-(\d{2})(?:-(\d{2}))?(?:[T\s]|$)/
/** Words around a date that say nothing about it. */
const DATE_NOISE =
  /^(?:(?:first\s+)?published(?:\s+on)?|posted(?:\s+on)?|updated(?:\s+on)?|last\s+updated|date)\s*:?\s*/i
/** A time of day with its zone: the day is what a timeline needs. */
const TIME_OF_DAY =
  /[,\s]*(?:at\s+)?(?:\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?(?![A-Za-z]))?|\d{1,2}(?:\.\d{2})?\s*[AaPp]\.?[Mm]\.?(?![A-Za-z]))(?:\s*(?:UTC[+-]\d{1,2}|[A-Z]{2,5}\b|[+-]\d{2}:?\d{2}))?/g

/**
 * A date as found, with the EDTF it names. An ISO timestamp keeps its own calendar day (the
 * publisher's, not converted to UTC); anything else goes through the same reader as typed dates,
 * less 'Published:' and the time of day. What cannot be read gives edtf null, never a guess.
 */
export function readDraftDate(found: string | null | undefined): DraftDate {
  const text = collapseSpaces(found ?? '')
  if (text === '') return { text: '', edtf: null }
  const latin = fromOtherScripts(text).text
  const iso = ISO_DATE.exec(latin)
  if (iso) {
    const edtf = iso[3] ? `${iso[1]}-${iso[2]}-${iso[3]}` : `${iso[1]}-${iso[2]}`
    return { text, edtf: isValidEdtf(edtf) ? edtf : null }
  }
  const words = collapseSpaces(latin.replace(DATE_NOISE, '').replace(TIME_OF_DAY, ' '))
  const read = parseUserDate(words)
  return { text, edtf: read.ok ? read.edtf : null }
}

const ISO_LINE = /^\d{4}-\d{2}(?:-\d{2})?(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/

/**
 * True when a line is a date and nothing else ('Published: 27 March 2023, 10:15 GMT'), as a
 * dateline under a headline is. A sentence that starts with a date is not one.
 */
export function isDateLine(line: string): boolean {
  const text = collapseSpaces(fromOtherScripts(line).text)
  if (text === '' || text.length > 60) return false
  const words = collapseSpaces(text.replace(DATE_NOISE, '').replace(TIME_OF_DAY, ' '))
  return ISO_LINE.test(words) || parseUserDate(words).ok
}

function limit(text: string, max: number, what: string, warnings: string[]): string {
  const chars = Array.from(text)
  if (chars.length <= max) return text
  addWarning(warnings, `The ${what} was over ${max} characters and was shortened.`)
  return chars.slice(0, max - 1).join('') + '…'
}

function shortField(value: string | null, what: string, warnings: string[]): string | null {
  if (value === null) return null
  const text = collapseSpaces(cleanText(value, warnings))
  return text === '' ? null : limit(text, MAX_SHORT_FIELD, what, warnings)
}

/**
 * The last step of every reader: cleans each field, keeps them within the corpus limits, falls
 * back to the file name for a title, and notes direction controls anywhere in the text.
 */
export function finishDraft(draft: DraftInput, fileName: string): Draft {
  const warnings = [...draft.warnings]
  let title = collapseSpaces(cleanText(draft.title, warnings))
  if (title === '') {
    title = titleFromFileName(fileName)
    addWarning(warnings, 'No title was found; the file name is used instead.')
  }
  title = limit(title, MAX_TITLE, 'title', warnings)
  const outlet = shortField(draft.outlet, 'outlet name', warnings)
  const byline = shortField(draft.byline, 'byline', warnings)
  const body = cleanText(draft.body, warnings)
  const published: DraftDate = {
    text: collapseSpaces(cleanText(draft.published.text, warnings)),
    edtf: draft.published.edtf,
  }
  if (published.text !== '' && published.edtf === null)
    addWarning(
      warnings,
      `The date “${published.text}” could not be read as a day, month or year; enter it by hand.`,
    )
  const directionControls = [title, outlet ?? '', byline ?? '', body].reduce(
    (n, text) => n + (text.match(DIRECTION_CONTROL)?.length ?? 0),
    0,
  )
  if (directionControls > 0)
    addWarning(
      warnings,
      `The text contains ${directionControls} invisible direction control${directionControls === 1 ? '' : 's'} ` +
        '(such as U+202E), which can make words display in a different order from how they are ' +
        'stored. They are kept; check quotes around them.',
    )
  const language = draft.language ?? { ...detectLanguage({ text: body }) }
  return {
    title,
    outlet,
    byline,
    published,
    url: httpUrl(draft.url),
    body,
    warnings,
    language,
    sources: draft.sources ?? {},
    removed: draft.removed ?? [],
  }
}

const MONTH_WORD =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/i

/**
 * A short line that names a month or a year as a dateline does, whether or not it can be read:
 * one that cannot stays in the body, and the person is told.
 */
export function looksLikeDateLine(line: string): boolean {
  const text = collapseSpaces(fromOtherScripts(line).text)
  if (text === '' || text.length > 60) return false
  const words = text.split(' ').length
  return words <= 8 && (MONTH_WORD.test(text) || /(?<!\d)(?:1[89]|20)\d{2}(?!\d)/.test(text))
}

/** The warning for a dateline that was found but could not be read. */
export function unreadDatelineWarning(line: string): string {
  return `The line “${collapseSpaces(line)}” looks like a date but could not be read; it is kept in the text. Enter the date by hand if it is the publication date.`
}

/**
 * Date suggestions read out of a passage: every date expression found, the words it came from,
 * how it was resolved (the article's date, the sentence's own year, or why it cannot be) and the
 * EDTF it gives, with its precision and qualifiers. English goes through chrono-node, wrapped by
 * our refusals (a numeric date with two readings is never guessed); years, "since", "recently"
 * and Khmer digits are read here. Suggestions are only offered, never applied
 * (docs/decisions/0016-evidence-suggestions-never-applied.md).
 */
import * as chrono from 'chrono-node'
import type { Dating } from '$shared/corpus'
import { describeDate, isValidEdtf, parseDate } from './dates'
import { parseUserDate } from './user-dates'

export type SuggestionStatus = 'resolved' | 'unresolved' | 'refused'

export interface DateSuggestion {
  /** The words the date came from, as they stand in the text. */
  words: string
  /** Where the words stand in the text given (UTF-16 offsets). */
  start: number
  end: number
  status: SuggestionStatus
  /** The EDTF result; null unless resolved. */
  edtf: string | null
  precision: 'day' | 'month' | 'year' | null
  /** What the date claims beyond its value: "start of an ongoing activity", … */
  qualifiers: string[]
  /** How it was resolved, or why it could not be, in a sentence a user reads. */
  resolution: string
  /** True when the words are in the nearby sentence rather than the passage itself. */
  nearby: boolean
}

export const NO_ARTICLE_DATE = 'cannot be resolved: the article has no date'

/** English month names, from Intl rather than one more list of them. */
const MONTHS = Array.from({ length: 12 }, (_, m) =>
  new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2000, m, 1)),
)

/** What the article's date allows: a year, a month, a day, each only when the date fixes it. */
interface Reference {
  words: string
  year: number | null
  month: string | null
  /** YYYY-MM-DD when the article is dated to one day (its start, for an open interval). */
  day: Date | null
  /** YYYY-MM of the last month the article can be from; null for an open end. */
  lastMonth: string | null
}

function reference(published: Dating | null): Reference | null {
  if (!published || published.edtf === null) return null
  let span
  try {
    span = parseDate(published.edtf)
  } catch {
    return null
  }
  if (!Number.isFinite(span.start)) return null
  const start = new Date(span.start)
  const end = Number.isFinite(span.end) ? new Date(span.end) : null
  const sameYear = end !== null && end.getUTCFullYear() === start.getUTCFullYear()
  const sameMonth = sameYear && end!.getUTCMonth() === start.getUTCMonth()
  const ym = (d: Date) => `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`
  // An open end ("on or after 28 March 2023"): the start still dates what the text says of
  // its own day, as the curated notes do; "recently" then has no upper bound.
  const openEnd = end === null
  const words = sameMonth
    ? `${MONTHS[start.getUTCMonth()]} ${start.getUTCFullYear()}`
    : describeDate(published)
  return {
    words,
    year: sameYear || openEnd ? start.getUTCFullYear() : null,
    month: sameMonth || openEnd ? ym(start) : null,
    day: span.exactDay || openEnd || sameMonth ? start : null,
    lastMonth: end === null ? null : ym(end),
  }
}

interface Span {
  start: number
  end: number
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end
}

/** The sentence around [start, end) of text, by the nearest ., ! or ? and line breaks. */
function sentenceAround(text: string, start: number, end: number): Span {
  let from = start
  while (from > 0 && !/[.!?\n]/.test(text[from - 1]!)) from--
  let to = end
  while (to < text.length && !/[.!?\n]/.test(text[to]!)) to++
  return { start: from, end: to }
}

/** A year written in the same sentence, outside the expression itself. */
function sentenceYear(text: string, at: Span): number | null {
  const sentence = sentenceAround(text, at.start, at.end)
  const re = /(?<![\d])((?:19|20)\d\d)(?![\d])/g
  re.lastIndex = sentence.start
  for (let m = re.exec(text); m && m.index < sentence.end; m = re.exec(text))
    if (!overlaps({ start: m.index, end: m.index + 4 }, at)) return Number(m[1])
  return null
}

const pad = (n: number) => String(n).padStart(2, '0')

/** Khmer digits ០–៩ read as ASCII digits, one code unit each, so offsets stay the same. */
function asciiDigits(text: string): string {
  return text.replace(/[\u17E0-\u17E9]/g, (d) => String(d.charCodeAt(0) - 0x17e0))
}

const RELATIVE_WORDS =
  /\b(ago|last|next|this|yesterday|today|tomorrow|tonight|morning|afternoon|evening|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)\b/i

/**
 * Every date expression in `text`, in order. `published` is the article's date (null or an
 * undated Dating when it has none): it resolves what the text leaves out.
 */
export function suggestDates(text: string, published: Dating | null): DateSuggestion[] {
  const ref = reference(published)
  const digits = asciiDigits(text)
  const found: DateSuggestion[] = []
  const taken: Span[] = []
  const add = (s: Omit<DateSuggestion, 'nearby'>): void => {
    if (taken.some((t) => overlaps(t, s))) return
    taken.push({ start: s.start, end: s.end })
    found.push({ ...s, nearby: false })
  }
  const resolved = (
    at: Span,
    edtf: string,
    resolution: string,
    qualifiers: string[] = [],
  ): Omit<DateSuggestion, 'nearby'> => ({
    words: text.slice(at.start, at.end),
    start: at.start,
    end: at.end,
    status: isValidEdtf(edtf) ? 'resolved' : 'unresolved',
    edtf: isValidEdtf(edtf) ? edtf : null,
    precision: precisionOf(edtf),
    qualifiers,
    resolution,
  })
  const unresolved = (at: Span, resolution: string): Omit<DateSuggestion, 'nearby'> => ({
    words: text.slice(at.start, at.end),
    start: at.start,
    end: at.end,
    status: 'unresolved',
    edtf: null,
    precision: null,
    qualifiers: [],
    resolution,
  })

  // "since 2003": the start of something still going on.
  for (const m of digits.matchAll(/\bsince\s+((?:19|20)\d\d)\b/gi)) {
    add(
      resolved({ start: m.index, end: m.index + m[0].length }, m[1]!, 'the year is in the text', [
        'start of an ongoing activity',
      ]),
    )
  }

  // Years counted from another: "the previous year" from the sentence's year, else the article's.
  for (const m of text.matchAll(
    /\b(?:the\s+)?(previous|preceding|following|next|last|this)\s+year\b|\bthe\s+year\s+(before|after)\b/gi,
  )) {
    const at = { start: m.index, end: m.index + m[0].length }
    const word = (m[1] ?? m[2]!).toLowerCase()
    const step =
      word === 'this' ? 0 : ['previous', 'preceding', 'last', 'before'].includes(word) ? -1 : 1
    // "last/this/next year" count from when the article was written; "the previous year" from
    // the year the sentence is about.
    const own = ['previous', 'preceding', 'following', 'before', 'after'].includes(word)
      ? sentenceYear(digits, at)
      : null
    if (own !== null)
      add(resolved(at, String(own + step), `counted from the sentence's own year (${own})`))
    else if (ref?.year != null)
      add(resolved(at, String(ref.year + step), `counted from the article's date (${ref.words})`))
    else
      add(
        unresolved(
          at,
          ref ? 'cannot be resolved: the article’s date does not fix its year' : NO_ARTICLE_DATE,
        ),
      )
  }

  // "recently", "so far": on or before the time of writing.
  for (const m of text.matchAll(/\b(recently|so far|to date|up to now)\b/gi)) {
    const at = { start: m.index, end: m.index + m[0].length }
    if (ref?.lastMonth)
      add(
        resolved(at, `[..${ref.lastMonth}]`, `before the article's date (${ref.words})`, [
          'on or before the article’s date',
        ]),
      )
    else
      add(
        unresolved(at, ref ? 'cannot be resolved: the article’s date has no end' : NO_ARTICLE_DATE),
      )
  }

  // English dates through chrono-node. Its reference instant is only a default; we decide the
  // year ourselves, and only from what the text or the article's date says.
  const instant = ref?.day ?? new Date(Date.UTC(2000, 0, 1))
  for (const result of chrono.en.casual.parse(
    text,
    { instant, timezone: 0 },
    { forwardDate: false },
  )) {
    const at = { start: result.index, end: result.index + result.text.length }
    const start = result.start
    const has = (c: 'year' | 'month' | 'day' | 'weekday') => start.isCertain(c)
    if (!has('year') && !has('month') && !has('day') && !has('weekday')) continue
    const numeric = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})$/.exec(result.text.trim())
    if (
      numeric &&
      Number(numeric[1]) <= 12 &&
      Number(numeric[2]) <= 12 &&
      numeric[1] !== numeric[2]
    ) {
      const [a, b, y] = [Number(numeric[1]), Number(numeric[2]), numeric[3]]
      add({
        ...unresolved(
          at,
          `not guessed: it could be ${b} ${MONTHS[a - 1]} or ${a} ${MONTHS[b - 1]} ${y}; write the month in words`,
        ),
        status: 'refused',
      })
      continue
    }
    if (RELATIVE_WORDS.test(result.text)) {
      if (!ref) {
        add(unresolved(at, NO_ARTICLE_DATE))
        continue
      }
      if (!ref.day || (ref.lastMonth !== null && !isOneDay(ref))) {
        add(unresolved(at, `cannot be resolved: the article's date (${ref.words}) is not one day`))
        continue
      }
      const d = start.date()
      const iso = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
      add(resolved(at, iso, `counted from the article's date (${ref.words})`))
      continue
    }
    const month = start.get('month')
    const day = has('day') ? start.get('day') : null
    let year: number | null = has('year') ? start.get('year') : null
    let how = 'the date is in the text'
    if (year === null) {
      const own = sentenceYear(digits, at)
      if (own !== null) {
        year = own
        how = `year taken from the same sentence (${own})`
      } else if (ref?.year != null) {
        year = ref.year
        how = `year taken from the article's date (${ref.words})`
      } else {
        add(
          unresolved(
            at,
            ref ? 'cannot be resolved: the article’s date does not fix its year' : NO_ARTICLE_DATE,
          ),
        )
        continue
      }
    }
    if (month === null || !has('month')) add(resolved(at, String(year), how))
    else if (day === null) add(resolved(at, `${year}-${pad(month)}`, how))
    else add(resolved(at, `${year}-${pad(month)}-${pad(day)}`, how))
  }

  // Khmer dates, as the app's own date reader accepts them.
  for (const m of text.matchAll(/[\u1780-\u17FF][\u1780-\u17FF\s\d]*[\u17E0-\u17E9\d]{4}/g)) {
    const read = parseUserDate(m[0])
    if (read.ok)
      add(
        resolved(
          { start: m.index, end: m.index + m[0].length },
          read.edtf,
          'the date is in the text',
        ),
      )
  }

  // A year on its own: "in 2021", "criminal code 2010", "២០២១".
  for (const m of digits.matchAll(/(?<![\d/.-])((?:19|20)\d\d)(?![\d/-])/g))
    add(resolved({ start: m.index, end: m.index + 4 }, m[1]!, 'the year is in the text'))

  return found.sort((a, b) => a.start - b.start)
}

function precisionOf(edtf: string): 'day' | 'month' | 'year' {
  const parts = edtf.replace(/[[\]{}.~?%]/g, '').split('-').length
  return parts >= 3 ? 'day' : parts === 2 ? 'month' : 'year'
}

function isOneDay(ref: Reference): boolean {
  return ref.day !== null && ref.lastMonth !== null && ref.month === ref.lastMonth
}

/**
 * Suggestions for a passage of an article body: those in the passage first, then those in the
 * sentences around it (marked `nearby`), with offsets into the body.
 */
export function suggestForPassage(
  body: string,
  start: number,
  end: number,
  published: Dating | null,
): DateSuggestion[] {
  const around = sentenceAround(body, start, end)
  // One more sentence either side: a figure's year is often stated just before it.
  const before =
    around.start > 1 ? sentenceAround(body, around.start - 2, around.start - 2) : around
  const after =
    around.end < body.length - 1 ? sentenceAround(body, around.end + 1, around.end + 1) : around
  const from = Math.min(before.start, around.start)
  const to = Math.max(after.end, around.end)
  const all = suggestDates(body.slice(from, to), published).map((s) => ({
    ...s,
    start: s.start + from,
    end: s.end + from,
  }))
  const inside = all.filter((s) => s.start >= start && s.end <= end)
  const outside = all
    .filter((s) => !(s.start >= start && s.end <= end))
    .map((s) => ({ ...s, nearby: true }))
  return [...inside, ...outside]
}

/** The first suggestion that gives a date, or null. */
export function bestSuggestion(suggestions: readonly DateSuggestion[]): DateSuggestion | null {
  return suggestions.find((s) => s.status === 'resolved') ?? null
}

/** "10 December 2009 — from “December 10”, year taken from the article's date (December 2009)". */
export function describeSuggestion(s: DateSuggestion): string {
  const from = `from “${s.words}”`
  if (s.status !== 'resolved' || s.edtf === null) return `${from}: ${s.resolution}`
  const qualifiers = s.qualifiers.length > 0 ? ` (${s.qualifiers.join('; ')})` : ''
  return `${describeDate({ edtf: s.edtf, note: '' })}${qualifiers} — ${from}, ${s.resolution}`
}

/** A sentence of an article that mentions dates, with what was read from it. */
export interface DatedSentence {
  /** The sentence, trimmed; the first one is the dateline when the article opens with a date. */
  text: string
  start: number
  suggestions: DateSuggestion[]
}

/**
 * The article's date-bearing sentences, in order, each with its suggestions (offsets into the
 * body): what an imported article says about dates, for the user to read before using any.
 */
export function datedSentences(
  body: string,
  published: Dating | null,
  limit = 50,
): DatedSentence[] {
  const out: DatedSentence[] = []
  let at = 0
  while (at < body.length && out.length < limit) {
    const span = sentenceAround(body, at, at)
    // With its closing mark, as the user would quote it.
    const text = body.slice(span.start, Math.min(span.end + 1, body.length))
    if (text.trim() !== '') {
      const found = suggestDates(text, published).map((s) => ({
        ...s,
        start: s.start + span.start,
        end: s.end + span.start,
      }))
      if (found.length > 0) out.push({ text: text.trim(), start: span.start, suggestions: found })
    }
    at = span.end + 1
  }
  return out
}

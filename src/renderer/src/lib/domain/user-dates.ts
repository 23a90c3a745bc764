/**
 * Dates as people type them: plain English ('12 December 2007', 'circa 2018', 'before March
 * 2023'), the same in other scripts and languages (date-scripts.ts: '២៧ កក្កដា ២០១៩') or EDTF,
 * read into one EDTF string and said back in words, so the person sees what was understood
 * before it is saved. Nothing is guessed: a form with two readings ('03/04/2018') or
 * none that EDTF can hold ('early 2018', 'next Tuesday') is refused with what to write instead.
 */
import { fromOtherScripts } from './date-scripts'
import { DateError, describeDate, parseDate } from './dates'

export type UserDate = { ok: true; edtf: string; words: string } | { ok: false; error: string }

/** Thrown inside the parser and turned into `{ ok: false }` at the top: one message per input. */
class Refusal extends Error {}

const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const

const MONTH_WORDS: ReadonlyMap<string, number> = new Map([
  ...MONTH_NAMES.map((name, i): [string, number] => [name, i + 1]),
  ...MONTH_NAMES.map((name, i): [string, number] => [name.slice(0, 3), i + 1]),
  ['sept', 9],
])

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday']
const WEEKDAY_WORDS: ReadonlyMap<string, number> = new Map([
  ...WEEKDAYS.map((name, i): [string, number] => [name, i]),
  ...WEEKDAYS.map((name, i): [string, number] => [name.slice(0, 3), i]),
  ['tues', 2],
  ['thur', 4],
  ['thurs', 4],
])

const APPROXIMATE = new Set(['circa', 'c', 'ca', 'about', 'around', 'approximately', 'approx'])
const UNCERTAIN = new Set(['possibly', 'perhaps', 'maybe', 'probably'])
const RANGE_TO = new Set(['to', 'until', 'till', 'through', '-', '–', '—'])
const RELATIVE = new Set([
  'today',
  'yesterday',
  'tomorrow',
  'tonight',
  'next',
  'last',
  'this',
  'ago',
  'recently',
  'now',
  'week',
  'weekend',
])
const SEASONS = new Set(['spring', 'summer', 'autumn', 'fall', 'winter'])
const VAGUE_PARTS = new Set(['early', 'mid', 'middle', 'late', 'beginning', 'start', 'end'])

/** EDTF's codes for parts of a year (ISO 8601-2): these have fixed months, unlike seasons. */
const DIVISIONS: Record<string, Record<string, number>> = {
  quarter: { first: 33, second: 34, third: 35, fourth: 36, last: 36 },
  third: { first: 37, second: 38, third: 39, last: 39 },
  half: { first: 40, second: 41, last: 41 },
}
/** First and last month (1-based) of each division code. */
const DIVISION_MONTHS: Record<number, [number, number]> = {
  33: [1, 3],
  34: [4, 6],
  35: [7, 9],
  36: [10, 12],
  37: [1, 4],
  38: [5, 8],
  39: [9, 12],
  40: [1, 6],
  41: [7, 12],
}

const EXAMPLES = '‘12 December 2007’, ‘March 2018’, ‘circa 2018’, ‘before 2010’ or ‘2007-12-12’'

interface Qualifiers {
  approximate: boolean
  uncertain: boolean
}

/** A date as written, with its year. */
type Point = Qualifiers &
  (
    | { kind: 'year'; year: number }
    | { kind: 'month'; year: number; month: number }
    | { kind: 'day'; year: number; month: number; day: number }
    | { kind: 'decade'; year: number }
    | { kind: 'division'; year: number; code: number }
  )

/**
 * The first end of a range or list may leave out what the last end says ('March to June 2019',
 * '12 to 15 March 2018'): a day and/or month waiting for the other end's month and year.
 */
type Opening = Point | (Qualifiers & { kind: 'partial'; month: number | null; day: number | null })

const PLAIN: Qualifiers = { approximate: false, uncertain: false }

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')
const monthName = (month: number): string => {
  const name = MONTH_NAMES[month - 1] ?? ''
  return name.charAt(0).toUpperCase() + name.slice(1)
}

/** A UTC date; unlike Date.UTC, years 0–99 are not taken as 1900–1999. */
function utc(year: number, monthIndex: number, day: number): Date {
  const date = new Date(0)
  date.setUTCFullYear(year, monthIndex, day)
  return date
}

function daysInMonth(year: number, month: number): number {
  return utc(year, month, 0).getUTCDate()
}

function checkDay(input: string, year: number | null, month: number, day: number): void {
  // Without a year (the start of a range), 29 February waits for the year to be known.
  const max = daysInMonth(year ?? 2000, month)
  if (day < 1 || day > max) {
    const where =
      year === null || day > daysInMonth(2000, month)
        ? monthName(month)
        : `${monthName(month)} ${year}`
    throw new Refusal(`Could not read “${input}”: ${where} has no day ${day}.`)
  }
}

function checkMonth(input: string, month: number): void {
  if (month < 1 || month > 12) {
    throw new Refusal(
      `Could not read “${input}”: there is no month ${pad(month)}; months run from 01 to 12.`,
    )
  }
}

// ---- Tokens ----

/** ISO dates, numbers (with ordinal or decade endings), words, and punctuation that matters. */
const TOKEN = /\d{4}-\d{1,2}(?:-\d{1,2})?|\d+(?:st|nd|rd|th|s|'s|’s)?|[a-z]+|[,?~–—-]|\S+/g

function tokenize(s: string): string[] {
  return s.match(TOKEN) ?? []
}

class Reader {
  #tokens: string[]
  #at = 0
  readonly input: string

  constructor(tokens: string[], input: string) {
    this.#tokens = tokens
    this.input = input
  }

  peek(ahead = 0): string | undefined {
    return this.#tokens[this.#at + ahead]
  }

  next(): string | undefined {
    return this.#tokens[this.#at++]
  }

  accept(...words: string[]): boolean {
    for (let i = 0; i < words.length; i++) {
      if (this.peek(i) !== words[i]) return false
    }
    this.#at += words.length
    return true
  }

  get done(): boolean {
    return this.#at >= this.#tokens.length
  }

  /** A refusal naming the word that could not be read. */
  unreadable(hint = `Try ${EXAMPLES}.`): Refusal {
    const word = this.peek()
    if (word === undefined)
      return new Refusal(`“${this.input}” ends too soon to be a date. ${hint}`)
    return new Refusal(`Could not read “${word}” in “${this.input}” as part of a date. ${hint}`)
  }
}

// ---- Points ----

function isYear(token: string | undefined): boolean {
  return token !== undefined && /^\d{4}$/.test(token)
}

/** '12', '12th', '1st': a day number, or null for anything else. */
function dayNumber(token: string | undefined): number | null {
  const match = token === undefined ? null : /^(\d{1,2})(?:st|nd|rd|th)?$/.exec(token)
  return match ? Number(match[1]) : null
}

function refuseVague(r: Reader, word: string): never {
  if (RELATIVE.has(word) || WEEKDAY_WORDS.has(word)) {
    throw new Refusal(
      `Could not read “${r.input}”: “${word}” depends on a day that is not known here. ` +
        'Write the calendar date, e.g. ‘12 December 2007’.',
    )
  }
  if (SEASONS.has(word)) {
    throw new Refusal(
      `Seasons are not read from words: “${word}” covers different months in each hemisphere, ` +
        'so the timeline would have to guess. Write the months (‘between March and May 2018’), ' +
        'or type the EDTF season code if that is what you mean (‘2018-21’ is Spring 2018).',
    )
  }
  if (VAGUE_PARTS.has(word)) {
    throw new Refusal(
      `EDTF has no way to say “${word}” part of a year. Write ‘first half of 2018’, ` +
        '‘first quarter of 2018’, ‘circa 2018’ or a range such as ‘between January and April 2018’.',
    )
  }
  throw r.unreadable()
}

function readQualifiers(r: Reader): Qualifiers {
  const q: Qualifiers = { approximate: false, uncertain: false }
  for (;;) {
    const word = r.peek()
    if (word !== undefined && APPROXIMATE.has(word)) q.approximate = true
    else if (word !== undefined && UNCERTAIN.has(word)) q.uncertain = true
    else return q
    r.next()
  }
}

/** Words that may follow a bare day opening a range or list ('12 to 15 March 2018'). */
const AFTER_BARE_DAY = new Set([...RANGE_TO, 'and', 'or', ','])

function noYear(r: Reader, example: string): Refusal {
  return new Refusal(`“${r.input}” has no year: write it in full, e.g. ‘${example}’.`)
}

/** The year after a day and month, or the day and month alone when they open a range. */
function dayWithYear(r: Reader, month: number, day: number, partial: boolean): Opening {
  checkDay(r.input, null, month, day)
  r.accept(',')
  if (isYear(r.peek())) {
    const year = Number(r.next())
    checkDay(r.input, year, month, day)
    return { kind: 'day', year, month, day, ...PLAIN }
  }
  if (partial) return { kind: 'partial', month, day, ...PLAIN }
  throw noYear(r, `${day} ${monthName(month)} 2009`)
}

/** After a month: 'December 12, 2007', 'December 2009', 'Dec 12 2007', or no year in a range. */
function afterMonth(r: Reader, month: number, partial: boolean): Opening {
  r.accept(',')
  if (isYear(r.peek())) return { kind: 'month', year: Number(r.next()), month, ...PLAIN }
  const day = dayNumber(r.peek())
  if (day !== null) {
    r.next()
    return dayWithYear(r, month, day, partial)
  }
  const next = r.peek()
  if (next !== undefined && /^\d+$/.test(next)) {
    throw new Refusal(`${monthName(month)} has no day ${Number(next)}.`)
  }
  if (partial) return { kind: 'partial', month, day: null, ...PLAIN }
  throw noYear(r, `${monthName(month)} 2009`)
}

/** After a day number: '12 December 2007', '12th of Dec 2007', or a bare day opening a range. */
function afterDay(r: Reader, day: number, partial: boolean): Opening {
  r.accept('of')
  const month = MONTH_WORDS.get(r.peek() ?? '')
  if (month !== undefined) {
    r.next()
    return dayWithYear(r, month, day, partial)
  }
  if (partial && AFTER_BARE_DAY.has(r.peek() ?? '')) {
    return { kind: 'partial', month: null, day, ...PLAIN }
  }
  throw r.unreadable()
}

function readIso(r: Reader, token: string): Point {
  const [year = 0, month = 0, day] = token.split('-').map(Number)
  checkMonth(r.input, month)
  if (day === undefined) return { kind: 'month', year, month, ...PLAIN }
  checkDay(r.input, year, month, day)
  return { kind: 'day', year, month, day, ...PLAIN }
}

/** 'first half of 2018', 'last quarter of 2018': EDTF's divisions, which have fixed months. */
function readDivision(r: Reader, which: string): Point | null {
  const part = r.peek(1)
  const code = part === undefined ? undefined : DIVISIONS[part]?.[which]
  const year = r.peek(3)
  if (code === undefined || r.peek(2) !== 'of' || !isYear(year)) return null
  r.accept(which, part ?? '', 'of', year ?? '')
  return { kind: 'division', year: Number(year), code, ...PLAIN }
}

function readWeekday(r: Reader): number | null {
  const weekday = WEEKDAY_WORDS.get(r.peek() ?? '')
  // A weekday alone ('Tuesday') is refused below as relative; with a date it is checked.
  if (weekday === undefined || r.peek(1) === undefined) return null
  r.next()
  r.accept(',')
  return weekday
}

function checkWeekday(r: Reader, point: Opening, weekday: number): void {
  if (point.kind !== 'day') {
    throw new Refusal(`“${r.input}”: a weekday can only go with a full date.`)
  }
  const actual = utc(point.year, point.month - 1, point.day).getUTCDay()
  if (actual !== weekday) {
    const name = (i: number): string => (WEEKDAYS[i] ?? '').replace(/^./, (c) => c.toUpperCase())
    throw new Refusal(
      `${point.day} ${monthName(point.month)} ${point.year} was a ${name(actual)}, not a ` +
        `${name(weekday)}: check the date.`,
    )
  }
}

/** The date itself, after any qualifiers and before any '?' or '~'. */
function readBase(r: Reader, partial: boolean): Opening {
  const token = r.peek()
  if (token === undefined) throw r.unreadable()
  const month = MONTH_WORDS.get(token)
  const day = dayNumber(token)
  if (/^\d{4}-\d{1,2}(-\d{1,2})?$/.test(token)) {
    r.next()
    return readIso(r, token)
  }
  if (isYear(token)) {
    r.next()
    return { kind: 'year', year: Number(token), ...PLAIN }
  }
  if (/^\d{4}(s|'s|’s)$/.test(token)) {
    r.next()
    const year = Number(token.slice(0, 4))
    if (year % 10 !== 0) {
      throw new Refusal(
        `“${token}” is not a decade: decades start on a year ending in 0 (the 1990s).`,
      )
    }
    return { kind: 'decade', year, ...PLAIN }
  }
  if (month !== undefined) {
    r.next()
    return afterMonth(r, month, partial)
  }
  const beforeMonth = MONTH_WORDS.has(r.peek(1) ?? '') || r.peek(1) === 'of'
  if (day !== null && ((day >= 1 && day <= 31) || beforeMonth)) {
    r.next()
    return afterDay(r, day, partial)
  }
  if (token === 'q' && /^[1-4]$/.test(r.peek(1) ?? '') && isYear(r.peek(2))) {
    r.next()
    const code = 32 + Number(r.next())
    return { kind: 'division', year: Number(r.next()), code, ...PLAIN }
  }
  if (/^\d/.test(token)) {
    throw new Refusal(
      `Could not read “${token}” in “${r.input}”: write years with four digits (2009), ` +
        'days with a month name (‘12 December 2007’) and decades as ‘the 1990s’.',
    )
  }
  return readDivision(r, token) ?? refuseVague(r, token)
}

/**
 * One date: qualifiers ('circa', 'possibly'), a day, month, year, decade or part of a year, then
 * '?' or '~'. With `partial`, a day or month may come without its year (the start of a range).
 */
function readPoint(r: Reader, partial: boolean): Opening {
  const q = readQualifiers(r)
  if (!r.accept('in')) r.accept('during')
  const weekday = readWeekday(r)
  r.accept('the')
  const point = readBase(r, partial)
  if (weekday !== null) checkWeekday(r, point, weekday)
  if (r.accept('?')) q.uncertain = true
  if (r.accept('~')) q.approximate = true
  return { ...point, ...q }
}

function readFullPoint(r: Reader): Point {
  return complete(r, readPoint(r, false))
}

function complete(r: Reader, p: Opening): Point {
  if (p.kind !== 'partial') return p
  const example = `${p.day === null ? '' : `${p.day} `}${monthName(p.month ?? 3)} 2009`
  throw noYear(r, example)
}

// ---- Points to EDTF ----

function qualifierMark(q: Qualifiers): string {
  return q.approximate && q.uncertain ? '%' : q.approximate ? '~' : q.uncertain ? '?' : ''
}

/** A day, month or year without qualifiers: what open ranges and interval ends are made of. */
type Plain =
  | { kind: 'year'; year: number }
  | { kind: 'month'; year: number; month: number }
  | { kind: 'day'; year: number; month: number; day: number }

function plainEdtf(p: Plain): string {
  switch (p.kind) {
    case 'year':
      return pad(p.year, 4)
    case 'month':
      return `${pad(p.year, 4)}-${pad(p.month)}`
    case 'day':
      return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`
  }
}

function pointEdtf(p: Point): string {
  const mark = qualifierMark(p)
  switch (p.kind) {
    case 'decade':
      // '199X' is the unqualified form asked for; a qualifier needs EDTF's decade form ('199~').
      return `${String(p.year).slice(0, 3)}${mark || 'X'}`
    case 'division':
      return `${pad(p.year, 4)}-${p.code}${mark}`
    default:
      return plainEdtf(p) + mark
  }
}

/** The first or last day, month or year a point covers. */
function edge(p: Point, which: 'first' | 'last'): Plain {
  switch (p.kind) {
    case 'decade':
      return { kind: 'year', year: which === 'first' ? p.year : p.year + 9 }
    case 'division': {
      const [first, last] = DIVISION_MONTHS[p.code] ?? [1, 12]
      return { kind: 'month', year: p.year, month: which === 'first' ? first : last }
    }
    default:
      return p
  }
}

/** The day, month or year just before (-1) or after (1), at the same precision. */
function step(p: Plain, by: 1 | -1): Plain {
  switch (p.kind) {
    case 'year':
      return { kind: 'year', year: p.year + by }
    case 'month': {
      const d = utc(p.year, p.month - 1 + by, 1)
      return { kind: 'month', year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 }
    }
    case 'day': {
      const d = utc(p.year, p.month - 1, p.day + by)
      return {
        kind: 'day',
        year: d.getUTCFullYear(),
        month: d.getUTCMonth() + 1,
        day: d.getUTCDate(),
      }
    }
  }
}

/**
 * '[..X]' or '[X..]'. "Before March 2023" excludes March, so it ends with February; "on or before"
 * includes it. Qualified dates are refused: EDTF has no '[..2018~]'.
 */
function openEnded(
  r: Reader,
  side: 'before' | 'after',
  inclusive: boolean,
  words: string,
  p: Point = readFullPoint(r),
): string {
  if (p.approximate || p.uncertain) {
    throw new Refusal(
      `“${r.input}”: EDTF cannot say “${words}” a date that is itself approximate or ` +
        'uncertain. Leave out ‘circa’ or ‘possibly’, or give a range.',
    )
  }
  if (side === 'before') {
    return `[..${plainEdtf(inclusive ? edge(p, 'last') : step(edge(p, 'first'), -1))}]`
  }
  return `[${plainEdtf(inclusive ? edge(p, 'first') : step(edge(p, 'last'), 1))}..]`
}

/** Completes an opening ('March', '12 March', '12') with the month and year of `last`. */
function borrowYear(r: Reader, from: Opening, last: Point): Point {
  if (from.kind !== 'partial') return from
  const { month, day, approximate, uncertain } = from
  const { year } = last
  if (month === null) {
    if (day === null || last.kind !== 'day') throw noYear(r, `${day ?? 12} March 2009`)
    checkDay(r.input, year, last.month, day)
    return { kind: 'day', year, month: last.month, day, approximate, uncertain }
  }
  if (day === null) return { kind: 'month', year, month, approximate, uncertain }
  checkDay(r.input, year, month, day)
  return { kind: 'day', year, month, day, approximate, uncertain }
}

function intervalEnd(p: Point, which: 'first' | 'last'): string {
  // Decades and parts of a year cannot be interval ends here, so they become their edges.
  return p.kind === 'decade' || p.kind === 'division' ? plainEdtf(edge(p, which)) : pointEdtf(p)
}

function interval(r: Reader, opening: Opening): string {
  const to = readFullPoint(r)
  const from = borrowYear(r, opening, to)
  const start = intervalEnd(from, 'first')
  const end = intervalEnd(to, 'last')
  if (parseDate(start).start > parseDate(end).start) {
    throw new Refusal(
      `“${r.input}” ends before it starts. If it runs into the next year, write both years ` +
        '(‘between December 2018 and February 2019’).',
    )
  }
  return `${start}/${end}`
}

function oneOf(r: Reader, first: Opening): string {
  const openings: Opening[] = [first]
  while (r.accept(',') || r.accept('or')) openings.push(readPoint(r, true))
  const last = complete(r, openings[openings.length - 1] ?? first)
  return `[${openings.map((p) => pointEdtf(borrowYear(r, p, last))).join(',')}]`
}

function readExpression(r: Reader): string {
  if (r.accept('between')) {
    const from = readPoint(r, true)
    if (!r.accept('and')) throw r.unreadable('A range is written ‘between 2018 and 2019’.')
    return interval(r, from)
  }
  if (r.accept('on', 'or', 'before')) return openEnded(r, 'before', true, 'on or before')
  if (r.accept('on', 'or', 'after')) return openEnded(r, 'after', true, 'on or after')
  for (const words of ['no later than', 'not later than', 'not after', 'by', 'until', 'up to']) {
    if (r.accept(...words.split(' '))) return openEnded(r, 'before', true, words)
  }
  for (const words of ['no earlier than', 'not earlier than', 'not before', 'since']) {
    if (r.accept(...words.split(' '))) return openEnded(r, 'after', true, words)
  }
  if (r.accept('before')) return openEnded(r, 'before', false, 'before')
  if (r.accept('after')) return openEnded(r, 'after', false, 'after')

  const from = r.accept('from')
  if (!from) r.accept('either')
  r.accept('on')
  const first = readPoint(r, true)
  const next = r.peek()
  if (next !== undefined && RANGE_TO.has(next)) {
    r.next()
    return interval(r, first)
  }
  if (!from && (next === 'or' || next === ',')) return oneOf(r, first)
  const point = complete(r, first)
  if (!from) return pointEdtf(point)
  // 'from 2010' with no end: on or after.
  return openEnded(r, 'after', true, 'from', point)
}

// ---- Whole input ----

/** Numeric dates whose day and month order is a convention, not something the text says. */
const NUMERIC_DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/
const NUMERIC_YMD = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/
const NUMERIC_MY = /^(\d{1,2})[/.-](\d{4})$/
/** Characters only EDTF uses: when the input has them, EDTF's own complaint is the useful one. */
const EDTF_SYNTAX = /[[\]{}%/]|\.\.|\dX|X\d|XX/

/**
 * Why an all-numeric date is refused: '03/04/2018' is 3 April in most of the world and 4 March in
 * the US, and nothing in the text says which, so the person writes the month as a word instead.
 */
function numericRefusal(s: string): string | null {
  let m = NUMERIC_DMY.exec(s)
  if (m) {
    const [a, b, y] = [Number(m[1]), Number(m[2]), m[3] ?? '']
    if (y.length === 2) {
      return (
        `Could not read “${s}”: the year has two digits and the month is a number. Write the ` +
        'date in full with the month as a word, e.g. ‘3 April 2018’, or as YYYY-MM-DD.'
      )
    }
    const year = Number(y)
    const readings: string[] = []
    for (const [day, month] of [
      [a, b],
      [b, a],
    ] as const) {
      if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) continue
      const reading = `‘${day} ${monthName(month)} ${y}’ (${y}-${pad(month)}-${pad(day)})`
      if (!readings.includes(reading)) readings.push(reading)
    }
    const [first, second] = readings
    if (first === undefined) return `Could not read “${s}”: no day and month fit those numbers.`
    const write = 'Write the month as a word, or the date as YYYY-MM-DD'
    if (second === undefined) {
      return `“${s}” leaves the order of day and month to a convention. ${write}: ${first}.`
    }
    return `“${s}” is ambiguous: it could be ${first} or ${second}. ${write}.`
  }
  m = NUMERIC_YMD.exec(s)
  if (m) {
    const iso = `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}`
    return `Could not read “${s}”: write year-month-day with hyphens (${iso}) or the month as a word.`
  }
  m = NUMERIC_MY.exec(s)
  if (m) {
    const month = Number(m[1])
    if (month >= 1 && month <= 12) {
      return `Could not read “${s}”: write the month as a word (‘${monthName(month)} ${m[2]}’) or as YYYY-MM (${m[2]}-${pad(month)}).`
    }
  }
  return null
}

function edtfError(s: string): string {
  try {
    parseDate(s)
    return ''
  } catch (error) {
    return error instanceof DateError ? error.message : `“${s}” is not a valid EDTF date.`
  }
}

function accept(edtf: string): UserDate {
  return { ok: true, edtf, words: describeDate({ edtf, note: '' }) }
}

/**
 * Reads a date typed by a person: EDTF as it is ('2007-12-12', '2018~', '[..2009-12]') or plain
 * English ('12 December 2007', 'circa 2018', 'between March 2018 and June 2019', 'after 2010',
 * 'the 1990s'). On success, `words` is how the app will show the date, to say back what was read.
 */
export function parseUserDate(input: string): UserDate {
  const rewritten = fromOtherScripts(input)
  if (rewritten.text === input) return parseEnglishDate(input)
  const read = parseEnglishDate(rewritten.text)
  if (!read.ok)
    return { ok: false, error: read.error.replaceAll(`“${rewritten.text}”`, `“${input.trim()}”`) }
  // A Buddhist Era year is shown as the person wrote it, beside the year it is.
  const words =
    rewritten.buddhistYear === null
      ? read.words
      : `${read.words} (Buddhist Era ${rewritten.buddhistYear})`
  return { ok: true, edtf: read.edtf, words }
}

/** The English and EDTF reader, after other scripts and languages are rewritten. */
function parseEnglishDate(input: string): UserDate {
  const s = input
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s.]+$/, '')
  if (s.length === 0) {
    return { ok: false, error: `Type a date, e.g. ${EXAMPLES}.` }
  }
  const numeric = numericRefusal(s)
  if (numeric) return { ok: false, error: numeric }
  if (/^\d{1,3}$/.test(s)) {
    // EDTF reads '12' as the 1200s and '201' as the 2010s, which a person rarely means.
    return {
      ok: false,
      error: `“${s}” is not a year: write years with four digits (e.g. 2012), or a decade as ‘the 2010s’.`,
    }
  }
  if (edtfError(s) === '') return accept(s)
  if (EDTF_SYNTAX.test(s)) return { ok: false, error: edtfError(s) }

  // Dots end abbreviations ('c.', 'Dec.') and say nothing else here.
  const words = s.toLowerCase().replace(/([a-z])\./g, '$1 ')
  const r = new Reader(tokenize(words), s)
  try {
    const edtf = readExpression(r)
    if (!r.done) throw r.unreadable()
    const problem = edtfError(edtf)
    if (problem !== '') {
      return {
        ok: false,
        error: `“${s}” has no EDTF form this app can read (${edtf}). Try it without ‘circa’ or ‘possibly’, or as a range.`,
      }
    }
    return accept(edtf)
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, error: error.message }
    throw error
  }
}

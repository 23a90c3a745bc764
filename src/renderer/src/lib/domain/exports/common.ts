/**
 * Pieces the export formats share: events in date order with their notes, plain-text citations,
 * a date broken into calendar parts for formats that want numbers, and the index of
 * people and organisations named on the exported events.
 */
import { compareByDate, describeDate, parseDate } from '../dates'
import type { Dating, Stance } from '../../../../../shared/corpus'
import type { AppEvent } from '../events'
import type { Note } from '../types'
import type { ExportArticle, ExportEntity } from './input'

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

export function sortedEvents(events: readonly AppEvent[]): AppEvent[] {
  return [...events].sort(compareByDate)
}

export function articlesById(articles: readonly ExportArticle[]): Map<string, ExportArticle> {
  return new Map(articles.map((a) => [a.id, a]))
}

function byCreation(a: Note, b: Note): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

/** Each event's notes, oldest first. */
export function notesByEvent(notes: readonly Note[]): Map<string, Note[]> {
  const map = new Map<string, Note[]>()
  for (const note of [...notes].sort(byCreation)) {
    map.set(note.eventId, [...(map.get(note.eventId) ?? []), note])
  }
  return map
}

/** An ISO 8601 date-time in UTC, or null for a time that is not a number. */
export function isoDateTime(ms: number): string | null {
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null
}

export function isoMinutes(ms: number): string {
  const iso = isoDateTime(ms)
  return iso === null ? 'an unknown time' : `${iso.slice(0, 16)}Z`
}

/** 'Undated' or the date in words with a capital: for the start of a line or a heading. */
export function whenWords(date: Dating): string {
  const words = date.edtf === null ? 'Undated' : describeDate(date)
  return words.charAt(0).toUpperCase() + words.slice(1)
}

export function publishedWords(article: ExportArticle): string {
  return article.published.edtf === null ? 'undated' : describeDate(article.published)
}

/** "Outlet, “Title”, date, by Byline" as plain text; the caller escapes it for its format. */
export function citationText(article: ExportArticle | undefined, articleId: string): string {
  if (!article) return `source not in this export (${articleId})`
  const outlet = article.outlet ?? 'outlet not named'
  const byline = article.byline === null ? '' : `, by ${article.byline}`
  return `${outlet}, “${article.title}”, ${publishedWords(article)}${byline}`
}

export function stanceWords(stance: Stance): string {
  return stance === 'contradicts' ? 'Contradicts this event' : 'Supports this event'
}

/** The titles of the distinct articles an event quotes, in the order first quoted. */
export function sourceTitles(
  event: AppEvent,
  articles: ReadonlyMap<string, ExportArticle>,
): string[] {
  const ids = [...new Set(event.evidence.map((e) => e.articleId))]
  return ids.map((id) => articles.get(id)?.title ?? `source not in this export (${id})`)
}

// ---- Dates as calendar parts ----

export interface CalendarParts {
  year: number
  /** 1–12. */
  month?: number
  /** 1–31. */
  day?: number
}

function partsAt(ms: number, precision: 'year' | 'month' | 'day'): CalendarParts {
  const d = new Date(ms)
  const year = d.getUTCFullYear()
  if (precision === 'year') return { year }
  if (precision === 'month') return { year, month: d.getUTCMonth() + 1 }
  return { year, month: d.getUTCMonth() + 1, day: d.getUTCDate() }
}

const DAY_MS = 86_400_000

/** The coarsest of year, month and day at which a closed span starts and ends on boundaries. */
function spanPrecision(start: number, end: number): 'year' | 'month' | 'day' {
  const first = new Date(start)
  const after = new Date(end + 1)
  const startsDay = start % DAY_MS === 0
  const endsDay = (end + 1) % DAY_MS === 0
  if (!startsDay || !endsDay || first.getUTCDate() !== 1 || after.getUTCDate() !== 1) return 'day'
  return first.getUTCMonth() === 0 && after.getUTCMonth() === 0 ? 'year' : 'month'
}

/**
 * Where a date can be placed on a calendar. `plain` is a year, month or day with no qualifier
 * (its parts say it all); `qualified` and `span` need their words beside the parts. A span with
 * an open start is placed at the last day it allows. `range` marks a plain interval with both
 * ends known, whose parts are exact. Null for undated or unreadable dates and for dates open at
 * both ends.
 */
export type Placement =
  | { kind: 'plain'; start: CalendarParts }
  | { kind: 'qualified'; start: CalendarParts; approximate: boolean; uncertain: boolean }
  | {
      kind: 'span'
      start: CalendarParts
      end: CalendarParts | null
      words: string
      range: boolean
    }

export function placeDate(date: Dating): Placement | null {
  if (date.edtf === null) return null
  let span
  try {
    span = parseDate(date.edtf)
  } catch {
    return null
  }
  if (span.kind === 'year' || span.kind === 'month' || span.kind === 'day') {
    const start = partsAt(span.start, span.kind)
    if (!span.approximate && !span.uncertain) return { kind: 'plain', start }
    return { kind: 'qualified', start, approximate: span.approximate, uncertain: span.uncertain }
  }
  const words = describeDate(date)
  if (!span.openStart && !span.openEnd) {
    const precision = spanPrecision(span.start, span.end)
    const range = span.kind === 'interval' && !span.approximate && !span.uncertain
    const start = partsAt(span.start, precision)
    const end = partsAt(span.end, precision)
    return { kind: 'span', start, end, words, range }
  }
  if (!span.openStart) {
    return { kind: 'span', start: partsAt(span.start, 'day'), end: null, words, range: false }
  }
  if (!span.openEnd) {
    return { kind: 'span', start: partsAt(span.end, 'day'), end: null, words, range: false }
  }
  return null
}

// ---- People and organisations ----

export interface NamedEntry {
  name: string
  kind: 'person' | 'organisation'
  /** Other spellings the catalogue holds for it; none for a name it does not know. */
  aliases: string[]
  /** The exported events that name it, in date order. */
  events: AppEvent[]
}

/**
 * Everyone the exported events name, under their catalogue name when the catalogue knows the
 * name or one of its aliases, else as written; sorted by name within each kind.
 */
export function namedIndex(
  events: readonly AppEvent[],
  entities: readonly ExportEntity[],
): NamedEntry[] {
  const byForm = new Map<string, ExportEntity>()
  for (const entity of entities) {
    for (const form of [entity.name, ...entity.aliases]) {
      if (!byForm.has(form)) byForm.set(form, entity)
    }
  }
  const entries = new Map<string, NamedEntry>()
  for (const event of sortedEvents(events)) {
    const names: [string, NamedEntry['kind']][] = [
      ...event.people.map((n): [string, NamedEntry['kind']] => [n, 'person']),
      ...event.organisations.map((n): [string, NamedEntry['kind']] => [n, 'organisation']),
    ]
    for (const [name, listedAs] of names) {
      const entity = byForm.get(name)
      const key = entity ? `entity:${entity.id}` : `${listedAs}:${name}`
      const entry = entries.get(key) ?? {
        name: entity?.name ?? name,
        kind: entity?.kind ?? listedAs,
        aliases: entity ? [...entity.aliases] : [],
        events: [],
      }
      // Events come one at a time, so a repeat can only be this event naming it twice.
      if (entry.events[entry.events.length - 1] !== event) entry.events.push(event)
      entries.set(key, entry)
    }
  }
  return [...entries.values()].sort(
    (a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name, 'en'),
  )
}

/** The calendar year an event sorts under, or null when it is undated or cannot be placed. */
export function sortYear(date: Dating): number | null {
  const placed = placeDate(date)
  return placed === null ? null : placed.start.year
}

// ---- Files in pieces (pieces.ts) ----

/** Called once per unit of work done: an event written, or an element of a JSON list. */
export type Tick = () => void

/**
 * Pieces between separators: `start`, the blocks joined by `separator`, then `end`, as
 * `start + blocks.join(separator) + end` would write them.
 */
export function* joined(
  blocks: Iterable<string>,
  separator: string,
  start = '',
  end = '',
): Generator<string> {
  let first = true
  yield start
  for (const block of blocks) {
    yield first ? block : separator + block
    first = false
  }
  yield end
}

export function joinPieces(pieces: Iterable<string>): string {
  let text = ''
  for (const piece of pieces) text += piece
  return text
}

/**
 * The events as a spreadsheet: one row per event in date order, RFC 4180 (every field quoted,
 * CRLF between records) with a UTF-8 byte order mark so spreadsheet programs read the text as
 * UTF-8. Lists inside a cell are joined with '; ' or, for quotes, sources and notes, line breaks.
 */
import { categoryLabel } from '../../../../../shared/corpus'
import { describeDate } from '../dates'
import type { AppEvent } from '../events'
import type { Note } from '../types'
import {
  articlesById,
  joined,
  joinPieces,
  notesByEvent,
  sortedEvents,
  sourceTitles,
  type Tick,
} from './common'
import type { ExportArticle, ExportInput } from './input'
import type { GradeBook } from '../grading'
import { gradeBook, quoteGradeText, supportText } from './grades'

export const CSV_COLUMNS = [
  'EDTF date',
  'Date',
  'Title',
  'Category',
  'People',
  'Organisations',
  'Tags',
  'Sources',
  'Quotes',
  'Support',
  'Grades',
  'Notes',
  'Summary',
  'Date note',
  'Added by',
  'Event ID',
] as const

/**
 * A spreadsheet runs a cell that starts with = + - or @ as a formula (and some also after a tab
 * or carriage return), so text from an article or a note could compute, or fetch a URL, when the
 * file is opened: "CSV injection". Such cells get a leading apostrophe, which spreadsheets show
 * as text and do not display; the OWASP guidance for CSV export. A reader of the raw file sees it.
 */
const FORMULA_START = /^[=+\-@\t\r]/

export function guardFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell
}

/** RFC 4180: every field in double quotes, quotes inside doubled. */
function field(cell: string): string {
  return `"${guardFormula(cell).replace(/"/g, '""')}"`
}

function quoteCell(event: AppEvent, articles: Map<string, ExportArticle>): string {
  return event.evidence
    .map((e) => {
      const title = articles.get(e.articleId)?.title ?? `source not in this export (${e.articleId})`
      return `[${e.stance}] “${e.quote.exact}” — ${title}`
    })
    .join('\n')
}

function notesCell(notes: readonly Note[]): string {
  return notes.map((n) => n.body.trim()).join('\n\n')
}

/** One line per quote, in the Quotes cell's order: its grades in words, or "ungraded". */
function gradesCell(event: AppEvent, grades: GradeBook): string {
  return event.evidence.map((e) => quoteGradeText(e, grades) ?? 'ungraded').join('\n')
}

function row(
  event: AppEvent,
  notes: readonly Note[],
  articles: Map<string, ExportArticle>,
  grades: GradeBook,
): string[] {
  return [
    event.date.edtf ?? '',
    describeDate(event.date),
    event.title,
    categoryLabel(event.category),
    event.people.join('; '),
    event.organisations.join('; '),
    event.tags.join('; '),
    sourceTitles(event, articles).join('\n'),
    quoteCell(event, articles),
    supportText(event, grades),
    gradesCell(event, grades),
    notesCell(notes),
    event.summary,
    event.date.note,
    event.origin === 'user' ? 'you' : 'curated',
    event.id,
  ]
}

/** The CSV text, starting with a byte order mark and ending with CRLF. */
export function buildCsv(input: ExportInput): string {
  return joinPieces(csvPieces(input))
}

/** The CSV in pieces (pieces.ts), a record at a time, ticking once per event. */
export function csvPieces(input: ExportInput, tick: Tick = () => {}): Iterable<string> {
  return joined(csvRecords(input, tick), '\r\n', '\uFEFF', '\r\n')
}

function* csvRecords(input: ExportInput, tick: Tick): Generator<string> {
  const articles = articlesById(input.articles)
  const notes = notesByEvent(input.notes)
  const grades = gradeBook(input)
  yield CSV_COLUMNS.map(field).join(',')
  for (const event of sortedEvents(input.events)) {
    yield row(event, notes.get(event.id) ?? [], articles, grades)
      .map(field)
      .join(',')
    tick()
  }
}

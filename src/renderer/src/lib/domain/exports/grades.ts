/**
 * Grades and explained conflicts as the export formats say them: a quote's grades in words, an
 * event's support, an article's reliability, and each conflict the user explained. Plain text;
 * each format escapes it for itself.
 */
import {
  GradeBook,
  RELIABILITY_WORDS,
  CREDIBILITY_WORDS,
  describeSupport,
  gradeCode,
  quoteGrade,
  supportSummary,
  type GradeRecord,
} from '../grading'
import type { AppEvent, EvidenceView } from '../events'
import type { ExportInput } from './input'

export function gradeBook(input: Pick<ExportInput, 'grades'>): GradeBook {
  return new GradeBook(input.grades ?? [])
}

function withReason(record: GradeRecord | null): string {
  return record && record.reason !== '' ? ` (reason: ${record.reason})` : ''
}

/** "B2: source B — usually reliable (reason: …); quote 2 — probably true", or null if ungraded. */
export function quoteGradeText(evidence: EvidenceView, book: GradeBook): string | null {
  const pair = quoteGrade(evidence, book)
  if (pair.reliability === null && pair.credibility === null) return null
  const source =
    pair.reliability === null
      ? 'source ungraded'
      : `source ${pair.reliability} — ${RELIABILITY_WORDS[pair.reliability]}` +
        withReason(book.get('article', evidence.articleId))
  const quote =
    pair.credibility === null
      ? 'quote ungraded'
      : `quote ${pair.credibility} — ${CREDIBILITY_WORDS[pair.credibility]}` +
        withReason(book.get('quote', evidence.id))
  return `${gradeCode(pair)}: ${source}; ${quote}`
}

/** "A — completely reliable (reason: …)", or null when the article is ungraded. */
export function reliabilityText(articleId: string, book: GradeBook): string | null {
  const grade = book.reliability(articleId)
  if (grade === null) return null
  return `${grade} — ${RELIABILITY_WORDS[grade]}${withReason(book.get('article', articleId))}`
}

/** "2 — probably true (reason: …)", or null when the highlight is ungraded. */
export function highlightGradeText(highlightId: string, book: GradeBook): string | null {
  const grade = book.credibility('highlight', highlightId)
  if (grade === null) return null
  return `${grade} — ${CREDIBILITY_WORDS[grade]}${withReason(book.get('highlight', highlightId))}`
}

export function supportText(event: AppEvent, book: GradeBook): string {
  return describeSupport(supportSummary(event, book))
}

/** The conflicts the user explained, said with the event's title where there is one. */
export function explainedConflicts(input: ExportInput): { what: string; note: string }[] {
  const titles = new Map(input.events.map((e) => [e.id, e.title]))
  return [...(input.conflictNotes ?? [])]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((n) => ({ what: conflictWords(n.id, titles), note: n.note }))
}

function conflictWords(id: string, titles: ReadonlyMap<string, string>): string {
  const [kind, ...rest] = id.split(':')
  const eventTitle = titles.get(rest.join(':'))
  if (kind === 'support') return `Quotes for and against “${eventTitle ?? rest.join(':')}”`
  if (kind === 'dates') return `Quotes giving different dates for “${eventTitle ?? rest.join(':')}”`
  if (kind === 'figures') {
    const counts = rest.at(-1)!
    const scope = rest.slice(0, -1)
    const event = titles.get(scope.join(':'))
    return event
      ? `Figures that disagree (${counts}) in “${event}”`
      : `Figures that disagree (${counts}), ${scope.join(', ')}`
  }
  return id
}

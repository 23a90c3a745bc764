/**
 * The events as TimelineJS 3 JSON (Knight Lab's storytelling timeline), one slide per dated event
 * with its summary, quotes, citations and notes. Dates come from EDTF: anything that is not a
 * plain year, month or day also carries its wording as display_date. Undated events cannot be
 * placed, so they are left out and counted in the title slide. Every text field is HTML to
 * TimelineJS, so everything put there is escaped here.
 */
import { categoryLabel } from '../../../../../shared/corpus'
import type { AppEvent } from '../events'
import type { Note } from '../types'
import {
  articlesById,
  citationText,
  notesByEvent,
  placeDate,
  plural,
  sortedEvents,
  stanceWords,
  whenWords,
} from './common'
import { escapeHtml, htmlLines } from './escape'
import type { CalendarParts } from './common'
import type { ExportArticle, ExportInput } from './input'

export type TimelineJsDate = CalendarParts

export interface TimelineJsText {
  headline: string
  text: string
}

export interface TimelineJsSlide {
  start_date: TimelineJsDate
  end_date?: TimelineJsDate
  display_date?: string
  text: TimelineJsText
  group?: string
  unique_id?: string
}

export interface TimelineJsData {
  title: { text: TimelineJsText }
  events: TimelineJsSlide[]
}

function evidenceHtml(event: AppEvent, articles: Map<string, ExportArticle>): string {
  if (event.evidence.length === 0) return '<p><em>No quote has been attached yet.</em></p>'
  return event.evidence
    .map((e) => {
      const stance =
        e.stance === 'contradicts' ? `<p><strong>${stanceWords(e.stance)}:</strong></p>` : ''
      const cite = escapeHtml(citationText(articles.get(e.articleId), e.articleId))
      return `${stance}<blockquote>${htmlLines(e.quote.exact)}</blockquote><p>— ${cite}</p>`
    })
    .join('')
}

function listHtml(label: string, names: readonly string[]): string {
  return names.length === 0 ? '' : `<p>${label}: ${escapeHtml(names.join(', '))}</p>`
}

function slideText(
  event: AppEvent,
  notes: readonly Note[],
  articles: Map<string, ExportArticle>,
): string {
  const parts = [
    event.summary.trim() === '' ? '' : `<p>${htmlLines(event.summary)}</p>`,
    `<p><em>Date: ${escapeHtml(event.date.note)}</em></p>`,
    listHtml('People', event.people),
    listHtml('Organisations', event.organisations),
    listHtml('Tags', event.tags),
    evidenceHtml(event, articles),
    notes.length === 0
      ? ''
      : `<p><strong>Notes</strong></p>${notes.map((n) => `<p>${htmlLines(n.body)}</p>`).join('')}`,
  ]
  return parts.join('')
}

/** A slide id TimelineJS can put in the page address: letters, digits and hyphens. */
function slideId(eventId: string): string {
  return `event-${eventId.replace(/[^A-Za-z0-9-]/g, '-')}`
}

function slide(
  event: AppEvent,
  notes: readonly Note[],
  articles: Map<string, ExportArticle>,
): TimelineJsSlide | null {
  const placed = placeDate(event.date)
  if (placed === null) return null
  const result: TimelineJsSlide = {
    start_date: placed.start,
    text: { headline: escapeHtml(event.title), text: slideText(event, notes, articles) },
    group: escapeHtml(categoryLabel(event.category)),
    unique_id: slideId(event.id),
  }
  if (placed.kind === 'span' && placed.end !== null) result.end_date = placed.end
  if (placed.kind !== 'plain') result.display_date = escapeHtml(whenWords(event.date))
  return result
}

/** The TimelineJS 3 data object: JSON.stringify it for a file. */
export function buildTimelineJs(input: ExportInput): TimelineJsData {
  const articles = articlesById(input.articles)
  const notes = notesByEvent(input.notes)
  const events: TimelineJsSlide[] = []
  const undated: AppEvent[] = []
  for (const event of sortedEvents(input.events)) {
    const made = slide(event, notes.get(event.id) ?? [], articles)
    if (made) events.push(made)
    else undated.push(event)
  }
  const intro = `<p>${escapeHtml(
    `${plural(events.length, 'event')} placed by date. Exported ${input.generatedAt
      .toISOString()
      .slice(0, 10)}.`,
  )}</p>`
  const left =
    undated.length === 0
      ? ''
      : `<p>${escapeHtml(
          `${plural(undated.length, 'undated event')} could not be placed and ` +
            `${undated.length === 1 ? 'is' : 'are'} left out: ` +
            `${undated.map((e) => e.title).join('; ')}.`,
        )}</p>`
  return {
    title: { text: { headline: escapeHtml(input.title), text: intro + left } },
    events,
  }
}

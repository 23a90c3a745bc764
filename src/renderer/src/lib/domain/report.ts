/**
 * The annotated timeline as one Markdown document, from a corpus and the user's notes. Kept for
 * its callers; the report itself is built by exports/markdown.ts, which also takes highlights,
 * tags, the user's events and quotes, and the entity catalogue.
 */
import type { Corpus, TimelineEvent } from '$shared/corpus'
import { combineEvents } from './events'
import type { AppEvent } from './events'
import { buildReport } from './exports/markdown'
import type { Note } from './types'

export interface ReportInput {
  /** Its events may already be AppEvents (with the user's tags and quotes), or curated ones. */
  corpus: Omit<Corpus, 'events'> & { events: readonly (TimelineEvent | AppEvent)[] }
  notes: Note[]
  generatedAt: Date
  appVersion?: string
}

function isAppEvent(event: TimelineEvent | AppEvent): event is AppEvent {
  return 'origin' in event && 'tags' in event
}

/** The whole report as Markdown, ending in a newline. */
export function buildMarkdownReport(input: ReportInput): string {
  const { corpus } = input
  const events = corpus.events.map((e) =>
    isAppEvent(e) ? e : (combineEvents([e], [], [], [])[0] as AppEvent),
  )
  return buildReport({
    title: corpus.title,
    generatedAt: input.generatedAt,
    articles: corpus.articles,
    events,
    notes: input.notes,
    highlights: [],
    ...(input.appVersion === undefined ? {} : { appVersion: input.appVersion }),
  })
}

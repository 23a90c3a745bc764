/**
 * What "the current filter" means for an export. The events are the ones the filter shows; with
 * them go their notes, the sources they quote and the highlights made in those sources. A
 * highlight belongs to an article, not to an event, so it follows its article: one in an article
 * that no exported event quotes is left out, as is that article itself. The whole timeline keeps
 * everything, sources no event quotes included.
 */
import type { AppEvent } from '../events'
import type { ExportInput } from './input'

export type ExportScope = 'all' | 'filter'

/**
 * Narrows `whole` (everything the app holds) to `shown`, the events the current filter shows.
 * Order is kept; the formats sort for themselves.
 */
export function scopeExportInput(whole: ExportInput, shown: readonly AppEvent[]): ExportInput {
  const eventIds = new Set(shown.map((e) => e.id))
  const articleIds = new Set(shown.flatMap((e) => e.evidence.map((x) => x.articleId)))
  return {
    ...whole,
    events: whole.events.filter((e) => eventIds.has(e.id)),
    notes: whole.notes.filter((n) => eventIds.has(n.eventId)),
    articles: whole.articles.filter((a) => articleIds.has(a.id)),
    highlights: whole.highlights.filter((h) => articleIds.has(h.articleId)),
  }
}

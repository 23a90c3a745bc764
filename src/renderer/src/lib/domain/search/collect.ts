/**
 * Gathers the search sources from the app's data as it stands: articles (bundled and imported),
 * events with their quotes, notes, highlights, and the people and organisations. The index keeps
 * itself in step by comparing these sources' signatures, so any write reaches it. A generator, so
 * the app can gather tens of thousands of them a slice at a time.
 */
import type { Article } from '$shared/corpus'
import { sortKey } from '../dates'
import type { Entity } from '../entities'
import type { AppEvent } from '../events'
import { positionToRange } from '../quotes'
import type { Highlight, Note } from '../types'
import {
  articleSource,
  entitySource,
  eventSource,
  highlightSource,
  noteSource,
  type SearchSource,
} from './sources'

export interface SearchData {
  articles: readonly Article[]
  events: readonly AppEvent[]
  notes: readonly Note[]
  highlights: readonly Highlight[]
  entities: readonly Entity[]
}

function dateOf(edtf: string | null): number | null {
  const key = sortKey(edtf)
  return Number.isFinite(key) ? key : null
}

export function* sourcesOf(data: SearchData): Generator<SearchSource> {
  // The lookups fill as their sources go out: a map of 100,000 events built in one go was a
  // long task between two slices of the caller.
  const articles = new Map<string, (typeof data.articles)[number]>()
  for (const a of data.articles) {
    articles.set(a.id, a)
    yield articleSource({
      id: a.id,
      title: a.title,
      body: a.body,
      sha256: a.sha256,
      date: dateOf(a.published.edtf),
    })
  }
  const events = new Map<string, (typeof data.events)[number]>()
  for (const e of data.events) {
    events.set(e.id, e)
    yield eventSource({
      id: e.id,
      title: e.title,
      summary: e.summary,
      quotes: e.evidence.map((x) => x.quote.exact),
      tags: e.tags,
      articleIds: [...new Set(e.evidence.map((x) => x.articleId))],
      date: dateOf(e.date.edtf),
    })
  }
  for (const n of data.notes) {
    const event = events.get(n.eventId)
    yield noteSource({
      id: n.id,
      eventId: n.eventId,
      eventTitle: event?.title ?? 'an event no longer there',
      body: n.body,
      date: event ? dateOf(event.date.edtf) : null,
    })
  }
  for (const h of data.highlights) {
    const article = articles.get(h.articleId)
    const range = article ? positionToRange(article.body, h.position) : null
    const exact = range && article && article.body.slice(range.start, range.end) === h.quote.exact
    yield highlightSource({
      id: h.id,
      articleId: h.articleId,
      quote: h.quote.exact,
      start: exact ? range.start : null,
      note: h.note,
      tags: h.tags,
      date: article ? dateOf(article.published.edtf) : null,
    })
  }
  for (const e of data.entities)
    yield entitySource({ id: e.id, name: e.name, aliases: e.aliases, entityKind: e.kind })
}

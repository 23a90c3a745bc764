/**
 * What the Highlights and notes panel lists: every highlight and note, narrowed by words of the
 * article's or event's title and by tag, with the highlights whose passage is lost set apart.
 * A large project has tens of thousands of each, and finding a lost passage means re-anchoring
 * every highlight, so both steps take a pacer and run in slices.
 */
import { reanchor } from './anchoring'
import type { Pacer } from './pacing'
import type { Highlight, Note } from './types'

/** Whether a highlight's passage can no longer be found in its article (or the article is gone). */
export function isOrphan(highlight: Highlight, body: string | undefined): boolean {
  return (
    body === undefined || reanchor(body, highlight.quote, highlight.position).status === 'orphan'
  )
}

export interface AnnotationSources {
  articles: readonly { id: string; title: string; body: string; language: string }[]
  events: readonly { id: string; title: string }[]
  highlights: readonly Highlight[]
  notes: readonly Note[]
}

/** What the filters work on, worked out once per change of the data, not per keystroke. */
export interface AnnotationBase {
  titles: Map<string, string>
  languages: Map<string, string>
  eventTitles: Map<string, string>
  tags: string[]
  /** Highlights whose passage is still found, and those that lost it. */
  anchored: Highlight[]
  orphans: Highlight[]
  notes: readonly Note[]
}

export const EMPTY_BASE: AnnotationBase = {
  titles: new Map(),
  languages: new Map(),
  eventTitles: new Map(),
  tags: [],
  anchored: [],
  orphans: [],
  notes: [],
}

export async function annotationBase(
  sources: AnnotationSources,
  pacer: Pacer,
): Promise<AnnotationBase> {
  const titles = new Map<string, string>()
  const languages = new Map<string, string>()
  const bodies = new Map<string, string>()
  for (const a of sources.articles) {
    titles.set(a.id, a.title)
    languages.set(a.id, a.language)
    bodies.set(a.id, a.body)
  }
  const eventTitles = new Map<string, string>()
  for (const e of sources.events) {
    eventTitles.set(e.id, e.title)
    if (pacer.due()) await pacer.pause()
  }
  const tags = new Set<string>()
  const anchored: Highlight[] = []
  const orphans: Highlight[] = []
  for (const h of sources.highlights) {
    for (const t of h.tags) tags.add(t)
    ;(isOrphan(h, bodies.get(h.articleId)) ? orphans : anchored).push(h)
    if (pacer.due()) await pacer.pause()
  }
  return {
    titles,
    languages,
    eventTitles,
    tags: [...tags].sort(),
    anchored,
    orphans,
    notes: sources.notes,
  }
}

export interface AnnotationQuery {
  articleWords: string
  eventWords: string
  tag: string
}

export interface AnnotationShown {
  highlights: Highlight[]
  notes: Note[]
}

/** Whether `query` (already lower-cased) is part of `title`, ignoring case; '' matches all. */
function titled(title: string | undefined, query: string): boolean {
  return query === '' || (title ?? '').toLocaleLowerCase().includes(query)
}

/**
 * The highlights and notes the filters leave. Highlights belong to articles and notes to events,
 * so an event filter leaves no highlight, and an article or tag filter no note.
 */
export async function shownAnnotations(
  base: AnnotationBase,
  query: AnnotationQuery,
  pacer: Pacer,
): Promise<AnnotationShown> {
  const articleQuery = query.articleWords.trim().toLocaleLowerCase()
  const eventQuery = query.eventWords.trim().toLocaleLowerCase()
  const highlights: Highlight[] = []
  if (eventQuery === '')
    for (const h of base.anchored) {
      if (
        titled(base.titles.get(h.articleId), articleQuery) &&
        (!query.tag || h.tags.includes(query.tag))
      )
        highlights.push(h)
      if (pacer.due()) await pacer.pause()
    }
  const notes: Note[] = []
  if (articleQuery === '' && query.tag === '')
    for (const n of base.notes) {
      if (titled(base.eventTitles.get(n.eventId), eventQuery)) notes.push(n)
      if (pacer.due()) await pacer.pause()
    }
  return { highlights, notes }
}

/**
 * What the main screen derives from the events, entities, notes and highlights: counts, the
 * filter choices, where each entity is named and which highlights lost their passage. Values in,
 * values out; the workspace state (lib/state/workspace.svelte.ts) keeps them current.
 */
import type { Entity } from '$shared/entities'
import { reanchor } from './anchoring'
import { canonicalId, findMentions, resolveEntityName } from './entities'
import type { Highlight } from './types'

/** How many notes each event has, by event id. */
export function noteCountsByEvent(notes: readonly { eventId: string }[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const note of notes) counts.set(note.eventId, (counts.get(note.eventId) ?? 0) + 1)
  return counts
}

export interface EntityOption {
  /** An entity id, or a plain name that no entity knows. */
  key: string
  name: string
  kind: 'person' | 'organisation'
}

interface NamingEvent {
  people: readonly string[]
  organisations: readonly string[]
}

/** The choices of the person/organisation filter, by name: the entities, and names no entity knows. */
export function entityOptions(
  entities: readonly Entity[],
  events: readonly NamingEvent[],
): EntityOption[] {
  const options = new Map<string, EntityOption>()
  for (const e of entities) options.set(e.id, { key: e.id, name: e.name, kind: e.kind })
  // Names the user typed that no entity knows yet still filter.
  for (const event of events)
    for (const [names, kind] of [
      [event.people, 'person'],
      [event.organisations, 'organisation'],
    ] as const)
      for (const name of names)
        if (resolveEntityName(entities, name) === null && !options.has(name))
          options.set(name, { key: name, name, kind })
  return [...options.values()].sort((a, b) => a.name.localeCompare(b.name))
}

export interface MentionInContext {
  articleId: string
  before: string
  text: string
  after: string
}

/** Where each (canonical) entity is named in the articles, with `context` characters either side. */
export function mentionsByEntity(
  entities: readonly Entity[],
  articles: readonly { id: string; body: string }[],
  context = 50,
): Map<string, MentionInContext[]> {
  const byEntity = new Map<string, MentionInContext[]>()
  const bodies = new Map(articles.map((a) => [a.id, a.body]))
  for (const m of findMentions(entities, articles)) {
    const id = canonicalId(entities, m.entityId) ?? m.entityId
    const body = bodies.get(m.articleId) ?? ''
    const list = byEntity.get(id) ?? []
    list.push({
      articleId: m.articleId,
      before: body.slice(Math.max(0, m.start - context), m.start),
      text: m.text,
      after: body.slice(m.end, m.end + context),
    })
    byEntity.set(id, list)
  }
  return byEntity
}

/** How many events name each (canonical) entity, counting an event once per entity. */
export function eventCountsByEntity(
  entities: readonly Entity[],
  events: readonly NamingEvent[],
): Map<string, number> {
  const counts = new Map<string, number>()
  for (const event of events) {
    const ids = new Set(
      [...event.people, ...event.organisations].flatMap((name) => {
        const id = resolveEntityName(entities, name)
        const canonical = id === null ? null : canonicalId(entities, id)
        return canonical ? [canonical] : []
      }),
    )
    for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1)
  }
  return counts
}

/** Every tag used on an event, once each, sorted. */
export function tagOptions(events: readonly { tags: readonly string[] }[]): string[] {
  return [...new Set(events.flatMap((e) => e.tags))].sort()
}

/** Highlights whose passage can no longer be found in their article (or whose article is gone). */
export function orphanHighlightIds(
  highlights: readonly Highlight[],
  bodies: ReadonlyMap<string, string>,
): Set<string> {
  const orphans = new Set<string>()
  for (const h of highlights) {
    const body = bodies.get(h.articleId)
    if (body === undefined || reanchor(body, h.quote, h.position).status === 'orphan')
      orphans.add(h.id)
  }
  return orphans
}

/** How many quotes of all events come from each article, in one pass. */
export function evidenceCountsByArticle(
  events: readonly { evidence: readonly { articleId: string }[] }[],
): Map<string, number> {
  const counts = new Map<string, number>()
  for (const e of events)
    for (const q of e.evidence) counts.set(q.articleId, (counts.get(q.articleId) ?? 0) + 1)
  return counts
}

/** How many quotes of all events come from one article. */
export function evidenceCountIn(
  events: readonly { evidence: readonly { articleId: string }[] }[],
  articleId: string,
): number {
  return events.reduce((n, e) => n + e.evidence.filter((q) => q.articleId === articleId).length, 0)
}

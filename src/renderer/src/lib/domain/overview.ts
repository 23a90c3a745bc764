/**
 * What the main screen derives from the events, entities, notes and highlights: counts, the
 * filter choices, where each entity is named and which highlights lost their passage. Values in,
 * values out; the workspace state (lib/state/workspace.svelte.ts) keeps them current.
 */
import type { Entity } from '$shared/entities'
import { canonicalId, findMentions, resolveEntityName } from './entities'
import { runSteps, runStepsPaced, type Pacer } from './pacing'

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
  const overview = new EventOverview(entities)
  for (const event of events) overview.add({ ...event, tags: [] })
  return overview.entityOptions()
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

/** How many events name each (canonical) entity, through any of its names or aliases. */
export function eventCountsByEntity(
  entities: readonly Entity[],
  events: readonly NamingEvent[],
): Map<string, number> {
  const overview = new EventOverview(entities)
  for (const event of events) overview.add({ ...event, tags: [] })
  return overview.eventCounts
}

/** Every tag used on an event, once each, sorted. */
export function tagOptions(events: readonly { tags: readonly string[] }[]): string[] {
  const overview = new EventOverview([])
  for (const event of events) overview.add({ people: [], organisations: [], tags: event.tags })
  return overview.tagOptions()
}

/**
 * The filter choices (entityOptions, tagOptions) and eventCountsByEntity in one pass, an event at
 * a time, each name resolved once: a large project's events are taken in slices (eventOverview).
 */
export class EventOverview {
  readonly #entities: readonly Entity[]
  readonly #options = new Map<string, EntityOption>()
  /** Per name: whether an entity has it, and the entity it stands for now (after merges). */
  readonly #names = new Map<string, { known: boolean; id: string | null }>()
  readonly #tags = new Set<string>()
  readonly eventCounts = new Map<string, number>()

  constructor(entities: readonly Entity[]) {
    this.#entities = entities
    for (const e of entities) this.#options.set(e.id, { key: e.id, name: e.name, kind: e.kind })
  }

  #resolve(name: string): { known: boolean; id: string | null } {
    let found = this.#names.get(name)
    if (!found) {
      const id = resolveEntityName(this.#entities, name)
      found = { known: id !== null, id: id === null ? null : canonicalId(this.#entities, id) }
      this.#names.set(name, found)
    }
    return found
  }

  add(event: NamingEvent & { tags: readonly string[] }): void {
    const ids = new Set<string>()
    for (const [names, kind] of [
      [event.people, 'person'],
      [event.organisations, 'organisation'],
    ] as const)
      for (const name of names) {
        const { known, id } = this.#resolve(name)
        if (id !== null) ids.add(id)
        // Names the user typed that no entity knows yet still filter.
        if (!known && !this.#options.has(name)) this.#options.set(name, { key: name, name, kind })
      }
    for (const id of ids) this.eventCounts.set(id, (this.eventCounts.get(id) ?? 0) + 1)
    for (const tag of event.tags) this.#tags.add(tag)
  }

  entityOptions(): EntityOption[] {
    return [...this.#options.values()].sort((a, b) => a.name.localeCompare(b.name))
  }

  tagOptions(): string[] {
    return [...this.#tags].sort()
  }
}

/** EventOverview over every event, in slices. */
export async function eventOverview(
  entities: readonly Entity[],
  events: readonly (NamingEvent & { tags: readonly string[] })[],
  pacer: Pacer,
): Promise<{
  entityOptions: EntityOption[]
  eventCounts: Map<string, number>
  tagOptions: string[]
}> {
  const overview = new EventOverview(entities)
  for (const event of events) {
    overview.add(event)
    if (pacer.due()) await pacer.pause()
  }
  return {
    entityOptions: overview.entityOptions(),
    eventCounts: overview.eventCounts,
    tagOptions: overview.tagOptions(),
  }
}

type Quoting = readonly { evidence: readonly { articleId: string }[] }[]

/** How many quotes of all events come from each article, in one pass. */
export function evidenceCountsByArticle(events: Quoting): Map<string, number> {
  return runSteps(countEvidence(events))
}

/** The same count in slices (every event of a large project, after each import or undo). */
export function evidenceCountsByArticlePaced(
  events: Quoting,
  pacer: Pacer,
): Promise<Map<string, number>> {
  return runStepsPaced(countEvidence(events), pacer)
}

function* countEvidence(events: Quoting): Generator<void, Map<string, number>, void> {
  const counts = new Map<string, number>()
  for (let i = 0; i < events.length; i++) {
    for (const q of events[i]!.evidence) counts.set(q.articleId, (counts.get(q.articleId) ?? 0) + 1)
    if ((i & 255) === 255) yield
  }
  return counts
}

/** How many quotes of all events come from one article. */
export function evidenceCountIn(
  events: readonly { evidence: readonly { articleId: string }[] }[],
  articleId: string,
): number {
  return events.reduce((n, e) => n + e.evidence.filter((q) => q.articleId === articleId).length, 0)
}

/**
 * The events the app shows: curated events with the user's tags, links and extra evidence laid
 * over them, plus the user's own events. The bundled data is never changed; this combines values.
 * Also the filters that narrow the timeline and the lists together.
 */
import type { CategoryId, Dating, Evidence, TimelineEvent } from '$shared/corpus'
import type { EventAnnotation, UserEvent, UserEvidence } from './types'
import { runSteps, runStepsPaced, type Pacer } from './pacing'
import {
  NO_GRADES,
  supportAtLeast,
  supportSummary,
  type GradeBook,
  type SupportLevel,
} from './grading'

export interface EvidenceView extends Evidence {
  /** `<eventId>#<n>` for curated evidence, the record id for the user's. */
  id: string
  origin: 'curated' | 'user'
}

export interface AppEvent {
  id: string
  origin: 'curated' | 'user'
  title: string
  summary: string
  date: Dating
  category: CategoryId
  people: string[]
  organisations: string[]
  tags: string[]
  evidence: EvidenceView[]
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)]
}

export function combineEvents(
  curated: readonly TimelineEvent[],
  userEvents: readonly UserEvent[],
  userEvidence: readonly UserEvidence[],
  annotations: readonly EventAnnotation[],
): AppEvent[] {
  const combiner = eventCombiner(userEvidence, annotations)
  return [...curated.map(combiner.curated), ...userEvents.map(combiner.user)]
}

/**
 * combineEvents one event at a time, for work split across tasks: `curated` and `user` turn one
 * event of each kind into its AppEvent with the user's quotes and annotations.
 */
export function eventCombiner(
  userEvidence: readonly UserEvidence[],
  annotations: readonly EventAnnotation[],
): EventCombiner {
  return runSteps(combinerSteps(userEvidence, annotations))
}

/** eventCombiner in slices: a large project has a quote per event, 100,000 of them. */
export function eventCombinerPaced(
  userEvidence: readonly UserEvidence[],
  annotations: readonly EventAnnotation[],
  pacer: Pacer,
): Promise<EventCombiner> {
  return runStepsPaced(combinerSteps(userEvidence, annotations), pacer)
}

export interface EventCombiner {
  curated: (event: TimelineEvent) => AppEvent
  user: (event: UserEvent) => AppEvent
}

function* combinerSteps(
  userEvidence: readonly UserEvidence[],
  annotations: readonly EventAnnotation[],
): Generator<void, EventCombiner, void> {
  // Grouped by event, then each group sorted by creation (ties in stored order): the order of
  // sorting every quote first, without a sort of all of a large project's quotes in one go.
  const byEvent = new Map<string, UserEvidence[]>()
  for (let i = 0; i < userEvidence.length; i++) {
    const e = userEvidence[i]!
    const group = byEvent.get(e.eventId)
    if (group) group.push(e)
    else byEvent.set(e.eventId, [e])
    if ((i & 1023) === 1023) yield
  }
  const extra = new Map<string, EvidenceView[]>()
  let i = 0
  for (const [eventId, group] of byEvent) {
    if ((++i & 1023) === 0) yield
    if (group.length > 1) group.sort((a, b) => a.createdAt - b.createdAt)
    extra.set(
      eventId,
      group.map((e) => ({
        id: e.id,
        origin: 'user',
        articleId: e.articleId,
        stance: e.stance,
        quote: e.quote,
        position: e.position,
      })),
    )
  }
  const notes = new Map<string, EventAnnotation>()
  for (let j = 0; j < annotations.length; j++) {
    notes.set(annotations[j]!.eventId, annotations[j]!)
    if ((j & 1023) === 1023) yield
  }
  const combine = (base: Omit<AppEvent, 'tags'>): AppEvent => {
    const annotation = notes.get(base.id)
    return {
      ...base,
      people: unique([...base.people, ...(annotation?.people ?? [])]),
      organisations: unique([...base.organisations, ...(annotation?.organisations ?? [])]),
      tags: unique(annotation?.tags ?? []),
      evidence: [...base.evidence, ...(extra.get(base.id) ?? [])],
    }
  }
  return {
    curated: (event) =>
      combine({
        ...event,
        origin: 'curated',
        evidence: event.evidence.map((e, i) => ({
          ...e,
          id: `${event.id}#${i}`,
          origin: 'curated',
        })),
      }),
    user: (event) =>
      combine({
        id: event.id,
        origin: 'user',
        title: event.title,
        summary: event.summary,
        date: event.date,
        category: event.category,
        people: event.people,
        organisations: event.organisations,
        evidence: [],
      }),
  }
}

/** How well an event is sourced, for the at-a-glance marks on the timeline and in the list. */
export interface Sourcing {
  /** Distinct articles quoted. */
  sources: number
  quotes: number
  contradicted: boolean
}

export function sourcing(event: {
  evidence: readonly Pick<Evidence, 'articleId' | 'stance'>[]
}): Sourcing {
  return {
    sources: new Set(event.evidence.map((e) => e.articleId)).size,
    quotes: event.evidence.length,
    contradicted: event.evidence.some((e) => e.stance === 'contradicts'),
  }
}

export function describeSourcing(s: Sourcing): string {
  const base =
    s.sources === 0 ? 'no source' : s.sources === 1 ? 'single source' : `${s.sources} sources`
  return s.contradicted ? `${base}, contradicted` : base
}

export interface EventFilter {
  category: CategoryId | null
  /** A person or organisation, compared through `sameEntity`. */
  entity: string | null
  tag: string | null
  articleId: string | null
  /** Keep events whose support from the user's grades is at least this. */
  support: SupportLevel | null
  /** A search: only the events whose title, summary, quotes or notes match it. */
  match: { query: string; eventIds: readonly string[] } | null
}

export const NO_FILTER: EventFilter = {
  category: null,
  entity: null,
  tag: null,
  articleId: null,
  support: null,
  match: null,
}

export function isFiltering(filter: EventFilter): boolean {
  return Object.values(filter).some((v) => v !== null)
}

/**
 * Keeps the events that match every set criterion. `sameEntity` decides whether a name on an
 * event is the chosen entity (aliases and merges); by default names must be equal. `grades`
 * decide the support filter.
 */
export function filterEvents<T extends AppEvent>(
  events: readonly T[],
  filter: EventFilter,
  sameEntity: (name: string, entity: string) => boolean = (a, b) => a === b,
  grades: GradeBook = NO_GRADES,
): T[] {
  return events.filter(eventFilter(filter, sameEntity, grades))
}

/** filterEvents' test for one event, for work split across tasks. */
export function eventFilter(
  filter: EventFilter,
  sameEntity: (name: string, entity: string) => boolean = (a, b) => a === b,
  grades: GradeBook = NO_GRADES,
): (event: AppEvent) => boolean {
  const matched = filter.match && new Set(filter.match.eventIds)
  return (e) =>
    (matched === null || matched.has(e.id)) &&
    (filter.category === null || e.category === filter.category) &&
    (filter.tag === null || e.tags.includes(filter.tag)) &&
    (filter.articleId === null || e.evidence.some((x) => x.articleId === filter.articleId)) &&
    (filter.support === null || supportAtLeast(supportSummary(e, grades), filter.support)) &&
    (filter.entity === null ||
      [...e.people, ...e.organisations].some((name) => sameEntity(name, filter.entity!)))
}

/** Parses a comma-separated tag list: trimmed, no empties, no duplicates, at most 50 of 60 chars. */
export function parseTags(input: string): string[] {
  return unique(
    input
      .split(',')
      .map((t) => t.trim().replace(/\s+/g, ' '))
      .filter((t) => t !== '')
      .map((t) => t.slice(0, 60)),
  ).slice(0, 50)
}

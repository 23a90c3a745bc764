/**
 * Maps events to what the timeline draws: one lane per category, an exact day as a point, anything
 * less precise as a range styled by how it is imprecise. Undated events are not drawn; they go to
 * the "Undated" list. Labels stay plain strings here; the view turns them into text nodes.
 */
import { CATEGORIES, type TimelineEvent } from '$shared/corpus'
import { parseDate, timelineSpan } from './dates'
import { describeSourcing, sourcing } from './events'
import { describeSupport, type SupportSummary } from './grading'

export interface TimelineBounds {
  start: number
  end: number
}

/** The app opens on 2000–2023; open-ended dates are drawn up to these bounds. */
export const DEFAULT_BOUNDS: TimelineBounds = {
  start: Date.UTC(2000, 0, 1),
  end: Date.UTC(2023, 11, 31, 23, 59, 59, 999),
}

export interface TimelineItemModel {
  id: string
  group: string
  label: string
  tooltip: string
  start: number
  end: number | null
  type: 'point' | 'range'
  className: string
}

export interface TimelineGroupModel {
  id: string
  label: string
  order: number
}

export function timelineGroups(): TimelineGroupModel[] {
  return CATEGORIES.map((c, order) => ({ id: c.id, label: c.label, order }))
}

/** What the timeline needs of an event: curated and the user's own alike. */
export type DrawableEvent = Pick<
  TimelineEvent,
  'id' | 'title' | 'date' | 'category' | 'evidence'
> & {
  origin?: 'curated' | 'user'
}

export function isDated(event: Pick<TimelineEvent, 'date'>): boolean {
  return event.date.edtf !== null
}

export function toTimelineItem(
  event: DrawableEvent,
  noteCount: number,
  dateInWords: string,
  bounds: TimelineBounds = DEFAULT_BOUNDS,
  /** The event's support from its grades; without it, no support cue is drawn. */
  support?: SupportSummary,
): TimelineItemModel | null {
  if (event.date.edtf === null) return null
  const parsed = parseDate(event.date.edtf)
  const classes = [`cat-${event.category}`]
  if (noteCount > 0) classes.push('has-note')
  if (parsed.approximate || parsed.uncertain) classes.push('date-approximate')
  if (parsed.kind === 'one-of') classes.push('date-one-of')
  const sourced = sourcing(event)
  if (sourced.sources > 1) classes.push('sources-many')
  if (sourced.contradicted) classes.push('contradicted')
  if (event.origin === 'user') classes.push('user-event')
  // Weak and ungraded support get a mark (with a legend and words in the tooltip), never colour.
  if (support) classes.push(`support-${support.level}`)
  const noteText = noteCount === 0 ? '' : noteCount === 1 ? ' · 1 note' : ` · ${noteCount} notes`
  const supportText = support ? `\nSupport: ${describeSupport(support)}` : ''
  const base = {
    id: event.id,
    group: event.category,
    label: event.title,
    tooltip: `${event.title}\n${dateInWords} · ${describeSourcing(sourced)}${noteText}${supportText}`,
  }
  if (parsed.exactDay) {
    return { ...base, start: parsed.start, end: null, type: 'point', className: classes.join(' ') }
  }
  const span = timelineSpan(event.date.edtf, bounds)
  classes.push('date-imprecise')
  if (span.clippedStart || parsed.openStart) classes.push('date-open-start')
  if (span.clippedEnd || parsed.openEnd) classes.push('date-open-end')
  return {
    ...base,
    // vis-timeline treats the end as exclusive; the span end is the last millisecond of the last day.
    start: span.start,
    end: span.end + 1,
    type: 'range',
    className: classes.join(' '),
  }
}

/** Items to keep, add or change, so the view applies a diff instead of rebuilding. */
export function diffItems(
  current: ReadonlyMap<string, TimelineItemModel>,
  next: readonly TimelineItemModel[],
): { upsert: TimelineItemModel[]; remove: string[] } {
  const nextIds = new Set(next.map((i) => i.id))
  const upsert = next.filter((item) => {
    const old = current.get(item.id)
    return !old || JSON.stringify(old) !== JSON.stringify(item)
  })
  const remove = [...current.keys()].filter((id) => !nextIds.has(id))
  return { upsert, remove }
}

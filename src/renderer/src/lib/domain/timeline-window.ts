/**
 * What the timeline draws for one window of time: the events in and near it, or, where a lane holds
 * too many to read at this zoom, one count per lane and period ("312 events, 2014"), which turns
 * back into events as the user zooms in. Built once per item list from an index sorted by time, so
 * each window costs a few binary searches per lane however many events there are.
 */
import { formatDay } from './dates'
import { runSteps, runStepsPaced, type Pacer } from './pacing'
import type { TimelineItemModel } from './timeline-items'

const DAY = 86_400_000

/**
 * Items are kept in classes by how long they last, each sorted by start, so that the items that
 * overlap a window are found from its start minus the longest item of the class, not from zero.
 */
const SPAN_LIMITS = [2 * DAY, 40 * DAY, 370 * DAY, 3700 * DAY, Infinity]

interface SpanClass {
  starts: Float64Array
  ends: Float64Array
  items: TimelineItemModel[]
  longest: number
}

interface Lane {
  /** Every item's anchor (see anchorOf), ascending, and the items in that order. */
  anchors: Float64Array
  anchored: TimelineItemModel[]
  classes: SpanClass[]
}

export interface TimelineIndex {
  readonly lanes: ReadonlyMap<string, Lane>
  readonly byId: ReadonlyMap<string, TimelineItemModel>
}

/**
 * The instant an item is counted at: its start, or for an "on or before" date (drawn from the
 * timeline's first year) the last instant it can be, as the table sorts it.
 */
export function anchorOf(item: TimelineItemModel): number {
  if (item.end !== null && item.className.includes('date-open-start')) return item.end - 1
  return item.start
}

function endOf(item: TimelineItemModel): number {
  return item.end ?? item.start
}

export function buildIndex(items: readonly TimelineItemModel[]): TimelineIndex {
  return runSteps(indexing(items))
}

/** buildIndex in slices: 100,000 items take well over a frame. */
export function buildIndexPaced(
  items: readonly TimelineItemModel[],
  pacer: Pacer,
): Promise<TimelineIndex> {
  return runStepsPaced(indexing(items), pacer)
}

/** Builds the index, yielding every thousand items and after each sort (see runSteps). */
function* indexing(items: readonly TimelineItemModel[]): Generator<void, TimelineIndex, void> {
  const grouped = new Map<string, TimelineItemModel[]>()
  const byId = new Map<string, TimelineItemModel>()
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!
    byId.set(item.id, item)
    const lane = grouped.get(item.group)
    if (lane) lane.push(item)
    else grouped.set(item.group, [item])
    if (i % 1000 === 999) yield
  }
  const lanes = new Map<string, Lane>()
  for (const [group, laneItems] of grouped) {
    const anchored = laneItems
      .map((item) => ({ item, at: anchorOf(item) }))
      .sort((a, b) => a.at - b.at)
    yield
    const anchors = numbers(anchored, (a) => a.at)
    const buckets: TimelineItemModel[][] = SPAN_LIMITS.map(() => [])
    for (const item of laneItems) {
      const span = endOf(item) - item.start
      buckets[SPAN_LIMITS.findIndex((limit) => span <= limit)]!.push(item)
    }
    const classes: SpanClass[] = []
    for (const b of buckets) {
      if (b.length === 0) continue
      const sorted = b.toSorted((x, y) => x.start - y.start)
      const ends = numbers(sorted, endOf)
      const starts = numbers(sorted, (i) => i.start)
      let longest = 0
      for (let i = 0; i < sorted.length; i++) longest = Math.max(longest, ends[i]! - starts[i]!)
      classes.push({ starts, ends, items: sorted, longest })
      yield
    }
    lanes.set(group, { anchors, anchored: anchored.map((a) => a.item), classes })
  }
  return { lanes, byId }
}

/** Float64Array.from with a mapper is many times slower than this loop in V8. */
function numbers<T>(values: readonly T[], read: (value: T) => number): Float64Array {
  const out = new Float64Array(values.length)
  for (let i = 0; i < values.length; i++) out[i] = read(values[i]!)
  return out
}

/** First position whose value is >= `value` (or > with `after`). */
function bound(sorted: Float64Array, value: number, after = false): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    const v = sorted[mid]!
    if (v < value || (after && v === value)) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** How many of the lane's items are anchored in [start, end). */
function countAnchored(lane: Lane, start: number, end: number): number {
  return bound(lane.anchors, end) - bound(lane.anchors, start)
}

/** Items of the lane that overlap [start, end], stopping once there are more than `limit`. */
function overlapping(lane: Lane, start: number, end: number, limit: number): TimelineItemModel[] {
  const found: TimelineItemModel[] = []
  for (const c of lane.classes) {
    const last = bound(c.starts, end, true)
    for (let i = bound(c.starts, start - c.longest); i < last; i++) {
      if (c.ends[i]! < start) continue
      found.push(c.items[i]!)
      if (found.length > limit) return found
    }
  }
  return found
}

export type PeriodUnit = 'day' | 'week' | 'month' | 'quarter' | 'year' | 'decade' | 'century'

/** Periods a lane is counted by, shortest first, with their rough length for choosing one. */
const PERIODS: [PeriodUnit, number][] = [
  ['day', DAY],
  ['week', 7 * DAY],
  ['month', 30.44 * DAY],
  ['quarter', 91.3 * DAY],
  ['year', 365.25 * DAY],
  ['decade', 3652.5 * DAY],
  ['century', 36525 * DAY],
]

/** The calendar period (UTC) holding `t`: [start, end). Weeks start on Monday. */
export function periodOf(t: number, unit: PeriodUnit): { start: number; end: number } {
  const d = new Date(t)
  const y = d.getUTCFullYear()
  const m = d.getUTCMonth()
  switch (unit) {
    case 'day': {
      const start = Math.floor(t / DAY) * DAY
      return { start, end: start + DAY }
    }
    case 'week': {
      // 1 January 1970 was a Thursday: shift so that weeks begin on Mondays.
      const start = Math.floor((t + 3 * DAY) / (7 * DAY)) * 7 * DAY - 3 * DAY
      return { start, end: start + 7 * DAY }
    }
    case 'month':
      return { start: Date.UTC(y, m, 1), end: Date.UTC(y, m + 1, 1) }
    case 'quarter': {
      const q = m - (m % 3)
      return { start: Date.UTC(y, q, 1), end: Date.UTC(y, q + 3, 1) }
    }
    case 'year':
      return { start: Date.UTC(y, 0, 1), end: Date.UTC(y + 1, 0, 1) }
    case 'decade': {
      const from = Math.floor(y / 10) * 10
      return { start: Date.UTC(from, 0, 1), end: Date.UTC(from + 10, 0, 1) }
    }
    case 'century': {
      const from = Math.floor(y / 100) * 100
      return { start: Date.UTC(from, 0, 1), end: Date.UTC(from + 100, 0, 1) }
    }
  }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** A period in words, for the count's tooltip: '2014', 'March 2014', 'Q2 2014', '2010–2019'. */
export function periodWords(start: number, end: number, unit: PeriodUnit): string {
  const d = new Date(start)
  const y = d.getUTCFullYear()
  switch (unit) {
    case 'day':
      return formatDay(start)
    case 'week':
      return `${formatDay(start)} – ${formatDay(end - 1)}`
    case 'month':
      return `${MONTHS[d.getUTCMonth()]} ${y}`
    case 'quarter':
      return `Q${Math.floor(d.getUTCMonth() / 3) + 1} ${y}`
    case 'year':
      return String(y)
    case 'decade':
      return `${y}–${y + 9}`
    case 'century':
      return `${y}–${y + 99}`
  }
}

export interface WindowQuery {
  /** The visible window, ms UTC. */
  start: number
  end: number
  /** The timeline's width in pixels: how much room there is to draw. */
  widthPx: number
  /** An event drawn as itself whatever the density (the selected one). */
  pinned?: string | null
  /** Most items one lane draws before it is counted instead. */
  maxPerLane?: number
  /** Narrowest a count may be drawn, in pixels; sets the period counted by. */
  minCountPx?: number
}

export interface AggregateModel extends TimelineItemModel {
  end: number
  count: number
  unit: PeriodUnit
}

export interface WindowView {
  /** What vis-timeline gets: events and counts alike, counts with `aggregate` in className. */
  items: TimelineItemModel[]
  /** The counts among them, by id. */
  aggregates: Map<string, AggregateModel>
  /** The span fetched: the window and half a window each side, so small moves need no update. */
  start: number
  end: number
}

export const AGGREGATE_PREFIX = 'count:'
export const DEFAULT_MAX_PER_LANE = 60
export const DEFAULT_MIN_COUNT_PX = 40

export function isAggregateId(id: string): boolean {
  return id.startsWith(AGGREGATE_PREFIX)
}

/** The period a lane is counted by at this zoom: the shortest that is wide enough to read. */
export function periodFor(query: WindowQuery): PeriodUnit {
  const msPerPx = (query.end - query.start) / Math.max(1, query.widthPx)
  const wanted = msPerPx * (query.minCountPx ?? DEFAULT_MIN_COUNT_PX)
  return (PERIODS.find(([, length]) => length >= wanted) ?? PERIODS[PERIODS.length - 1]!)[0]
}

/** What to draw for the window: each lane's items, or its counts where they are too many. */
export function windowView(index: TimelineIndex, query: WindowQuery): WindowView {
  const width = query.end - query.start
  const start = query.start - width / 2
  const end = query.end + width / 2
  // Fewer items than this per lane also when the timeline is narrow: at most one per 12 px.
  const limit = Math.min(
    query.maxPerLane ?? DEFAULT_MAX_PER_LANE,
    Math.max(8, Math.floor(query.widthPx / 12)),
  )
  const pinned = query.pinned ? (index.byId.get(query.pinned) ?? null) : null
  const items: TimelineItemModel[] = []
  const aggregates = new Map<string, AggregateModel>()
  const unit = periodFor(query)
  for (const [group, lane] of index.lanes) {
    // Two windows' worth (the fetched span) may hold twice a window's limit. Long spans that
    // cross the window but are anchored elsewhere are left out when the lane is crowded: they
    // show where they are anchored (as "on or before" dates sort).
    const from = bound(lane.anchors, start)
    const to = bound(lane.anchors, end)
    if (to - from <= 2 * limit) {
      const found = overlapping(lane, start, end, 2 * limit)
      items.push(...(found.length <= 2 * limit ? found : lane.anchored.slice(from, to)))
      continue
    }
    const pinnedHere = pinned !== null && pinned.group === group ? anchorOf(pinned) : null
    for (let period = periodOf(start, unit); period.start < end;) {
      let count = countAnchored(lane, period.start, period.end)
      if (pinnedHere !== null && pinnedHere >= period.start && pinnedHere < period.end) count--
      if (count > 0) {
        const model = aggregateModel(group, period.start, period.end, unit, count)
        aggregates.set(model.id, model)
        items.push(model)
      }
      period = periodOf(period.end, unit)
    }
    if (pinnedHere !== null && pinned) items.push(pinned)
  }
  return { items, aggregates, start, end }
}

const COUNT_FORMAT = new Intl.NumberFormat('en')

function aggregateModel(
  group: string,
  start: number,
  end: number,
  unit: PeriodUnit,
  count: number,
): AggregateModel {
  // Density steps by order of magnitude: 1–9, 10–99, 100–999, more.
  const density = Math.min(4, Math.floor(Math.log10(count)) + 1)
  const number = COUNT_FORMAT.format(count)
  const events = count === 1 ? '1 event' : `${number} events`
  return {
    id: `${AGGREGATE_PREFIX}${group}:${unit}:${start}`,
    group,
    label: number,
    tooltip: `${events}, ${periodWords(start, end, unit)}. Zoom in, or click, to see them.`,
    start,
    end,
    type: 'range',
    className: `aggregate density-${density} cat-${group}`,
    count,
    unit,
  }
}

/**
 * The timeline's stored index: every timeline item of the project packed into a few typed arrays
 * and one string, so that a reload can draw the whole timeline (counts per lane and period, items
 * when zoomed in) from one small stored value before every row is read. It is a cache: it says
 * which data it was worked out from (the tables' generation and the bundled events), and is used
 * only when both are still current.
 */
import { anchorOf } from './timeline-window'
import { sortPaced, type Pacer } from './pacing'
import type { TimelineItemModel } from './timeline-items'

/** Changed whenever what is stored, or how an event becomes an item, changes. */
export const SNAPSHOT_FORMAT = 1

export interface StoredTimeline {
  format: number
  /** What the items came from besides the user's tables: the bundled events, the format. */
  source: string
  /** The generation of the user's tables the items were worked out from (lib/db/generation.ts). */
  generation: string
  /** Every event, dated or not, and how many of them are undated (not drawn). */
  total: number
  undated: number
  /** Lane names, and each item's lane as a position in them. */
  groups: string[]
  group: Uint8Array
  /** 0 a point, 1 a range. */
  type: Uint8Array
  classNames: string[]
  className: Uint32Array
  starts: Float64Array
  /** NaN where an item has no end (a point). */
  ends: Float64Array
  /** Each item's id, label and tooltip, one after the other; `cuts` says where each begins. */
  text: string
  cuts: Uint32Array
}

/** What the timeline shows before the rows are read: its items and the project's counts. */
export interface TimelinePreview {
  items: TimelineItemModel[]
  total: number
  undated: number
}

export interface SnapshotSource {
  source: string
  generation: string
  total: number
  undated: number
}

/**
 * Packs the items lane by lane, each lane in anchor order: the timeline's index then sorts
 * items already in order (a linear pass) when it is built from the stored ones.
 */
export async function packTimeline(
  items: readonly TimelineItemModel[],
  from: SnapshotSource,
  pacer: Pacer,
): Promise<StoredTimeline> {
  // Lane and anchor first, then one paced sort of positions: sorting each lane at once, with
  // its anchors in a Map, took one task of over 100 ms at 100,000 items.
  const count = items.length
  const groups: string[] = []
  const laneIndex = new Map<string, number>()
  const laneOf = new Uint8Array(count)
  const anchors = new Float64Array(count)
  for (let i = 0; i < count; i++) {
    const item = items[i]!
    let lane = laneIndex.get(item.group)
    if (lane === undefined) {
      lane = groups.length
      groups.push(item.group)
      laneIndex.set(item.group, lane)
    }
    laneOf[i] = lane
    anchors[i] = anchorOf(item)
    if ((i & 1023) === 1023 && pacer.due()) await pacer.pause()
  }
  const positions = Array.from({ length: count }, (_, i) => i)
  const order = await sortPaced(
    positions,
    (a, b) => laneOf[a]! - laneOf[b]! || anchors[a]! - anchors[b]! || a - b,
    pacer,
  )
  const ordered = order.map((i) => items[i]!)
  const n = ordered.length
  const group = new Uint8Array(n)
  const type = new Uint8Array(n)
  const className = new Uint32Array(n)
  const starts = new Float64Array(n)
  const ends = new Float64Array(n)
  const cuts = new Uint32Array(3 * n + 1)
  const classNames: string[] = []
  const classIndex = new Map<string, number>()
  const pieces: string[] = []
  let chunk: string[] = []
  let at = 0
  for (let i = 0; i < n; i++) {
    const item = ordered[i]!
    group[i] = laneIndex.get(item.group)!
    type[i] = item.type === 'range' ? 1 : 0
    let cls = classIndex.get(item.className)
    if (cls === undefined) {
      cls = classNames.length
      classNames.push(item.className)
      classIndex.set(item.className, cls)
    }
    className[i] = cls
    starts[i] = item.start
    ends[i] = item.end ?? NaN
    cuts[3 * i] = at
    at += item.id.length
    cuts[3 * i + 1] = at
    at += item.label.length
    cuts[3 * i + 2] = at
    at += item.tooltip.length
    chunk.push(item.id, item.label, item.tooltip)
    if (chunk.length >= 3000) {
      pieces.push(chunk.join(''))
      chunk = []
      if (pacer.due()) await pacer.pause()
    }
  }
  pieces.push(chunk.join(''))
  cuts[3 * n] = at
  return {
    format: SNAPSHOT_FORMAT,
    ...from,
    groups,
    group,
    type,
    classNames,
    className,
    starts,
    ends,
    text: pieces.join(''),
    cuts,
  }
}

/**
 * True when `stored` is whole and was worked out from the data as it is now: same format, same
 * bundled events, same generation of the user's tables. Anything else is not used.
 */
export function isCurrent(
  stored: unknown,
  now: { source: string; generation: string },
): stored is StoredTimeline {
  if (!stored || typeof stored !== 'object') return false
  const s = stored as Partial<StoredTimeline>
  if (s.format !== SNAPSHOT_FORMAT || s.source !== now.source) return false
  if (s.generation !== now.generation) return false
  if (typeof s.text !== 'string' || !Array.isArray(s.groups) || !Array.isArray(s.classNames))
    return false
  if (!Number.isInteger(s.total) || !Number.isInteger(s.undated)) return false
  const arrays = [s.group, s.type, s.className, s.starts, s.ends, s.cuts]
  if (!arrays.every((a) => ArrayBuffer.isView(a))) return false
  const n = s.group!.length
  if ([s.type!, s.className!, s.starts!, s.ends!].some((a) => a.length !== n)) return false
  const cuts = s.cuts!
  if (cuts.length !== 3 * n + 1 || cuts[3 * n] !== s.text.length) return false
  for (let i = 1; i < cuts.length; i++) if (cuts[i]! < cuts[i - 1]!) return false
  for (let i = 0; i < n; i++)
    if (s.group![i]! >= s.groups.length || s.className![i]! >= s.classNames.length) return false
  return s.total! >= n + s.undated!
}

/** The stored items as the timeline takes them, made in slices (100,000 take a few frames). */
export async function unpackTimeline(
  stored: StoredTimeline,
  pacer: Pacer,
): Promise<TimelinePreview> {
  const { text, cuts, starts, ends } = stored
  const n = stored.group.length
  const items = new Array<TimelineItemModel>(n)
  for (let i = 0; i < n; i++) {
    const end = ends[i]!
    items[i] = {
      id: text.slice(cuts[3 * i], cuts[3 * i + 1]),
      group: stored.groups[stored.group[i]!]!,
      label: text.slice(cuts[3 * i + 1], cuts[3 * i + 2]),
      tooltip: text.slice(cuts[3 * i + 2], cuts[3 * i + 3]),
      start: starts[i]!,
      end: Number.isNaN(end) ? null : end,
      type: stored.type[i] === 1 ? 'range' : 'point',
      className: stored.classNames[stored.className[i]!]!,
    }
    if ((i & 1023) === 1023 && pacer.due()) await pacer.pause()
  }
  return { items, total: stored.total, undated: stored.undated }
}

/** A short fingerprint of a text (FNV-1a, 32 bits), for the bundled events a snapshot came from. */
export function fingerprint(text: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return (hash >>> 0).toString(16).padStart(8, '0')
}

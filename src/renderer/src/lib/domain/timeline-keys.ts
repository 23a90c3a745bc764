/**
 * Walking the timeline's items with the keyboard: the order the arrow keys follow (time, then
 * lane) and the item each key lands on. Only what the timeline has drawn is walked; the window
 * follows the focus, so the next items are drawn as it moves.
 */
import { anchorOf } from './timeline-window'
import type { TimelineItemModel } from './timeline-items'

export type ItemKey = 'next' | 'previous' | 'first' | 'last'

/**
 * The item `key` moves to from `current` (null: from before the first or after the last; it need
 * not be among `items`). One pass, no sort: the timeline may hold 100,000 items.
 */
export function itemAfterKey(
  items: Iterable<TimelineItemModel>,
  current: TimelineItemModel | null,
  key: ItemKey,
  laneOrder: ReadonlyMap<string, number>,
): TimelineItemModel | null {
  const compare = (a: TimelineItemModel, b: TimelineItemModel) =>
    anchorOf(a) - anchorOf(b) ||
    (laneOrder.get(a.group) ?? 0) - (laneOrder.get(b.group) ?? 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  const forward = key === 'next' || key === 'first'
  let best: TimelineItemModel | null = null
  for (const item of items) {
    if (current && key === 'next' && compare(item, current) <= 0) continue
    if (current && key === 'previous' && compare(item, current) >= 0) continue
    if (best === null || (forward ? compare(item, best) < 0 : compare(item, best) > 0)) best = item
  }
  return best
}

/** The accessible name of an item: its tooltip (full title, date, sources) on one line. */
export function itemName(item: Pick<TimelineItemModel, 'tooltip'>): string {
  return item.tooltip.replace(/\s*\n\s*/g, '. ')
}

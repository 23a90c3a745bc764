/**
 * Pane sizes of the main screen: limits, keyboard steps and the timeline's height, which follows its
 * lanes up to the room it is given. Pure numbers; the layout state and the separators use them.
 */

export interface PaneSizes {
  /** px; null means "as tall as the lanes need, up to the default share". */
  timelineHeight: number | null
  /** px */
  sideWidth: number
}

export function clampSize(value: number, min: number, max: number): number {
  return Math.round(Math.min(Math.max(value, min), Math.max(min, max)))
}

/** A separator's arrow keys: a small step, a large one with Shift, the ends with Home and End. */
export function keyedSize(
  key: string,
  shift: boolean,
  value: number,
  min: number,
  max: number,
  /** +1 when ArrowDown/ArrowRight makes the pane larger, -1 when it makes it smaller. */
  direction: 1 | -1,
): number | null {
  const step = shift ? 80 : 16
  const grow: Record<string, number> = {
    ArrowDown: step,
    ArrowRight: step,
    ArrowUp: -step,
    ArrowLeft: -step,
  }
  if (key === 'Home') return min
  if (key === 'End') return max
  const change = grow[key]
  if (change === undefined) return null
  return clampSize(value + change * direction, min, max)
}

/** The most of the height the timeline takes by itself, leaving the reader the rest. */
export const DEFAULT_TIMELINE_SHARE = 0.78

/**
 * The timeline's height: what its lanes need (so no lane scrolls out of sight), but no more than the
 * user's choice or the default share of the room, and never less than `min`.
 */
export function timelineHeight(options: {
  /** px the toolbar, axis and every lane take. */
  natural: number
  /** px of room for timeline and reader together. */
  room: number
  chosen: number | null
  readerCollapsed: boolean
  min: number
}): number {
  const { natural, room, chosen, readerCollapsed, min } = options
  if (readerCollapsed) return room
  const limit = chosen ?? Math.round(room * DEFAULT_TIMELINE_SHARE)
  const wanted = chosen ?? Math.min(natural, limit)
  return clampSize(wanted, min, room - min)
}

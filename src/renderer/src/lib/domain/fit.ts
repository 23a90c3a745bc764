/**
 * "Fit all": the narrowest time window in which every dated event is drawn whole, its label
 * included. Labels run to the right of an item, so the window's right margin depends on the scale,
 * and the scale on the window: the span is found by bisection (the space needed grows slower than
 * the span while every label is narrower than the panel).
 */

export interface FitItem {
  start: number
  /** null for a point (an exact day). */
  end: number | null
  /** px the label (with its marks and padding) takes to the right of the item's start. */
  labelPx: number
}

export interface FitOptions {
  /** px of the timeline's drawing panel. */
  widthPx: number
  /** px kept free at both edges. */
  marginPx?: number
  /** The smallest span shown, in ms (one event alone still shows some time around it). */
  minSpan?: number
}

const DAY = 24 * 3600 * 1000

/** Where an item's drawing ends, in ms, at `msPerPx`. */
function rightEdge(item: FitItem, msPerPx: number): number {
  return Math.max(item.end ?? item.start, item.start + item.labelPx * msPerPx)
}

/** The window [start, end] in ms, or null when there is nothing to fit. */
export function fitWindow(
  items: readonly FitItem[],
  options: FitOptions,
): { start: number; end: number } | null {
  if (items.length === 0 || options.widthPx <= 0) return null
  const margin = options.marginPx ?? 12
  const width = options.widthPx
  // Loops, not Math.min(...spread): 100,000 arguments overflow the stack.
  let first = Infinity
  let last = -Infinity
  const labelled: FitItem[] = []
  for (const i of items) {
    first = Math.min(first, i.start)
    last = Math.max(last, i.end ?? i.start)
    if (i.labelPx > 0) labelled.push(i)
  }
  const minSpan = Math.max(options.minSpan ?? 60 * DAY, last - first)

  /** The span the drawing needs when the window is `span` ms wide. */
  const needed = (span: number) => {
    const msPerPx = span / width
    let right = last
    for (const i of labelled) right = Math.max(right, rightEdge(i, msPerPx))
    right += margin * msPerPx
    return right - (first - margin * msPerPx)
  }

  let low = minSpan
  let high = minSpan
  // Widen until everything fits; labels wider than the panel never fit, so stop somewhere.
  for (let i = 0; i < 40 && needed(high) > high; i++) high *= 2
  if (needed(low) > low) {
    for (let i = 0; i < 50; i++) {
      const mid = (low + high) / 2
      if (needed(mid) > mid) low = mid
      else high = mid
    }
  } else high = low
  const start = first - (margin * high) / width
  return { start, end: start + high }
}

/**
 * The window after zooming by `factor` (below 1 zooms in) around `anchor`, which keeps its place
 * on screen: the selected event stays where it was.
 */
export function zoomAround(
  window: { start: number; end: number },
  factor: number,
  anchor: number,
): { start: number; end: number } {
  const at = Math.min(Math.max(anchor, window.start), window.end)
  return {
    start: at - (at - window.start) * factor,
    end: at + (window.end - at) * factor,
  }
}

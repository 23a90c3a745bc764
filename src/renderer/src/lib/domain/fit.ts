/**
 * "Fit all": the narrowest time window in which every dated event is drawn whole, its label
 * included. A label runs right of its item, unless that would carry it past the last event: then
 * it runs left, ending where its item ends, so the window ends just after the last event instead
 * of leaving years of empty room for the last labels. Room depends on the scale and the scale on
 * the window: the span is found by bisection.
 */

export interface FitItem {
  id: string
  start: number
  /** null for a point (an exact day). */
  end: number | null
  /** px the label (with its marks and padding) takes beside the item. */
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

export interface FitResult {
  start: number
  end: number
  /** The items whose label is drawn left of where they end. */
  labelsLeft: Set<string>
}

const DAY = 24 * 3600 * 1000

/** The window and the labels drawn left, or null when there is nothing to fit. */
export function fitWindow(items: readonly FitItem[], options: FitOptions): FitResult | null {
  if (items.length === 0 || options.widthPx <= 0) return null
  const margin = options.marginPx ?? 12
  const width = options.widthPx
  let first = Infinity
  let last = -Infinity
  for (const i of items) {
    first = Math.min(first, i.start)
    last = Math.max(last, i.end ?? i.start)
  }
  const minSpan = Math.max(options.minSpan ?? 60 * DAY, last - first)
  // An item without a label never runs left and starts at or after `first`: only the labelled
  // ones move the left edge, so the bisection looks at them alone (none, past a few thousand).
  const labelled = items.filter((i) => i.labelPx > 0)

  /** Whether a label drawn right would pass the last event (and its margin) at `msPerPx`. */
  const runsLeft = (i: FitItem, msPerPx: number) =>
    i.start + i.labelPx * msPerPx > last + margin * msPerPx
  /** Where the drawing starts: the item, or its label when that runs left. */
  const leftEdge = (i: FitItem, msPerPx: number) =>
    runsLeft(i, msPerPx) ? Math.min(i.start, (i.end ?? i.start) - i.labelPx * msPerPx) : i.start

  /** The span the drawing needs when the window is `span` ms wide. */
  const needed = (span: number) => {
    const msPerPx = span / width
    let left = first
    for (const i of labelled) left = Math.min(left, leftEdge(i, msPerPx))
    return last + margin * msPerPx - (left - margin * msPerPx)
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
  const msPerPx = high / width
  // A short span (one event) leaves room over: share it between both sides.
  const end = last + margin * msPerPx + Math.max(0, high - needed(high)) / 2
  const labelsLeft = new Set(labelled.filter((i) => runsLeft(i, msPerPx)).map((i) => i.id))
  return { start: end - high, end, labelsLeft }
}

/**
 * Unlabelled items stand for their extent alone (see fitWindow): the item with the first start and
 * the one with the last end, as two FitItems, without a FitItem per event.
 */
export function extentItems(items: Iterable<{ start: number; end: number | null }>): FitItem[] {
  let first = Infinity
  let last = -Infinity
  for (const i of items) {
    if (i.start < first) first = i.start
    const end = i.end ?? i.start
    if (end > last) last = end
  }
  if (first === Infinity) return []
  return [
    { id: 'first', start: first, end: null, labelPx: 0 },
    { id: 'last', start: last, end: null, labelPx: 0 },
  ]
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

import { describe, expect, it } from 'vitest'
import { extentItems, fitWindow, zoomAround, type FitItem, type FitResult } from './fit'

const YEAR = 365.25 * 24 * 3600 * 1000
const at = (year: number) => Date.UTC(year, 0, 1)

/** Where each item's drawing starts and ends in px, for a window drawn `width` px wide. */
function drawn(items: FitItem[], window: FitResult, width: number) {
  const pxPerMs = width / (window.end - window.start)
  return items.map((i) => {
    const start = (i.start - window.start) * pxPerMs
    const end = ((i.end ?? i.start) - window.start) * pxPerMs
    if (window.labelsLeft.has(i.id)) return { left: end - i.labelPx, right: end }
    return { left: start, right: Math.max(end, start + i.labelPx) }
  })
}

let ids = 0
const item = (start: number, end: number | null, labelPx: number): FitItem => ({
  id: `e${ids++}`,
  start,
  end,
  labelPx,
})

describe('fitWindow', () => {
  it('keeps every label inside the panel, with the margin', () => {
    const items: FitItem[] = [
      item(at(2000), null, 180),
      item(at(2010), at(2012), 60),
      item(at(2023), null, 320),
    ]
    for (const width of [600, 900, 1500]) {
      const window = fitWindow(items, { widthPx: width, marginPx: 10 })!
      for (const { left, right } of drawn(items, window, width)) {
        expect(left).toBeGreaterThanOrEqual(9.99)
        expect(right).toBeLessThanOrEqual(width - 9.99)
      }
    }
  })

  it('ends just after the last event: labels that would pass it run left', () => {
    const items: FitItem[] = [
      item(at(2000), null, 100),
      item(at(2019), at(2020), 200),
      item(at(2020), null, 200),
    ]
    const window = fitWindow(items, { widthPx: 1000, marginPx: 8 })!
    expect(window.labelsLeft).toEqual(new Set([items[1]!.id, items[2]!.id]))
    const boxes = drawn(items, window, 1000)
    // The last event sits at the margin from the right edge, its label whole to its left.
    expect(boxes[2]!.right).toBeCloseTo(992, 0)
    for (const { left, right } of boxes) {
      expect(left).toBeGreaterThanOrEqual(7.99)
      expect(right).toBeLessThanOrEqual(992.01)
    }
  })

  it('keeps labels right of their items where they end before the last event', () => {
    const items: FitItem[] = [item(at(2000), null, 100), item(at(2020), null, 20)]
    const window = fitWindow(items, { widthPx: 1000, marginPx: 8 })!
    expect(window.labelsLeft.has(items[0]!.id)).toBe(false)
    expect(window.end).toBeLessThan(at(2020) + 0.5 * 365.25 * 24 * 3600 * 1000)
  })

  it('answers null for nothing to fit, and some span for one event', () => {
    expect(fitWindow([], { widthPx: 800 })).toBeNull()
    const one = fitWindow([item(at(2010), null, 50)], { widthPx: 800 })!
    expect(one.end - one.start).toBeGreaterThan(30 * 24 * 3600 * 1000)
    expect(one.start).toBeLessThan(at(2010))
  })

  it('still answers when a label is wider than the panel', () => {
    const window = fitWindow([item(at(2010), null, 900)], { widthPx: 400 })
    expect(window).not.toBeNull()
    expect(Number.isFinite(window!.end)).toBe(true)
  })

  it('fits 300,000 unlabelled items from the first start to the last end', () => {
    const items: FitItem[] = Array.from({ length: 300_000 }, (_, i) => ({
      id: `e${i}`,
      start: at(2000) + (i % 1000) * 86_400_000,
      end: i === 7 ? at(2030) : null,
      labelPx: 0,
    }))
    const window = fitWindow(items, { widthPx: 1000, marginPx: 10 })!
    const edges = drawn(items.slice(0, 8), window, 1000)
    expect(edges[0]!.left).toBeCloseTo(10, 0)
    expect(edges[7]!.right).toBeCloseTo(990, 0)
  })

  it('fits unlabelled items as it fits their extent, with labelled ones among them', () => {
    const many: FitItem[] = Array.from({ length: 5000 }, (_, i) => ({
      id: `u${i}`,
      start: at(1990) + ((i * 7919) % 12_000) * 86_400_000,
      end: i % 11 === 0 ? at(1990) + ((i * 7919) % 12_000) * 86_400_000 + 400 * 86_400_000 : null,
      labelPx: 0,
    }))
    const labels = [item(at(1989), null, 240), item(at(2023), null, 300)]
    for (const width of [500, 1400]) {
      for (const labelledToo of [[], labels]) {
        const whole = fitWindow([...many, ...labelledToo], { widthPx: width, marginPx: 16 })!
        const extent = fitWindow([...extentItems(many), ...labelledToo], {
          widthPx: width,
          marginPx: 16,
        })!
        expect(extent.start).toBe(whole.start)
        expect(extent.end).toBe(whole.end)
        expect([...extent.labelsLeft]).toEqual([...whole.labelsLeft])
      }
    }
    expect(extentItems([])).toEqual([])
  })
})

describe('zoomAround', () => {
  it('keeps the anchor at its place on screen', () => {
    const window = { start: at(2000), end: at(2020) }
    const anchor = at(2015)
    const zoomed = zoomAround(window, 0.5, anchor)
    const ratio = (w: typeof window) => (anchor - w.start) / (w.end - w.start)
    expect(ratio(zoomed)).toBeCloseTo(ratio(window))
    expect(zoomed.end - zoomed.start).toBeCloseTo(10 * YEAR, -10)
    const out = zoomAround(window, 2, anchor)
    expect(out.end - out.start).toBeCloseTo(40 * YEAR, -10)
  })
})

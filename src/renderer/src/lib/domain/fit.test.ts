import { describe, expect, it } from 'vitest'
import { fitWindow, zoomAround, type FitItem } from './fit'

const YEAR = 365.25 * 24 * 3600 * 1000
const at = (year: number) => Date.UTC(year, 0, 1)

/** Where each item's drawing starts and ends in px, for a window drawn `width` px wide. */
function drawn(items: FitItem[], window: { start: number; end: number }, width: number) {
  const pxPerMs = width / (window.end - window.start)
  return items.map((i) => {
    const left = (i.start - window.start) * pxPerMs
    const right = Math.max(((i.end ?? i.start) - window.start) * pxPerMs, left + i.labelPx)
    return { left, right }
  })
}

describe('fitWindow', () => {
  it('keeps every label inside the panel, with the margin', () => {
    const items: FitItem[] = [
      { start: at(2000), end: null, labelPx: 180 },
      { start: at(2010), end: at(2012), labelPx: 60 },
      { start: at(2023), end: null, labelPx: 320 },
    ]
    for (const width of [600, 900, 1500]) {
      const window = fitWindow(items, { widthPx: width, marginPx: 10 })!
      for (const { left, right } of drawn(items, window, width)) {
        expect(left).toBeGreaterThanOrEqual(9.99)
        expect(right).toBeLessThanOrEqual(width - 9.99)
      }
    }
  })

  it('gives the right edge only what the last labels need', () => {
    const items: FitItem[] = [
      { start: at(2000), end: null, labelPx: 100 },
      { start: at(2020), end: null, labelPx: 200 },
    ]
    const window = fitWindow(items, { widthPx: 1000, marginPx: 0 })!
    const [, lastItem] = drawn(items, window, 1000)
    expect(lastItem!.right).toBeCloseTo(1000, 0)
  })

  it('answers null for nothing to fit, and some span for one event', () => {
    expect(fitWindow([], { widthPx: 800 })).toBeNull()
    const one = fitWindow([{ start: at(2010), end: null, labelPx: 50 }], { widthPx: 800 })!
    expect(one.end - one.start).toBeGreaterThan(30 * 24 * 3600 * 1000)
    expect(one.start).toBeLessThan(at(2010))
  })

  it('still answers when a label is wider than the panel', () => {
    const window = fitWindow([{ start: at(2010), end: null, labelPx: 900 }], { widthPx: 400 })
    expect(window).not.toBeNull()
    expect(Number.isFinite(window!.end)).toBe(true)
  })

  it('fits 300,000 unlabelled items from the first start to the last end', () => {
    const items: FitItem[] = Array.from({ length: 300_000 }, (_, i) => ({
      start: at(2000) + (i % 1000) * 86_400_000,
      end: i === 7 ? at(2030) : null,
      labelPx: 0,
    }))
    const window = fitWindow(items, { widthPx: 1000, marginPx: 10 })!
    const edges = drawn(items.slice(0, 8), window, 1000)
    expect(edges[0]!.left).toBeCloseTo(10, 0)
    expect(edges[7]!.right).toBeCloseTo(990, 0)
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

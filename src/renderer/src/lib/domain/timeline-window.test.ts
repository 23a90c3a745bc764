import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { TimelineItemModel } from './timeline-items'
import {
  anchorOf,
  buildIndex,
  buildIndexPaced,
  isAggregateId,
  periodFor,
  periodOf,
  periodWords,
  windowView,
  type PeriodUnit,
} from './timeline-window'

const DAY = 86_400_000
const FROM = Date.UTC(2000, 0, 1)
const TO = Date.UTC(2024, 0, 1)
const LANES = ['law-policy', 'enforcement', 'victims']

/** A deterministic mix of exact days, month and year ranges and "on or before" spans. */
function generated(n: number, seed = 1): TimelineItemModel[] {
  let state = seed
  const random = () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31
    return state / 2 ** 31
  }
  return Array.from({ length: n }, (_, i) => {
    const start = FROM + Math.floor(random() * (TO - FROM - 400 * DAY))
    const kind = i % 4
    const base = { id: `e${i}`, group: LANES[i % LANES.length]!, label: `Event ${i}`, tooltip: '' }
    if (kind === 0) return { ...base, start, end: null, type: 'point', className: 'cat-x' }
    if (kind === 1)
      return { ...base, start, end: start + 30 * DAY, type: 'range', className: 'date-imprecise' }
    if (kind === 2)
      return { ...base, start, end: start + 365 * DAY, type: 'range', className: 'date-imprecise' }
    // "On or before": drawn from the first year, counted at its end.
    return {
      ...base,
      start: FROM,
      end: start + DAY,
      type: 'range',
      className: 'date-imprecise date-open-start',
    }
  })
}

function direct(items: TimelineItemModel[], group: string, start: number, end: number): number {
  return items.filter((i) => i.group === group && anchorOf(i) >= start && anchorOf(i) < end).length
}

describe('windowView', () => {
  const items = generated(10_000)
  const index = buildIndex(items)

  it('counts per lane and period equal a direct count of the events', () => {
    const view = windowView(index, { start: FROM, end: TO, widthPx: 1200 })
    expect(view.aggregates.size).toBeGreaterThan(0)
    expect(view.items.every((i) => isAggregateId(i.id))).toBe(true)
    for (const a of view.aggregates.values())
      expect(a.count, a.id).toBe(direct(items, a.group, a.start, a.end))
    // Every event anchored in the fetched span is in exactly one count.
    const counted = [...view.aggregates.values()].reduce((n, a) => n + a.count, 0)
    const first = Math.min(...[...view.aggregates.values()].map((a) => a.start))
    const last = Math.max(...[...view.aggregates.values()].map((a) => a.end))
    expect(counted).toBe(items.filter((i) => anchorOf(i) >= first && anchorOf(i) < last).length)
    expect(counted).toBe(items.length)
  })

  it('draws the events themselves, all that overlap the window, when zoomed in', () => {
    const start = Date.UTC(2010, 4, 1)
    const end = start + 10 * DAY
    const view = windowView(index, { start, end, widthPx: 1200 })
    expect(view.aggregates.size).toBe(0)
    const shown = new Set(view.items.map((i) => i.id))
    // Every event anchored in the window; long "on or before" spans only where they end.
    const anchored = items.filter((i) => anchorOf(i) >= start && anchorOf(i) <= end)
    expect(anchored.length).toBeGreaterThan(0)
    for (const i of anchored) expect(shown.has(i.id), i.id).toBe(true)
    // Nothing far outside the window and the half window either side.
    for (const i of view.items) {
      expect(i.start).toBeLessThanOrEqual(view.end)
      expect(i.end ?? i.start).toBeGreaterThanOrEqual(view.start)
    }
  })

  it('builds the same index in slices as at once', async () => {
    const all = generated(5000, 3)
    let calls = 0
    const pacer = { due: () => ++calls % 3 === 0, pause: () => Promise.resolve() }
    const paced = await buildIndexPaced(all, pacer)
    expect(paced).toEqual(buildIndex(all))
    expect(calls).toBeGreaterThan(5)
  })

  it('keeps what it hands over bounded whatever the number of events', { timeout: 120_000 }, () => {
    const big = buildIndex(generated(100_000, 7))
    for (const days of [10_000, 1000, 100, 10]) {
      const start = Date.UTC(2011, 0, 1)
      const view = windowView(big, { start, end: start + days * DAY, widthPx: 1400 })
      expect(view.items.length, `${days} days`).toBeLessThan(LANES.length * 2 * 120)
    }
  })

  it('draws the selected event as itself in a counted lane, and counts it once', () => {
    const target = items.find((i) => i.className === 'cat-x')!
    const view = windowView(index, { start: FROM, end: TO, widthPx: 1200, pinned: target.id })
    expect(view.items.some((i) => i.id === target.id)).toBe(true)
    const lane = [...view.aggregates.values()].filter((a) => a.group === target.group)
    const total = lane.reduce((n, a) => n + a.count, 0)
    expect(total + 1).toBe(items.filter((i) => i.group === target.group).length)
  })

  it('matches a direct count for any window (property)', { timeout: 60_000 }, () => {
    const small = generated(3000, 3)
    const smallIndex = buildIndex(small)
    fc.assert(
      fc.property(
        fc.integer({ min: FROM, max: TO }),
        fc.integer({ min: DAY, max: 20 * 365 * DAY }),
        fc.integer({ min: 300, max: 2000 }),
        (start, width, widthPx) => {
          const view = windowView(smallIndex, { start, end: start + width, widthPx })
          for (const a of view.aggregates.values())
            expect(a.count).toBe(direct(small, a.group, a.start, a.end))
          const ids = view.items.map((i) => i.id)
          expect(new Set(ids).size).toBe(ids.length)
        },
      ),
      { numRuns: 60 },
    )
  })
})

describe('periods', () => {
  it('choose a longer period as the window widens', () => {
    const at = (days: number) => periodFor({ start: 0, end: days * DAY, widthPx: 1200 })
    expect(at(10)).toBe('day')
    expect(at(100)).toBe('week')
    expect(at(24 * 365)).toBe('year')
  })

  it.each<[PeriodUnit, string, string]>([
    ['day', '2014-03-05T12:00:00Z', '5 March 2014'],
    ['week', '2014-03-05T12:00:00Z', '3 March 2014 – 9 March 2014'],
    ['month', '2014-03-05T12:00:00Z', 'Mar 2014'],
    ['quarter', '2014-05-05T12:00:00Z', 'Q2 2014'],
    ['year', '2014-05-05T12:00:00Z', '2014'],
    ['decade', '2014-05-05T12:00:00Z', '2010–2019'],
  ])('a %s holds its instant and reads as words', (unit, iso, words) => {
    const t = Date.parse(iso)
    const p = periodOf(t, unit)
    expect(p.start).toBeLessThanOrEqual(t)
    expect(p.end).toBeGreaterThan(t)
    expect(periodOf(p.end, unit).start).toBe(p.end)
    expect(periodWords(p.start, p.end, unit)).toBe(words)
  })
})

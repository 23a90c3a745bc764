import { describe, expect, it } from 'vitest'
import { UNPACED } from './pacing'
import {
  SNAPSHOT_FORMAT,
  fingerprint,
  isCurrent,
  packTimeline,
  unpackTimeline,
  type StoredTimeline,
} from './timeline-snapshot'
import type { TimelineItemModel } from './timeline-items'
import { anchorOf, buildIndex, windowView } from './timeline-window'

const DAY = 86_400_000
const LANES = ['law-policy', 'cooperation', 'enforcement', 'victims']

/** Items over 20 years in four lanes: points, ranges, "on or before" spans, odd characters. */
function items(n: number): TimelineItemModel[] {
  return Array.from({ length: n }, (_, i) => {
    const start = Date.UTC(2000, 0, 1) + ((i * 7919) % 7300) * DAY
    const range = i % 3 === 0
    const open = i % 7 === 0
    return {
      id: `e${i}`,
      group: LANES[i % LANES.length]!,
      label: i % 11 === 0 ? `Événement ${i} “quoted” 🙂` : `Event ${i}`,
      tooltip: `Event ${i}\n${i % 5} sources${i % 4 === 0 ? ' · 1 note' : ''}`,
      start,
      end: range ? start + ((i % 40) + 1) * DAY : null,
      type: range ? 'range' : 'point',
      className: `cat-${LANES[i % LANES.length]}${range ? ' date-imprecise' : ''}${open && range ? ' date-open-start' : ''}${i % 4 === 0 ? ' has-note' : ''}`,
    }
  })
}

const FROM = { source: 's1', generation: 'notes=a;userEvents=b', total: 1200, undated: 200 }

async function packed(list = items(1000)): Promise<StoredTimeline> {
  return packTimeline(list, FROM, UNPACED)
}

describe('the timeline snapshot', () => {
  it('gives back every item as it was', async () => {
    const list = items(1000)
    const stored = await packed(list)
    const { items: back, total, undated } = await unpackTimeline(stored, UNPACED)
    expect(total).toBe(1200)
    expect(undated).toBe(200)
    const byId = (l: TimelineItemModel[]) => [...l].sort((a, b) => a.id.localeCompare(b.id))
    expect(byId(back)).toEqual(byId(list))
  })

  it('draws the same counts and items as the items it was made from', async () => {
    const list = items(3000)
    const back = (await unpackTimeline(await packed(list), UNPACED)).items
    const whole = { start: Date.UTC(1999, 0, 1), end: Date.UTC(2021, 0, 1), widthPx: 1200 }
    const zoomed = { start: Date.UTC(2005, 2, 1), end: Date.UTC(2005, 4, 1), widthPx: 1200 }
    for (const query of [whole, zoomed]) {
      const a = windowView(buildIndex(list), query)
      const b = windowView(buildIndex(back), query)
      const ids = (v: typeof a) => v.items.map((i) => i.id).sort()
      expect(ids(b)).toEqual(ids(a))
      expect([...b.aggregates.values()].map((c) => c.count)).toEqual(
        [...a.aggregates.values()].map((c) => c.count),
      )
    }
  })

  it('is used only for the same format, source and generation', async () => {
    const stored = await packed()
    expect(isCurrent(stored, { source: 's1', generation: FROM.generation })).toBe(true)
    // Any write since changed a table's token: stale, not used.
    expect(isCurrent(stored, { source: 's1', generation: 'notes=a;userEvents=c' })).toBe(false)
    expect(isCurrent(stored, { source: 's2', generation: FROM.generation })).toBe(false)
    expect(
      isCurrent(
        { ...stored, format: SNAPSHOT_FORMAT + 1 },
        { source: 's1', generation: FROM.generation },
      ),
    ).toBe(false)
  })

  it('refuses a stored value that is not whole', async () => {
    const stored = await packed()
    const now = { source: 's1', generation: FROM.generation }
    expect(isCurrent(null, now)).toBe(false)
    expect(isCurrent({ ...stored, text: stored.text.slice(1) }, now)).toBe(false)
    expect(isCurrent({ ...stored, starts: stored.starts.slice(1) }, now)).toBe(false)
    expect(isCurrent({ ...stored, groups: stored.groups.slice(1) }, now)).toBe(false)
    expect(isCurrent({ ...stored, total: 10 }, now)).toBe(false)
    const cuts = stored.cuts.slice()
    cuts[5] = cuts[4]! + 100_000
    expect(isCurrent({ ...stored, cuts }, now)).toBe(false)
    expect(isCurrent({ ...stored, ends: Array.from(stored.ends) }, now)).toBe(false)
  })

  it('keeps each lane in anchor order, so the index is built from sorted lanes', async () => {
    const stored = await packed()
    const back = (await unpackTimeline(stored, UNPACED)).items
    for (let i = 1; i < back.length; i++)
      if (back[i]!.group === back[i - 1]!.group)
        expect(anchorOf(back[i]!)).toBeGreaterThanOrEqual(anchorOf(back[i - 1]!))
    expect(new Set(stored.group).size).toBe(LANES.length)
  })

  it('packs the same in slices as at once, giving the window turns all through', async () => {
    const list = items(20_000)
    let pauses = 0
    const always = { due: () => true, pause: async () => void pauses++ }
    const sliced = await packTimeline(list, FROM, always)
    expect(sliced).toEqual(await packTimeline(list, FROM, UNPACED))
    // Sorting 20,000 items and packing them each give the window several turns.
    expect(pauses).toBeGreaterThan(20)
  })

  it('fingerprints text', () => {
    expect(fingerprint('abc')).toBe(fingerprint('abc'))
    expect(fingerprint('abc')).not.toBe(fingerprint('abd'))
    expect(fingerprint('')).toMatch(/^[0-9a-f]{8}$/)
  })
})

import { describe, expect, it, vi } from 'vitest'
import fc from 'fast-check'
import { filterPaced, mapPaced, SLICE_MS, sortPaced, timedPacer, UNPACED, whenIdle } from './pacing'

import { countingPacer } from './test-pacer'

describe('paced loops', () => {
  it('sortPaced gives the stable native order, pausing along the way', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ key: fc.integer({ min: 0, max: 20 }), tag: fc.nat() }), {
          maxLength: 300,
        }),
        fc.integer({ min: 1, max: 64 }),
        async (items, run) => {
          const compare = (a: { key: number }, b: { key: number }) => a.key - b.key
          const pacer = countingPacer(3)
          const sorted = await sortPaced(items, compare, pacer, run)
          expect(sorted).toEqual([...items].sort(compare))
        },
      ),
    )
    const pacer = countingPacer(2)
    await sortPaced(
      Array.from({ length: 5000 }, (_, i) => (i * 7919) % 5000),
      (a, b) => a - b,
      pacer,
      100,
    )
    expect(pacer.pauses).toBeGreaterThan(10)
  })

  it('mapPaced and filterPaced give what map and filter give', async () => {
    const items = Array.from({ length: 1000 }, (_, i) => i)
    const pacer = countingPacer(7)
    expect(await mapPaced(items, (i) => i * 2, pacer)).toEqual(items.map((i) => i * 2))
    expect(await filterPaced(items, (i) => i % 3 === 0, pacer)).toEqual(
      items.filter((i) => i % 3 === 0),
    )
    expect(pacer.pauses).toBeGreaterThan(100)
    expect(await sortPaced([], (a: number, b: number) => a - b, UNPACED)).toEqual([])
  })
})

describe('timedPacer', () => {
  it('is due at once, then after each slice of SLICE_MS, with a turn at every pause', async () => {
    let clock = 1000
    const spy = vi.spyOn(performance, 'now').mockImplementation(() => clock)
    try {
      let turns = 0
      const pacer = timedPacer(() => {
        turns++
        return Promise.resolve()
      })
      expect(pacer.due()).toBe(true)
      await pacer.pause()
      expect(turns).toBe(1)
      expect(pacer.due()).toBe(false)
      clock += SLICE_MS
      expect(pacer.due()).toBe(false)
      clock += 1
      expect(pacer.due()).toBe(true)
      await pacer.pause()
      expect([turns, pacer.due()]).toEqual([2, false])
    } finally {
      spy.mockRestore()
    }
  })
})

describe('whenIdle', () => {
  it('runs the work once the window is free, unless cancelled first', async () => {
    const ran: string[] = []
    whenIdle(() => ran.push('kept'), 1000)
    const cancel = whenIdle(() => ran.push('cancelled'), 1000)
    cancel()
    await new Promise((r) => setTimeout(r, 20))
    expect(ran).toEqual(['kept'])
  })
})

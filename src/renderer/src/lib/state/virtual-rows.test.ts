/*
 * The rows a long list draws: only those in and near the view, the rest stood in for by space
 * that keeps the scrollbar true, and the scroll that brings a row whole into view.
 */
import { describe, expect, it } from 'vitest'
import { VirtualRows } from './virtual-rows.svelte'

function rows(count: number, height = 20, overscan = 5): VirtualRows {
  const view = new VirtualRows(
    () => count,
    () => height,
    overscan,
  )
  view.viewHeight = 200
  return view
}

describe('VirtualRows', () => {
  it('draws the rows in view and a few either side, whatever the count', () => {
    for (const count of [1_000, 100_000]) {
      const view = rows(count)
      view.scrollTop = 20 * 500
      expect(view.first).toBe(495)
      expect(view.last).toBe(515)
      // The space above, the rows drawn and the space below add up to the whole list.
      expect(view.before + (view.last - view.first) * 20 + view.after).toBe(count * 20)
    }
  })

  it('stops at the ends and counts rows below an offset (a header, a hint)', () => {
    const view = rows(12)
    expect([view.first, view.last, view.after]).toEqual([0, 12, 0])
    const offset = rows(1000)
    offset.offset = 100
    offset.scrollTop = 100
    expect(offset.first).toBe(0)
    expect(offset.last).toBe(15)
  })

  it('scrolls a row whole into view only when it is not', () => {
    const view = rows(1000)
    view.scrollTop = 400
    expect(view.scrollFor(25)).toBe(400)
    expect(view.scrollFor(10)).toBe(200)
    expect(view.scrollFor(40)).toBe(20 * 41 - 200)
    // Below a sticky header of 30 px a row under it is not in view.
    expect(view.scrollFor(20, 30)).toBe(370)
  })
})

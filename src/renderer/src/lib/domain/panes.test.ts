import { describe, expect, it } from 'vitest'
import { clampSize, keyedSize, timelineHeight } from './panes'

describe('pane sizes', () => {
  it('clamps to the limits, whole px', () => {
    expect(clampSize(50.4, 100, 300)).toBe(100)
    expect(clampSize(250.6, 100, 300)).toBe(251)
    expect(clampSize(900, 100, 300)).toBe(300)
    // A room smaller than the minimum still answers the minimum.
    expect(clampSize(90, 100, 80)).toBe(100)
  })

  it('moves by arrow keys, bigger with Shift, to the ends with Home and End', () => {
    expect(keyedSize('ArrowDown', false, 300, 100, 500, 1)).toBe(316)
    expect(keyedSize('ArrowUp', true, 300, 100, 500, 1)).toBe(220)
    // The side panel grows as its separator moves left.
    expect(keyedSize('ArrowLeft', false, 300, 100, 500, -1)).toBe(316)
    expect(keyedSize('Home', false, 300, 100, 500, 1)).toBe(100)
    expect(keyedSize('End', false, 300, 100, 500, 1)).toBe(500)
    expect(keyedSize('x', false, 300, 100, 500, 1)).toBeNull()
  })

  it('gives the timeline what its lanes need, up to its share, unless the user chose', () => {
    const base = { room: 800, chosen: null, readerCollapsed: false, min: 160 }
    expect(timelineHeight({ ...base, natural: 400 })).toBe(400)
    expect(timelineHeight({ ...base, natural: 2000 })).toBe(624)
    expect(timelineHeight({ ...base, natural: 400, chosen: 500 })).toBe(500)
    expect(timelineHeight({ ...base, natural: 400, readerCollapsed: true })).toBe(800)
    expect(timelineHeight({ ...base, natural: 50 })).toBe(160)
  })
})

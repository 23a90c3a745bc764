import { describe, expect, it } from 'vitest'
import { leadingPerFrame, type FrameClock } from './per-frame'

/** A frame clock the test advances by hand. */
function manualClock() {
  let next = 1
  const waiting = new Map<number, () => void>()
  const clock: FrameClock = {
    request(callback) {
      waiting.set(next, callback)
      return next++
    },
    cancel(handle) {
      waiting.delete(handle)
    },
  }
  const frame = () => {
    const due = [...waiting.values()]
    waiting.clear()
    for (const callback of due) callback()
  }
  return { clock, frame, waiting }
}

describe('leadingPerFrame', () => {
  it('runs the first call of a frame at once and the rest of that frame once, on the next', () => {
    const { clock, frame } = manualClock()
    let runs = 0
    const drawer = leadingPerFrame(() => runs++, clock)
    drawer.call()
    expect(runs).toBe(1)
    drawer.call()
    drawer.call()
    drawer.call()
    expect(runs).toBe(1)
    frame()
    expect(runs).toBe(2)
    frame()
    expect(runs).toBe(2)
  })

  it('runs at once again in a later frame', () => {
    const { clock, frame } = manualClock()
    let runs = 0
    const drawer = leadingPerFrame(() => runs++, clock)
    drawer.call()
    frame()
    drawer.call()
    expect(runs).toBe(2)
  })

  it('drops a waiting run when cancelled', () => {
    const { clock, frame, waiting } = manualClock()
    let runs = 0
    const drawer = leadingPerFrame(() => runs++, clock)
    drawer.call()
    drawer.call()
    drawer.cancel()
    expect(waiting.size).toBe(0)
    frame()
    expect(runs).toBe(1)
  })
})

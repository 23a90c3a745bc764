/**
 * Runs work at most once a frame, the first call of a frame at once: a zoom or pan step's items
 * then reach vis before its own redraw on the next frame, and a gesture's many range changes
 * within one frame are run together once, on the next.
 */

export interface FrameClock {
  request(callback: () => void): number
  cancel(handle: number): void
}

const browserClock: FrameClock = {
  request: (callback) => requestAnimationFrame(callback),
  cancel: (handle) => cancelAnimationFrame(handle),
}

export interface PerFrame {
  /** Runs `work` now if it has not run this frame, else once on the next frame. */
  call(): void
  /** Drops a run waiting for the next frame. */
  cancel(): void
}

export function leadingPerFrame(work: () => void, clock: FrameClock = browserClock): PerFrame {
  let ranThisFrame = false
  let pending = 0
  let reset = 0
  return {
    call() {
      if (!ranThisFrame) {
        ranThisFrame = true
        reset = clock.request(() => (ranThisFrame = false))
        work()
      } else if (pending === 0)
        pending = clock.request(() => {
          pending = 0
          work()
        })
    },
    cancel() {
      clock.cancel(pending)
      clock.cancel(reset)
      pending = 0
      reset = 0
      ranThisFrame = false
    },
  }
}

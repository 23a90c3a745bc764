/**
 * Long loops over every event, split so the window keeps answering: the work asks its pacer
 * whether the current slice has run long enough (`due`) and, if so, awaits `pause`, which gives
 * the window a turn. Pure: the pacer is passed in (lib/state/paced.svelte.ts gives the app's;
 * UNPACED runs everything at once, as tests and Node do).
 */
export interface Pacer {
  due(): boolean
  pause(): Promise<void>
}

/** A turn for the window: scheduler.yield where there is one (Chromium 129+), else a timer. */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0))
}

interface IdleDeadline {
  timeRemaining(): number
  didTimeout: boolean
}

/** requestIdleCallback where the window has one (not in Node). */
const idle = globalThis as {
  requestIdleCallback?: (
    run: (deadline: IdleDeadline) => void,
    options: { timeout: number },
  ) => number
  cancelIdleCallback?: (handle: number) => void
}

/**
 * Runs `work` once the window has nothing else to do (requestIdleCallback where there is one),
 * or after `limitMs` whatever happens; the function returned cancels it if it has not run.
 */
export function whenIdle(work: () => void, limitMs: number): () => void {
  if (idle.requestIdleCallback && idle.cancelIdleCallback) {
    const handle = idle.requestIdleCallback(work, { timeout: limitMs })
    return () => idle.cancelIdleCallback?.(handle)
  }
  const timer = setTimeout(work, 0)
  return () => clearTimeout(timer)
}

/**
 * Waits for an idle period of the window, or `waitMs` whatever happens, and resolves to how long
 * work may run in it: what the period leaves, at most `maxMs` (all of `maxMs` after the wait, or
 * where there is no requestIdleCallback, after a task).
 */
export function idlePeriod(maxMs: number, waitMs: number): Promise<number> {
  const request = idle.requestIdleCallback
  if (!request) return nextTask().then(() => maxMs)
  return new Promise((resolve) =>
    request(
      (deadline) =>
        resolve(deadline.didTimeout ? maxMs : Math.min(maxMs, deadline.timeRemaining())),
      { timeout: waitMs },
    ),
  )
}

export const UNPACED: Pacer = { due: () => false, pause: () => Promise.resolve() }

/** How long a slice of paced work runs before the window gets a turn. */
export const SLICE_MS = 12

/**
 * Slices of about SLICE_MS, each followed by `turn`: nextTask, unless the work must keep
 * something alive meanwhile (an IndexedDB transaction: lib/db/actions/project.ts). Due at once:
 * work is often started inside a task that has already run long (an effect flush after another
 * paced value arrived, or several restarts of one in a row), and each start taking a whole
 * slice there made tasks of 140 ms at 100k events. So the first slice gets a task of its own,
 * unless `since` says the caller already gave it one (runInSlices).
 */
export function timedPacer(
  turn: () => Promise<void> = nextTask,
  since = Number.NEGATIVE_INFINITY,
): Pacer {
  return {
    due: () => performance.now() - since > SLICE_MS,
    pause: async () => {
      await turn()
      since = performance.now()
    },
  }
}

/** Thrown by a pacer's pause when the work is no longer wanted (newer input came). */
export class Abandoned extends Error {}

/** Work written as a generator that yields wherever it may stop: all at once. */
export function runSteps<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
  }
}

/** The same work in slices, pausing where it yields whenever the pacer says a slice is long. */
export async function runStepsPaced<T>(steps: Generator<void, T, void>, pacer: Pacer): Promise<T> {
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
    if (pacer.due()) await pacer.pause()
  }
}

export async function mapPaced<T, U>(
  items: readonly T[],
  map: (item: T) => U,
  pacer: Pacer,
): Promise<U[]> {
  const out: U[] = new Array<U>(items.length)
  for (let i = 0; i < items.length; i++) {
    out[i] = map(items[i]!)
    if (pacer.due()) await pacer.pause()
  }
  return out
}

export async function filterPaced<T>(
  items: readonly T[],
  keep: (item: T) => boolean,
  pacer: Pacer,
): Promise<T[]> {
  const out: T[] = []
  for (const item of items) {
    if (keep(item)) out.push(item)
    if (pacer.due()) await pacer.pause()
  }
  return out
}

/**
 * A stable sort in slices: runs of `run` items sorted natively, then merged pairwise (ties from
 * the earlier run first), so the order is exactly `[...items].sort(compare)`.
 */
export async function sortPaced<T>(
  items: readonly T[],
  compare: (a: T, b: T) => number,
  pacer: Pacer,
  run = 4096,
): Promise<T[]> {
  let runs: T[][] = []
  for (let i = 0; i < items.length; i += run) {
    runs.push(items.slice(i, i + run).sort(compare))
    if (pacer.due()) await pacer.pause()
  }
  while (runs.length > 1) {
    const next: T[][] = []
    for (let r = 0; r < runs.length; r += 2) {
      const right = runs[r + 1]
      next.push(right ? await merge(runs[r]!, right, compare, pacer) : runs[r]!)
    }
    runs = next
  }
  return runs[0] ?? []
}

async function merge<T>(
  left: readonly T[],
  right: readonly T[],
  compare: (a: T, b: T) => number,
  pacer: Pacer,
): Promise<T[]> {
  const out: T[] = new Array<T>(left.length + right.length)
  let i = 0
  let j = 0
  let k = 0
  while (i < left.length && j < right.length) {
    out[k++] = compare(right[j]!, left[i]!) < 0 ? right[j++]! : left[i++]!
    if ((k & 1023) === 0 && pacer.due()) await pacer.pause()
  }
  while (i < left.length) out[k++] = left[i++]!
  while (j < right.length) out[k++] = right[j++]!
  return out
}

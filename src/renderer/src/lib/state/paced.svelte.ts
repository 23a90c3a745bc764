/**
 * A value derived from reactive inputs by work too long for one task (every event of a large
 * project): the work runs in slices of about SLICE_MS and gives the window a turn between them
 * (lib/domain/pacing.ts). The previous value stays until the new one is whole; newer inputs
 * abandon a run still going. Construct inside a component, like LiveQuery.
 */
import { untrack } from 'svelte'
import { Abandoned, nextTask, timedPacer, type Pacer } from '../domain/pacing'

/**
 * The app's pacer: slices of about SLICE_MS, each followed by a turn for the window; once
 * `wanted` says no, the next pause throws Abandoned.
 */
export function slicedPacer(wanted: () => boolean, since?: number): Pacer {
  return timedPacer(async () => {
    await nextTask()
    if (!wanted()) throw new Abandoned()
  }, since)
}

/**
 * Runs `compute` in slices, starting in a task of its own: the values one change sets off each
 * ran a first slice inside the same effect flush, together one long task (undo of a large
 * import). Rejects with Abandoned when no longer `wanted` by then.
 */
export async function runInSlices<I, O>(
  input: I,
  compute: (input: I, pacer: Pacer) => Promise<O>,
  wanted: () => boolean,
): Promise<O> {
  await nextTask()
  if (!wanted()) throw new Abandoned()
  // This task is the first slice's own: no second turn before it.
  return compute(input, slicedPacer(wanted, performance.now()))
}

/** Inputs that are the same object, or objects whose own values are each the same. */
export function sameInput(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  const keys = Object.keys(a)
  if (keys.length !== Object.keys(b).length) return false
  return keys.every(
    (k) =>
      k in b && Object.is((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  )
}

export class PacedValue<I, O> {
  #value = $state.raw<O>() as O
  // Nothing is worked out yet: the initial value stands in until the first result.
  #pending = $state(true)
  #waiting = $state(false)
  #run = 0
  /** The input of the latest run started: an equal input later starts nothing. */
  #started: { input: I } | null = null

  /**
   * `ready`, when given, holds the work back while it says no (the data it reads is being read
   * again): each input the data passes through on its way would be a whole run thrown away.
   */
  constructor(
    input: () => I,
    compute: (input: I, pacer: Pacer) => Promise<O>,
    initial: O,
    ready?: () => boolean,
  ) {
    this.#value = initial
    // An effect, not $derived: the result arrives later, over several tasks.
    $effect(() => {
      if (ready && !ready()) {
        untrack(() => (this.#waiting = true))
        return
      }
      const value = input()
      untrack(() => {
        this.#waiting = false
        this.#start(value, compute)
      })
    })
  }

  #start(input: I, compute: (input: I, pacer: Pacer) => Promise<O>): void {
    if (this.#started && sameInput(this.#started.input, input)) return
    this.#started = { input }
    const run = ++this.#run
    const wanted = (): boolean => run === this.#run
    this.#pending = true
    runInSlices(input, compute, wanted).then(
      (result) => {
        if (!wanted()) return
        this.#value = result
        this.#pending = false
      },
      (error: unknown) => {
        if (error instanceof Abandoned) return
        if (wanted()) {
          this.#pending = false
          // A failed run is tried again on the next input, even an equal one.
          this.#started = null
        }
        throw error
      },
    )
  }

  get value(): O {
    return this.#value
  }

  /**
   * True until the first result, while a newer value is being worked out, and while `ready`
   * holds the work back.
   */
  get pending(): boolean {
    return this.#pending || this.#waiting
  }
}

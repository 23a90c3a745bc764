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

export class PacedValue<I, O> {
  #value = $state.raw<O>() as O
  // Nothing is worked out yet: the initial value stands in until the first result.
  #pending = $state(true)
  #run = 0

  constructor(input: () => I, compute: (input: I, pacer: Pacer) => Promise<O>, initial: O) {
    this.#value = initial
    // An effect, not $derived: the result arrives later, over several tasks.
    $effect(() => {
      const value = input()
      untrack(() => this.#start(value, compute))
    })
  }

  #start(input: I, compute: (input: I, pacer: Pacer) => Promise<O>): void {
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
        if (wanted()) this.#pending = false
        throw error
      },
    )
  }

  get value(): O {
    return this.#value
  }

  /** True until the first result, and while a newer value is being worked out. */
  get pending(): boolean {
    return this.#pending
  }
}

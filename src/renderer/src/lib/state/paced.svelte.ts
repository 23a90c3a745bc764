/**
 * A value derived from reactive inputs by work too long for one task (every event of a large
 * project): the work runs in slices of about SLICE_MS and gives the window a turn between them
 * (lib/domain/pacing.ts). The previous value stays until the new one is whole; newer inputs
 * abandon a run still going. Construct inside a component, like LiveQuery.
 */
import { untrack } from 'svelte'
import { nextTask, type Pacer } from '../domain/pacing'

const SLICE_MS = 12

/** Thrown inside an abandoned run's pause, so that it stops where it is. */
class Abandoned extends Error {}

export class PacedValue<I, O> {
  #value = $state.raw<O>() as O
  #pending = $state(false)
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
    let since = performance.now()
    const pacer: Pacer = {
      due: () => performance.now() - since > SLICE_MS,
      pause: async () => {
        await nextTask()
        if (run !== this.#run) throw new Abandoned()
        since = performance.now()
      },
    }
    this.#pending = true
    compute(input, pacer).then(
      (result) => {
        if (run !== this.#run) return
        this.#value = result
        this.#pending = false
      },
      (error: unknown) => {
        if (error instanceof Abandoned) return
        if (run === this.#run) this.#pending = false
        throw error
      },
    )
  }

  get value(): O {
    return this.#value
  }

  /** True while a newer value is being worked out. */
  get pending(): boolean {
    return this.#pending
  }
}

/**
 * A pacer for tests of paced work: due every `every` looks (1: at every place the work may
 * stop), counting its pauses, which resolve at once. Proves the slices change nothing.
 */
import type { Pacer } from './pacing'

export function countingPacer(every = 1): Pacer & { pauses: number } {
  let looks = 0
  const pacer = {
    pauses: 0,
    due: () => ++looks % every === 0,
    pause: () => {
      pacer.pauses++
      return Promise.resolve()
    },
  }
  return pacer
}

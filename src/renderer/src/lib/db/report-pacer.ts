/**
 * The worker side of a long write's progress (decision 0036): each report is numbered, the
 * window acknowledges the ones it has taken in, and the write waits, its transaction kept open,
 * while the window is more than REPORTS_AHEAD reports behind. A busy window so slows the write
 * instead of being flooded, and its Cancel lands while there is still something to cancel.
 */
import Dexie from 'dexie'

/** Progress reports a worker may be ahead of the window by before it waits. */
export const REPORTS_AHEAD = 2

export class ReportPacer {
  #sent = 0
  #taken = 0
  #waiting: { promise: PromiseLike<unknown>; wake: () => void; ahead: number } | null = null

  /** Gives up waiting for good once `signal` aborts (a stop must reach the write at once). */
  constructor(private readonly signal: AbortSignal) {
    signal.addEventListener('abort', () => this.#wake(), { once: true })
  }

  /** The number of the next report. */
  next(): number {
    return ++this.#sent
  }

  /** The window has taken in the reports up to `seq`. */
  taken(seq: number): void {
    this.#taken = seq
    if (this.#waiting && this.#sent - this.#taken <= this.#waiting.ahead) this.#wake()
  }

  /**
   * A promise to wait for inside the transaction while the window is more than `ahead` reports
   * behind (0: until it has taken in every report), else undefined.
   */
  pace(ahead = REPORTS_AHEAD): PromiseLike<unknown> | undefined {
    if (this.#sent - this.#taken <= ahead || this.signal.aborted) return undefined
    if (!this.#waiting) {
      let resolve!: () => void
      const ready = new Promise<void>((r) => (resolve = r))
      this.#waiting = { promise: Dexie.waitFor(ready), wake: resolve, ahead }
    }
    return this.#waiting.promise
  }

  #wake(): void {
    this.#waiting?.wake()
    this.#waiting = null
  }
}

/** The name of what made a write fail: Dexie wraps IndexedDB's failures, the cause tells. */
export function failureName(error: unknown): { name: string; message: string } {
  const { name, message } =
    error instanceof Error ? error : { name: 'Error', message: String(error) }
  const inner = (error as { inner?: { name?: string } } | null)?.inner
  return { name: inner?.name ?? name, message }
}

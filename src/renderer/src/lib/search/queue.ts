/**
 * The search worker's queue of sources to index, by key: a newer source of a key replaces the
 * queued one and goes to the back, as a fresh edit should. Each operation costs only the sources
 * it names: an import sends 250,000 sources in thousands of small messages, and copying the
 * whole queue for each one kept a core busy for minutes.
 */
import type { SearchSource } from '$lib/domain/search/sources'

export class SourceQueue {
  /** Sources in arrival order; those no longer in `#latest` are skipped when their turn comes. */
  #order: SearchSource[] = []
  #head = 0
  #latest = new Map<string, SearchSource>()

  get size(): number {
    return this.#latest.size
  }

  put(sources: readonly SearchSource[]): void {
    for (const source of sources) {
      this.#latest.set(source.key, source)
      this.#order.push(source)
    }
  }

  /** Keeps only the sources whose key `wanted` has. */
  keepOnly(wanted: ReadonlySet<string>): void {
    for (const key of [...this.#latest.keys()]) if (!wanted.has(key)) this.#latest.delete(key)
    if (this.#latest.size === 0) this.#clear()
  }

  /** The oldest source still wanted, taken off the queue; undefined when empty. */
  take(): SearchSource | undefined {
    while (this.#head < this.#order.length) {
      const source = this.#order[this.#head++]!
      if (this.#latest.get(source.key) !== source) continue
      this.#latest.delete(source.key)
      this.#compact()
      return source
    }
    this.#clear()
    return undefined
  }

  #compact(): void {
    if (this.#latest.size === 0) this.#clear()
    else if (this.#head > 4096 && this.#head * 2 > this.#order.length) {
      this.#order = this.#order.slice(this.#head)
      this.#head = 0
    }
  }

  #clear(): void {
    this.#order = []
    this.#head = 0
  }
}

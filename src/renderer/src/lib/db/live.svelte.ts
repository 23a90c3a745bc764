/**
 * The one bridge from Dexie's liveQuery to Svelte runes. Construct inside a component: the
 * subscription lives as long as the component and its result updates whenever the data changes.
 */
import { liveQuery } from 'dexie'
import { onDestroy } from 'svelte'

export class LiveQuery<T> {
  #value = $state.raw<T>() as T
  #error = $state.raw<Error | null>(null)
  #loading = $state(true)
  #reading = $state(true)

  constructor(query: () => T | Promise<T>, initial: T) {
    this.#value = initial
    const subscription = liveQuery(() => {
      // Dexie runs the query again after each change to what it read, dropping a run overtaken.
      this.#reading = true
      return query()
    }).subscribe({
      next: (value) => {
        this.#value = value
        this.#error = null
        this.#loading = false
        this.#reading = false
      },
      error: (error: unknown) => {
        this.#error = error instanceof Error ? error : new Error(String(error))
        this.#loading = false
        this.#reading = false
      },
    })
    onDestroy(() => subscription.unsubscribe())
  }

  get value(): T {
    return this.#value
  }

  get error(): Error | null {
    return this.#error
  }

  get loading(): boolean {
    return this.#loading
  }

  /** True while the query runs, the first time and each time the data changes. */
  get reading(): boolean {
    return this.#reading
  }
}

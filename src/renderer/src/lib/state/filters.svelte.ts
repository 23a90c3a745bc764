/** The filter that narrows the timeline, the undated list and the table together. */
import type { CategoryId } from '$shared/corpus'
import { NO_FILTER, type EventFilter } from '../domain/events'
import type { SupportLevel } from '../domain/grading'

export class Filters {
  // Replaced whole on each change, never changed in place: its identity says whether it changed.
  #value = $state.raw<EventFilter>({ ...NO_FILTER })

  get value(): EventFilter {
    return this.#value
  }

  get active(): boolean {
    return Object.values(this.#value).some((v) => v !== null)
  }

  setCategory(category: CategoryId | null): void {
    this.#value = { ...this.#value, category }
  }

  setEntity(entity: string | null): void {
    this.#value = { ...this.#value, entity }
  }

  setTag(tag: string | null): void {
    this.#value = { ...this.#value, tag }
  }

  setArticle(articleId: string | null): void {
    this.#value = { ...this.#value, articleId }
  }

  setSupport(support: SupportLevel | null): void {
    this.#value = { ...this.#value, support }
  }

  /** Narrows to the events a search matched; null lifts it. */
  setMatch(match: EventFilter['match']): void {
    this.#value = { ...this.#value, match }
  }

  reset(): void {
    this.#value = { ...NO_FILTER }
  }
}

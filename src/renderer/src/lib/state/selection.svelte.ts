/**
 * Which event is selected and which of its source articles the reader shows. One instance per app;
 * the timeline, lists and reader all read and write it.
 */
export class Selection {
  #eventId = $state<string | null>(null)
  #articleId = $state<string | null>(null)
  /** Bumped on every explicit selection so the reader scrolls again even to the same event. */
  #revision = $state(0)

  get eventId(): string | null {
    return this.#eventId
  }

  get articleId(): string | null {
    return this.#articleId
  }

  get revision(): number {
    return this.#revision
  }

  select(eventId: string | null, articleId: string | null = null): void {
    this.#eventId = eventId
    this.#articleId = articleId
    this.#revision++
  }

  showArticle(articleId: string): void {
    this.#articleId = articleId
    this.#revision++
  }

  reset(): void {
    this.#eventId = null
    this.#articleId = null
    this.#revision = 0
  }
}

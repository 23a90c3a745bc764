/** Status messages shown to the user: success and failure of saves and exports. */
export interface Message {
  id: number
  kind: 'success' | 'error' | 'info'
  text: string
}

export class Messages {
  #items = $state<Message[]>([])
  #next = 1

  get items(): readonly Message[] {
    return this.#items
  }

  show(kind: Message['kind'], text: string): number {
    const id = this.#next++
    this.#items = [...this.#items.slice(-3), { id, kind, text }]
    if (kind !== 'error') setTimeout(() => this.dismiss(id), 8000)
    return id
  }

  dismiss(id: number): void {
    this.#items = this.#items.filter((m) => m.id !== id)
  }

  reset(): void {
    this.#items = []
  }
}

/**
 * What the side panel shows: the selected event, a draft made from a passage (a highlight or a
 * new event), the form to edit an event of the user's, or a highlight.
 */
import type { Passage } from '../db/actions/annotations'

export type PanelMode =
  | { kind: 'event' }
  | { kind: 'new-highlight'; passage: Passage }
  | { kind: 'new-event'; passage: Passage | null }
  | { kind: 'edit-event'; eventId: string }
  | { kind: 'highlight'; highlightId: string }
  | { kind: 'annotations' }
  | { kind: 'entities' }
  | { kind: 'conflicts' }

export class Panel {
  // Raw: drafts hold passages that go to IndexedDB as they are, and proxies cannot be stored.
  #mode = $state.raw<PanelMode>({ kind: 'event' })

  get mode(): PanelMode {
    return this.#mode
  }

  show(mode: PanelMode): void {
    this.#mode = mode
  }

  reset(): void {
    this.#mode = { kind: 'event' }
  }
}

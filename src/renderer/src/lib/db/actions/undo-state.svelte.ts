/** The undo history's labels as runes, for the Undo and Redo buttons and menu. */
import type { HistoryState, UndoStack } from '../history'

export class HistoryView {
  #state = $state<HistoryState>({
    canUndo: false,
    canRedo: false,
    undoLabel: undefined,
    redoLabel: undefined,
  })

  constructor(stack: UndoStack) {
    // Lives as long as the app: the history is app-wide.
    stack.subscribe((state) => (this.#state = state))
  }

  get canUndo(): boolean {
    return this.#state.canUndo
  }
  get canRedo(): boolean {
    return this.#state.canRedo
  }
  get undoLabel(): string | undefined {
    return this.#state.undoLabel
  }
  get redoLabel(): string | undefined {
    return this.#state.redoLabel
  }
}

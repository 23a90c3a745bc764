/**
 * Undo and redo of the user's changes (see ../history.ts), and their state for the UI. Failures
 * come back as WriteError; the stacks stay as they were.
 */
import { db } from '../db'
import { history } from '../history'
import { toWriteError } from './errors'
import { HistoryView } from './undo-state.svelte'

export const undoState = new HistoryView(history)

export async function undo(): Promise<string | undefined> {
  try {
    return await history.undo(db)
  } catch (error) {
    throw toWriteError(error)
  }
}

export async function redo(): Promise<string | undefined> {
  try {
    return await history.redo(db)
  } catch (error) {
    throw toWriteError(error)
  }
}

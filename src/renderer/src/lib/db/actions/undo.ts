/**
 * Undo and redo of the user's changes (see ../history.ts), and their state for the UI. Failures
 * come back as WriteError; the stacks stay as they were.
 */
import { db } from '../db'
import { HistoryConflictError, history } from '../history'
import { WriteError, toWriteError } from './errors'
import { HistoryView } from './undo-state.svelte'
import { assertWritable } from '../write-guard'

export const undoState = new HistoryView(history)

export async function undo(): Promise<string | undefined> {
  assertWritable()
  try {
    return await history.undo(db)
  } catch (error) {
    if (error instanceof HistoryConflictError) throw new WriteError('conflict', error.message)
    throw toWriteError(error)
  }
}

export async function redo(): Promise<string | undefined> {
  assertWritable()
  try {
    return await history.redo(db)
  } catch (error) {
    if (error instanceof HistoryConflictError) throw new WriteError('conflict', error.message)
    throw toWriteError(error)
  }
}

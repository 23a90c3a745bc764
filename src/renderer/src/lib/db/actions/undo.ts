/**
 * Undo and redo of the user's changes (see ../history.ts), and their state for the UI. Failures
 * come back as WriteError; the stacks stay as they were. A stopped step (its signal aborted)
 * comes back as HistoryStopped: nothing was changed.
 */
import { db } from '../db'
import { HistoryConflictError, HistoryStopped, history, type StepOptions } from '../history'
import { WriteError, toWriteError } from './errors'
import { HistoryView } from './undo-state.svelte'
import { assertWritable } from '../write-guard'
import { stepInWorker } from '../step-in-worker'

export { HistoryStopped, type StepOptions }

export const undoState = new HistoryView(history)

/**
 * Commands of at least this many rows are undone and redone in a worker (decision 0036); smaller
 * ones here, where starting a worker would cost more than it saves.
 */
export const WORKER_STEP_ROWS = 10_000

if (typeof Worker !== 'undefined') history.runLargeStepsWith(stepInWorker, WORKER_STEP_ROWS)

export function undo(options: StepOptions = {}): Promise<string | undefined> {
  return step('undo', options)
}

export function redo(options: StepOptions = {}): Promise<string | undefined> {
  return step('redo', options)
}

async function step(direction: 'undo' | 'redo', options: StepOptions): Promise<string | undefined> {
  assertWritable()
  try {
    return await (direction === 'undo' ? history.undo(db, options) : history.redo(db, options))
  } catch (error) {
    if (error instanceof HistoryStopped) throw error
    if (error instanceof HistoryConflictError) throw new WriteError('conflict', error.message)
    throw toWriteError(error)
  }
}

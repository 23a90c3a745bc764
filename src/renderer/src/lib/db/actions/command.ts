/**
 * Every user write goes through `command`: one read-write transaction over the named tables, so it
 * happens whole or not at all, recorded for undo, with IndexedDB failures turned into messages.
 */
import { db } from '../db'
import { runCommand } from '../history'
import { toWriteError } from './errors'
import { assertWritable } from '../write-guard'

export type TableName =
  | 'notes'
  | 'highlights'
  | 'userEvents'
  | 'evidence'
  | 'eventAnnotations'
  | 'entityEdits'
  | 'articles'
  | 'grades'
  | 'conflictNotes'

export async function command<T>(
  label: string,
  tables: readonly TableName[],
  work: () => Promise<T>,
): Promise<T> {
  assertWritable()
  try {
    return await runCommand(db, label, tables, work)
  } catch (error) {
    throw toWriteError(error, label)
  }
}

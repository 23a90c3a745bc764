/**
 * Grading writes: a grade (with its reason) on an article, quote or highlight, and the user's
 * "explained" note on a conflict. Clearing either deletes the record, so ungraded is no record.
 * Each write is one undoable command.
 */
import { db } from '../db'
import {
  MAX_REASON_LENGTH,
  gradeId,
  gradeWords,
  validGrade,
  type GradeKind,
  type GradeRecord,
} from '../../domain/grading'
import type { ConflictNote } from '../../domain/conflicts'
import { command } from './command'
import { WriteError } from './errors'

const WHAT: Record<GradeKind, string> = {
  article: 'source',
  quote: 'quote',
  highlight: 'highlight',
}

/** Sets or (with grade null) clears the grade of one target. */
export async function setGrade(
  kind: GradeKind,
  targetId: string,
  grade: string | null,
  reason: string,
  now = Date.now(),
): Promise<void> {
  const id = gradeId(kind, targetId)
  if (grade === null) {
    await command(`Clear ${WHAT[kind]} grade`, ['grades'], () => db.grades.delete(id))
    return
  }
  if (!validGrade(kind, grade))
    throw new WriteError('failed', `“${grade}” is not a grade for a ${WHAT[kind]}.`)
  if (reason.length > MAX_REASON_LENGTH)
    throw new WriteError(
      'too-large',
      `A reason is at most ${MAX_REASON_LENGTH.toLocaleString('en')} characters.`,
    )
  const record: GradeRecord = { id, kind, targetId, grade, reason: reason.trim(), updatedAt: now }
  await command(`Grade ${WHAT[kind]} ${gradeWords(grade)}`, ['grades'], () => db.grades.put(record))
}

/** Marks a conflict explained with a note, or (note null) takes the mark away. */
export async function setConflictNote(
  conflictId: string,
  note: string | null,
  now = Date.now(),
): Promise<void> {
  if (note === null) {
    await command('Reopen conflict', ['conflictNotes'], () => db.conflictNotes.delete(conflictId))
    return
  }
  if (note.trim() === '')
    throw new WriteError('empty', 'Say how the conflict is explained, in a few words.')
  const record: ConflictNote = { id: conflictId, note: note.trim(), updatedAt: now }
  await command('Mark conflict explained', ['conflictNotes'], () => db.conflictNotes.put(record))
}

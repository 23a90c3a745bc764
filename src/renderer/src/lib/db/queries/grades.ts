/** Read-only: every grade and every explained-conflict note, read together. */
import { db } from '../db'
import type { GradeRecord } from '../../domain/grading'
import type { ConflictNote } from '../../domain/conflicts'

export interface Assessments {
  grades: GradeRecord[]
  conflictNotes: ConflictNote[]
}

export const NO_ASSESSMENTS: Assessments = { grades: [], conflictNotes: [] }

export function assessments(): Promise<Assessments> {
  return db.transaction('r', [db.grades, db.conflictNotes], async () => ({
    grades: await db.grades.toArray(),
    conflictNotes: await db.conflictNotes.toArray(),
  }))
}

/** Read-only questions about notes. Safe to call from liveQuery. */
import { db } from '../db'
import { byUpdatedAt, readPaged } from './paged'
import type { Note } from '../../domain/types'

export function notesForEvent(eventId: string): Promise<Note[]> {
  return db.notes.where('eventId').equals(eventId).sortBy('createdAt')
}

export async function allNotes(): Promise<Note[]> {
  return byUpdatedAt(await readPaged(db.notes))
}

export async function noteCountsByEvent(): Promise<Map<string, number>> {
  const counts = new Map<string, number>()
  await db.notes.each((note) => counts.set(note.eventId, (counts.get(note.eventId) ?? 0) + 1))
  return counts
}

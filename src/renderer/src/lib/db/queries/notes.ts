/** Read-only questions about notes. Safe to call from liveQuery. */
import { db } from '../db'
import type { Note } from '../../domain/types'

export function notesForEvent(eventId: string): Promise<Note[]> {
  return db.notes.where('eventId').equals(eventId).sortBy('createdAt')
}

export function allNotes(): Promise<Note[]> {
  return db.notes.orderBy('updatedAt').toArray()
}

export async function noteCountsByEvent(): Promise<Map<string, number>> {
  const counts = new Map<string, number>()
  await db.notes.each((note) => counts.set(note.eventId, (counts.get(note.eventId) ?? 0) + 1))
  return counts
}

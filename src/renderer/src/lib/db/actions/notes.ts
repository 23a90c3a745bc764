/**
 * Every write to notes, each in its own read-write transaction so it happens whole or not at all.
 * Errors are rethrown as WriteError with a message a user can act on; the caller keeps the text.
 */
import { db } from '../db'
import type { Note } from '../../domain/types'
import { WriteError, toWriteError } from './errors'

const MAX_NOTE_LENGTH = 1_000_000

function checkBody(body: string): string {
  if (body.trim() === '') throw new WriteError('empty', 'A note cannot be empty.')
  if (body.length > MAX_NOTE_LENGTH)
    throw new WriteError('too-large', 'This note is over a million characters; split it up.')
  return body
}

export async function addNote(eventId: string, body: string, now = Date.now()): Promise<Note> {
  const note: Note = {
    id: crypto.randomUUID(),
    eventId,
    body: checkBody(body),
    createdAt: now,
    updatedAt: now,
  }
  try {
    await db.transaction('rw', db.notes, () => db.notes.add(note))
  } catch (error) {
    throw toWriteError(error)
  }
  return note
}

export async function updateNote(id: string, body: string, now = Date.now()): Promise<void> {
  const text = checkBody(body)
  try {
    await db.transaction('rw', db.notes, async () => {
      const changed = await db.notes.update(id, { body: text, updatedAt: now })
      if (changed === 0) throw new WriteError('missing', 'This note no longer exists.')
    })
  } catch (error) {
    throw toWriteError(error)
  }
}

export async function deleteNote(id: string): Promise<void> {
  try {
    await db.transaction('rw', db.notes, () => db.notes.delete(id))
  } catch (error) {
    throw toWriteError(error)
  }
}

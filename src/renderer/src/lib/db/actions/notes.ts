/**
 * Every write to notes. Errors come back as WriteError with a message a user can act on; the caller
 * keeps the text so nothing typed is lost.
 */
import { db } from '../db'
import type { Note } from '../../domain/types'
import { command } from './command'
import { WriteError } from './errors'

/** The longest note, in UTF-16 code units (string length); the editor refuses longer pastes. */
export const MAX_NOTE_LENGTH = 1_000_000

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
  await command('Add note', ['notes'], () => db.notes.add(note))
  return note
}

export async function updateNote(id: string, body: string, now = Date.now()): Promise<void> {
  const text = checkBody(body)
  await command('Edit note', ['notes'], async () => {
    const changed = await db.notes.update(id, { body: text, updatedAt: now })
    if (changed === 0) throw new WriteError('missing', 'This note no longer exists.')
  })
}

export async function deleteNote(id: string): Promise<void> {
  await command('Delete note', ['notes'], () => db.notes.delete(id))
}

import 'fake-indexeddb/auto'
import { beforeEach, describe, expect, it } from 'vitest'
import { db, openDatabase } from './db'
import { MIGRATIONS } from './migrations'
import { addNote, deleteNote, updateNote } from './actions/notes'
import { WriteError, toWriteError } from './actions/errors'
import { allNotes, noteCountsByEvent, notesForEvent } from './queries/notes'

beforeEach(async () => {
  await db.notes.clear()
})

describe('notes actions', () => {
  it('adds, edits and deletes a note, keeping times', async () => {
    const note = await addNote('trafficking-law-2008', 'First *thought*', 1000)
    expect(await notesForEvent('trafficking-law-2008')).toEqual([note])
    await updateNote(note.id, 'Second thought', 2000)
    const [stored] = await allNotes()
    expect(stored).toMatchObject({ body: 'Second thought', createdAt: 1000, updatedAt: 2000 })
    expect((await noteCountsByEvent()).get('trafficking-law-2008')).toBe(1)
    await deleteNote(note.id)
    expect(await db.notes.count()).toBe(0)
  })

  it('refuses empty notes and edits to notes that are gone, writing nothing', async () => {
    await expect(addNote('e', '   ')).rejects.toThrow(WriteError)
    await expect(updateNote('missing', 'text')).rejects.toMatchObject({ code: 'missing' })
    expect(await db.notes.count()).toBe(0)
  })
})

describe('toWriteError', () => {
  it('reports a quota error as disk full, also when Dexie wraps it in an abort', () => {
    const quota = Object.assign(new Error('quota'), { name: 'QuotaExceededError' })
    expect(toWriteError(quota).code).toBe('disk-full')
    const wrapped = Object.assign(new Error('aborted'), { name: 'AbortError', inner: quota })
    expect(toWriteError(wrapped).code).toBe('disk-full')
    expect(toWriteError(wrapped).message).toMatch(/Disk full/)
    expect(toWriteError(new Error('boom')).code).toBe('failed')
  })
})

describe('the notes table', () => {
  it('opens with the notes table and its indexes', async () => {
    const fresh = openDatabase('schema-v1-test')
    await fresh.open()
    expect(fresh.verno).toBe(MIGRATIONS.at(-1)!.version)
    const notes = fresh.tables.find((t) => t.name === 'notes')!
    expect(notes.schema.primKey.name).toBe('id')
    expect(notes.schema.indexes.map((i) => i.name).sort()).toEqual(['eventId', 'updatedAt'])
    fresh.close()
  })
})

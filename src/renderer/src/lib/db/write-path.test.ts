import 'fake-indexeddb/auto'
import type { DBCore, Middleware } from 'dexie'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { db } from './db'
import { abortAtWrite, failAtWrite, type FaultMiddleware } from './faults'
import { UndoStack, history, runCommand } from './history'
import { addNote, updateNote } from './actions/notes'
import { addHighlight, createEvent, updateHighlight, updateUserEvent } from './actions/annotations'
import { editEntities } from './actions/entities'
import { undo } from './actions/undo'
import { WriteError } from './actions/errors'
import { NEWER_DATABASE_MESSAGE, setReadOnly } from './write-guard'
import { PROJECT_TABLES } from '../domain/project/format'

// The fault in force; each test arms its own. failAtWrite counts writes from when it was made.
let fault: FaultMiddleware = failAtWrite(Infinity)
const switchable: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'switchable-fault',
  create(down) {
    return {
      ...down,
      table(name) {
        const table = down.table(name)
        return {
          ...table,
          mutate: (req) => {
            const core = { ...down, ...fault.create(down) }
            return core.table(name).mutate(req)
          },
        }
      },
    }
  },
}
db.use(switchable)

async function snapshot(): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {}
  for (const t of PROJECT_TABLES) out[t] = await db.table(t).toArray()
  return out
}

const passage = {
  articleId: 'a1',
  quote: { type: 'TextQuoteSelector' as const, exact: 'plan', prefix: 'the ', suffix: ' to' },
  position: { type: 'TextPositionSelector' as const, start: 4, end: 8 },
}
const newEvent = {
  title: 'Mine',
  summary: 'Said so',
  date: { edtf: '2009-12', precision: 'month' as const },
  category: 'awareness' as const,
  people: [],
  organisations: [],
  tags: ['t'],
}

beforeEach(async () => {
  fault = failAtWrite(Infinity)
  setReadOnly(null)
  for (const t of PROJECT_TABLES) await db.table(t).clear()
  history.clear()
})

afterEach(() => setReadOnly(null))

describe('a full disk on every form that writes user text', () => {
  const cases: [string, () => Promise<unknown>, RegExp][] = [
    ['a new note', () => addNote('e1', 'My text'), /the note was not saved/],
    ['a new highlight', () => addHighlight(passage, 'why', ['t']), /the highlight was not kept/],
    ['a new event', () => createEvent(newEvent as never, passage), /the event was not created/],
    [
      'a new person',
      () =>
        editEntities([], {
          type: 'add',
          entity: { id: 'x', kind: 'person', name: 'X', aliases: [], description: 'Added by you.' },
        }),
      /the person or organisation was not added/,
    ],
  ]
  for (const [what, save, wording] of cases) {
    for (const [how, make] of [
      ['fails', failAtWrite],
      ['aborts the transaction', abortAtWrite],
    ] as const) {
      it(`${what}: when the write ${how}, says disk full, stores nothing, and a retry saves`, async () => {
        const before = await snapshot()
        fault = make(1)
        const error = await save().catch((e: unknown) => e)
        expect(error).toBeInstanceOf(WriteError)
        expect(error).toMatchObject({ code: 'disk-full' })
        expect((error as Error).message).toMatch(/^Disk full: /)
        expect((error as Error).message).toMatch(wording)
        expect((error as Error).message).toMatch(/What you typed is kept here/)
        expect(await snapshot()).toEqual(before)
        expect(history.canUndo).toBe(false)
        fault = failAtWrite(Infinity)
        await save()
        expect(await snapshot()).not.toEqual(before)
      })
    }
  }

  it('edits of a note, a highlight and an event keep the stored text when the disk is full', async () => {
    const note = await addNote('e1', 'first')
    const highlight = await addHighlight(passage, 'first', [])
    const event = await createEvent(newEvent as never, null)
    const before = await snapshot()
    for (const [edit, wording] of [
      [() => updateNote(note.id, 'second'), /the note was not saved/],
      [
        () => updateHighlight(highlight.id, { note: 'second', tags: [] }),
        /highlight was not saved/,
      ],
      [
        () => updateUserEvent(event.id, { ...newEvent, title: 'Second' } as never),
        /event was not saved/,
      ],
    ] as const) {
      fault = failAtWrite(1)
      await expect(edit()).rejects.toThrow(wording)
    }
    expect(await snapshot()).toEqual(before)
  })
})

describe('a read-only store', () => {
  it('refuses every action, undo and even a direct write, and stores nothing', async () => {
    await addNote('e1', 'kept')
    const before = await snapshot()
    setReadOnly(NEWER_DATABASE_MESSAGE)
    await expect(addNote('e1', 'new')).rejects.toMatchObject({ code: 'read-only' })
    await expect(addNote('e1', 'new')).rejects.toThrow(/newer version of Sourceline/)
    await expect(createEvent(newEvent as never, null)).rejects.toMatchObject({ code: 'read-only' })
    await expect(undo()).rejects.toMatchObject({ code: 'read-only' })
    await expect(
      db.notes.add({ id: 'x', eventId: 'e', body: 'b', createdAt: 1, updatedAt: 1 }),
    ).rejects.toThrow(/newer version/)
    await expect(history.undo(db)).rejects.toThrow(/newer version/)
    expect(await snapshot()).toEqual(before)
    setReadOnly(null)
    expect(await undo()).toBe('Add note')
  })
})

describe('two windows: one store, an undo stack each', () => {
  it('an undo refuses to overwrite what the other window changed since, and drops that step', async () => {
    const mine = new UndoStack()
    const theirs = new UndoStack()
    const note = { id: 'n1', eventId: 'e', body: 'mine', createdAt: 1, updatedAt: 1 }
    await runCommand(db, 'Add note', ['notes'], () => db.notes.add(note), mine)
    await runCommand(
      db,
      'Edit note',
      ['notes'],
      () => db.notes.update('n1', { body: 'theirs', updatedAt: 2 }),
      theirs,
    )
    await expect(mine.undo(db)).rejects.toThrow(/“Add note” was changed since/)
    expect(await db.notes.get('n1')).toMatchObject({ body: 'theirs' })
    expect(mine.canUndo).toBe(false)
    // The other window's own undo still applies: its step matches the store.
    expect(await theirs.undo(db)).toBe('Edit note')
    expect(await db.notes.get('n1')).toMatchObject({ body: 'mine' })
  })

  it('undo of untouched rows still works beside the other window’s writes', async () => {
    const mine = new UndoStack()
    const theirs = new UndoStack()
    await runCommand(
      db,
      'Add note',
      ['notes'],
      () => db.notes.add({ id: 'a', eventId: 'e', body: 'a', createdAt: 1, updatedAt: 1 }),
      mine,
    )
    await runCommand(
      db,
      'Add note',
      ['notes'],
      () => db.notes.add({ id: 'b', eventId: 'e', body: 'b', createdAt: 1, updatedAt: 1 }),
      theirs,
    )
    expect(await mine.undo(db)).toBe('Add note')
    expect((await db.notes.toArray()).map((n) => n.id)).toEqual(['b'])
    expect(await mine.redo(db)).toBe('Add note')
    expect((await db.notes.toArray()).map((n) => n.id).sort()).toEqual(['a', 'b'])
  })
})

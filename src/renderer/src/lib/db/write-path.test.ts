import 'fake-indexeddb/auto'
import type { DBCore, Middleware } from 'dexie'
import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from './db'
import { abortAtWrite, failAtWrite, type FaultMiddleware } from './faults'
import { UndoStack, history, runCommand } from './history'
import { addNote, updateNote } from './actions/notes'
import {
  addHighlight,
  annotateEvent,
  createEvent,
  deleteHighlight,
  deleteUserEvent,
  updateHighlight,
  updateUserEvent,
} from './actions/annotations'
import { editEntities } from './actions/entities'
import { undo } from './actions/undo'
import { WriteError } from './actions/errors'
import { NEWER_DATABASE_MESSAGE, setReadOnly } from './write-guard'
import { PROJECT_TABLES, emptyProjectData, serializeProject } from '../domain/project/format'
import { CURATED_EVENT, testContext } from '../domain/project/test-fixtures'
import { importProject } from './actions/project'

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
    const project = serializeProject(
      {
        ...emptyProjectData(),
        notes: [{ id: 'p1', eventId: CURATED_EVENT, body: 'b', createdAt: 1, updatedAt: 1 }],
      },
      { exportedAt: '2024-05-01T12:00:00.000Z', corpus: { title: 't', articleIds: [] } },
    )
    await expect(importProject(project, testContext())).rejects.toMatchObject({
      code: 'read-only',
    })
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

describe('every action is all or nothing', () => {
  /** The store every run starts from: one note, one highlight, one event with a quote. */
  async function seed(): Promise<void> {
    for (const t of PROJECT_TABLES) await db.table(t).clear()
    await db.notes.add({ id: 'n0', eventId: 'e1', body: 'seed', createdAt: 1, updatedAt: 1 })
    await db.highlights.add({
      id: 'h0',
      ...passage,
      note: 'seed',
      tags: [],
      createdAt: 1,
      updatedAt: 1,
    })
    await db.userEvents.add({
      id: 'user-0',
      title: 'Seed',
      summary: '',
      date: newEvent.date,
      category: 'awareness',
      people: [],
      organisations: [],
      createdAt: 1,
      updatedAt: 1,
    } as never)
    await db.evidence.add({ id: 'ev0', eventId: 'user-0', ...passage, stance: 'supports' } as never)
    history.clear()
  }

  const ACTIONS: Record<string, () => Promise<unknown>> = {
    'add note': () => addNote('e1', 'new', 5),
    'edit note': () => updateNote('n0', 'changed', 5),
    'add highlight': () => addHighlight(passage, 'n', ['a', 'b'], 5),
    'edit highlight': () => updateHighlight('h0', { note: 'changed', tags: ['x'] }, 5),
    'delete highlight': () => deleteHighlight('h0'),
    'create event with a quote': () => createEvent(newEvent as never, passage, 5),
    'edit event': () => updateUserEvent('user-0', { ...newEvent, title: 'Edited' } as never, 5),
    'delete event': () => deleteUserEvent('user-0'),
    'tag an event': () => annotateEvent('e1', { tags: ['t'] }, 5),
  }

  it('leaves the store exactly as before or exactly as after, whatever write fails or aborts', async () => {
    // Ids come from randomUUID: the same sequence on every run makes "after" comparable.
    let uuid = 0
    const spy = vi
      .spyOn(crypto, 'randomUUID')
      .mockImplementation(
        () =>
          `00000000-0000-4000-8000-${String(uuid++).padStart(12, '0')}` as `${string}-${string}-${string}-${string}-${string}`,
      )
    try {
      const after: Record<string, Record<string, unknown[]>> = {}
      for (const [name, run] of Object.entries(ACTIONS)) {
        await seed()
        uuid = 0
        await run()
        after[name] = await snapshot()
      }
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...Object.keys(ACTIONS)),
          fc.integer({ min: 1, max: 6 }),
          fc.boolean(),
          async (name, k, abort) => {
            await seed()
            const before = await snapshot()
            uuid = 0
            fault = abort ? abortAtWrite(k) : failAtWrite(k)
            const error = await ACTIONS[name]!().then(
              () => null,
              (e: unknown) => e,
            )
            fault = failAtWrite(Infinity)
            const now = await snapshot()
            if (error === null) expect(now).toEqual(after[name])
            else {
              expect(error).toMatchObject({ code: 'disk-full' })
              expect(now).toEqual(before)
              expect(history.canUndo).toBe(false)
            }
          },
        ),
        { numRuns: 60 },
      )
    } finally {
      spy.mockRestore()
    }
  })
})

import 'fake-indexeddb/auto'
import Dexie, { type EntityTable, type Middleware, type DBCore, type Table } from 'dexie'
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import {
  UndoStack,
  installHistory,
  runCommand,
  runStep,
  type HistoryState,
  type StepRunner,
} from './history'
import { abortAtWrite, failAtWrite } from './faults'
import { keyedSnapshot } from './test-stores'

interface TestNote {
  id: string
  body: string
  eventId?: string
}
interface Tag {
  id: number
  name: string
}

/** notes: inbound string keys; tags: auto-incremented keys; blobs: outbound keys. */
type TestDb = Dexie & {
  notes: EntityTable<TestNote, 'id'>
  tags: EntityTable<Tag, 'id'>
  blobs: Table<unknown, string>
}

const SCHEMA = { notes: 'id, eventId', tags: '++id, name', blobs: '' }
const ALL_TABLES = ['notes', 'tags', 'blobs']

let dbCount = 0
const opened: Dexie[] = []

function uniqueName(): string {
  return `history-test-${process.pid}-${Date.now()}-${dbCount++}`
}

/** A database with the recorder and any extra middlewares, built before it opens. */
function openTestDb(name = uniqueName(), extra: Middleware<DBCore>[] = []): TestDb {
  const db = new Dexie(name) as TestDb
  db.version(1).stores(SCHEMA)
  installHistory(db)
  for (const m of extra) db.use(m)
  opened.push(db)
  return db
}

afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close()
    await Dexie.delete(db.name)
  }
})

type Snapshot = Record<string, [unknown, unknown][]>

/** Every table as [primary key, row] pairs in key order: outbound keys are not in the rows. */
const snapshot: (db: Dexie) => Promise<Snapshot> = keyedSnapshot

describe('runCommand and UndoStack', () => {
  it('undoes an add by removing the row and redoes it by restoring it', async () => {
    const db = openTestDb()
    const stack = new UndoStack()
    const note = { id: 'n1', body: 'First' }
    await runCommand(db, 'Add note', ['notes'], () => db.notes.add(note), stack)
    // The caller's object is not the recorded image.
    note.body = 'changed after the command'
    expect(stack.undoLabel).toBe('Add note')

    expect(await stack.undo(db)).toBe('Add note')
    expect(await db.notes.count()).toBe(0)
    expect(stack.canUndo).toBe(false)
    expect(stack.redoLabel).toBe('Add note')

    expect(await stack.redo(db)).toBe('Add note')
    expect(await db.notes.get('n1')).toEqual({ id: 'n1', body: 'First' })
    expect(stack.canRedo).toBe(false)
    expect(stack.undoLabel).toBe('Add note')
  })

  it('undoes and redoes a command of thousands of rows, written back in several requests', async () => {
    const db = openTestDb()
    const stack = new UndoStack()
    await db.notes.bulkAdd([{ id: 'kept', body: 'Before' }])
    const rows = Array.from({ length: 2503 }, (_, i) => ({ id: `n${i}`, body: `Note ${i}` }))
    await runCommand(
      db,
      'Import',
      ['notes'],
      async () => {
        await db.notes.bulkAdd(rows)
        await db.notes.update('kept', { body: 'After' })
      },
      stack,
    )
    const after = await snapshot(db)
    await stack.undo(db)
    expect(await db.notes.toArray()).toEqual([{ id: 'kept', body: 'Before' }])
    await stack.redo(db)
    expect(await snapshot(db)).toEqual(after)
  })

  it('undoes and redoes a large import among other rows exactly, in few ranged deletes', async () => {
    const counter = failAtWrite(Infinity)
    const db = openTestDb(undefined, [counter])
    const stack = new UndoStack()
    // Rows already there sit between the imported ones in key order.
    const before = Array.from({ length: 30 }, (_, i) => ({ id: `n${i * 97}x`, body: 'old' }))
    await db.notes.bulkAdd(before)
    const rows = Array.from({ length: 3000 }, (_, i) => ({ id: `n${i}`, body: `Note ${i}` }))
    await runCommand(db, 'Import', ['notes'], () => db.notes.bulkAdd(rows), stack)
    const start = await snapshot(db)
    const writes = counter.writes
    const progress: number[][] = []
    await stack.undo(db, { onprogress: (done, total) => progress.push([done, total]) })
    expect(await db.notes.toArray()).toEqual(before.toSorted((a, b) => (a.id < b.id ? -1 : 1)))
    // One delete request per run between the old rows, not one per row.
    expect(counter.writes - writes).toBeLessThanOrEqual(before.length + 1)
    // Rows checked, then rows deleted: it counts up to everything.
    expect(progress.at(-1)).toEqual([6000, 6000])
    const done = progress.map((p) => p[0]!)
    expect(done).toEqual(done.toSorted((a, b) => a - b))
    await stack.redo(db)
    expect(await snapshot(db)).toEqual(start)
  })

  it('refuses a large undo or redo when another connection changed one row, writing nothing', async () => {
    const name = uniqueName()
    const db = openTestDb(name)
    const other = new Dexie(name) as TestDb
    other.version(1).stores(SCHEMA)
    opened.push(other)
    const rows = Array.from({ length: 2000 }, (_, i) => ({ id: `n${i}`, body: `Note ${i}` }))
    const importRows = () =>
      runCommand(db, 'Import', ['notes'], () => db.notes.bulkAdd(rows), stack)
    let stack = new UndoStack()
    // A row changed, a row gone: each is a conflict found by walking the table.
    for (const change of [
      () => other.notes.update('n1234', { body: 'edited elsewhere' }),
      () => other.notes.delete('n1999'),
    ]) {
      await importRows()
      await change()
      const now = await snapshot(db)
      await expect(stack.undo(db)).rejects.toMatchObject({ name: 'HistoryConflictError' })
      expect(await snapshot(db)).toEqual(now)
      expect(stack.canUndo).toBe(false)
      await db.notes.clear()
      stack = new UndoStack()
    }
    // A redo whose rows must be absent finds one written since.
    await importRows()
    await stack.undo(db)
    await other.notes.add({ id: 'n777', body: 'written elsewhere' })
    await expect(stack.redo(db)).rejects.toMatchObject({ name: 'HistoryConflictError' })
    expect(await db.notes.toArray()).toEqual([{ id: 'n777', body: 'written elsewhere' }])
    expect(stack.canRedo).toBe(false)
  })

  it('stops an undo or redo when its signal aborts, with the store and both stacks as they were', async () => {
    const db = openTestDb()
    const stack = new UndoStack()
    const rows = Array.from({ length: 2500 }, (_, i) => ({ id: `n${i}`, body: `Note ${i}` }))
    await runCommand(db, 'Import', ['notes'], () => db.notes.bulkAdd(rows), stack)
    const after = await snapshot(db)
    for (const at of [1, 3000, 4999]) {
      const stop = new AbortController()
      const undoing = stack.undo(db, {
        signal: stop.signal,
        onprogress: (done) => void (done >= at && stop.abort()),
      })
      await expect(undoing).rejects.toMatchObject({ name: 'HistoryStopped' })
      expect(await snapshot(db)).toEqual(after)
      expect(stack.state).toMatchObject({ canUndo: true, canRedo: false })
    }
    await stack.undo(db)
    const stop = new AbortController()
    stop.abort()
    await expect(stack.redo(db, { signal: stop.signal })).rejects.toMatchObject({
      name: 'HistoryStopped',
    })
    expect(await db.notes.count()).toBe(0)
    expect(stack.state).toMatchObject({ canUndo: false, canRedo: true })
  })

  it('runs large steps through the runner it was given, on a connection of its own, and small ones itself', async () => {
    const name = uniqueName()
    const db = openTestDb(name)
    const stack = new UndoStack()
    // As the step's worker does: its own connection, nothing recorded, the chunks as sent.
    const ran: string[] = []
    const elsewhere: StepRunner = async (dbName, chunks, direction, options) => {
      ran.push(`${direction} ${chunks.reduce((n, c) => n + c.size, 0)}`)
      const own = new Dexie(dbName) as TestDb
      own.version(1).stores(SCHEMA)
      opened.push(own)
      await runStep(own, structuredClone(chunks), direction, options)
      own.close()
    }
    stack.runLargeStepsWith(elsewhere, 1000)
    const rows = Array.from({ length: 1500 }, (_, i) => ({ id: `n${i}`, body: `Note ${i}` }))
    await runCommand(db, 'Import', ['notes'], () => db.notes.bulkAdd(rows), stack)
    await runCommand(db, 'Add note', ['notes'], () => db.notes.add({ id: 'x', body: 'x' }), stack)
    const after = await snapshot(db)
    await stack.undo(db)
    await stack.undo(db)
    expect(await db.notes.count()).toBe(0)
    await stack.redo(db)
    await stack.redo(db)
    expect(await snapshot(db)).toEqual(after)
    expect(ran).toEqual(['undo 1500', 'redo 1500'])

    // A conflict found there drops the command, as here.
    await stack.undo(db)
    await stack.undo(db)
    await db.notes.add({ id: 'n7', body: 'written since' })
    await expect(stack.redo(db)).rejects.toMatchObject({ name: 'HistoryConflictError' })
    expect(stack.redoLabel).toBe('Add note')
    expect(ran).toEqual(['undo 1500', 'redo 1500', 'undo 1500', 'redo 1500'])
  })

  it('waits, inside its transaction, for what pace returns after each report', async () => {
    const db = openTestDb()
    const stack = new UndoStack()
    const rows = Array.from({ length: 3000 }, (_, i) => ({ id: `n${i}`, body: `Note ${i}` }))
    await runCommand(db, 'Import', ['notes'], () => db.notes.bulkAdd(rows), stack)
    const after = await snapshot(db)
    let waits = 0
    // Each wait outlasts the transaction's own requests: only Dexie.waitFor keeps it open.
    const pace = () => {
      waits++
      return Dexie.waitFor(new Promise((resolve) => setTimeout(resolve, 5)))
    }
    await stack.undo(db, { pace })
    expect(await db.notes.count()).toBe(0)
    expect(waits).toBeGreaterThan(5)
    waits = 0
    await stack.redo(db, { pace })
    expect(await snapshot(db)).toEqual(after)
    expect(waits).toBeGreaterThan(5)
  })

  it('round-trips an update and a delete', async () => {
    const db = openTestDb()
    const stack = new UndoStack()
    await db.notes.add({ id: 'n1', body: 'Before', eventId: 'e1' })

    await runCommand(
      db,
      'Edit note',
      ['notes'],
      () => db.notes.update('n1', { body: 'After' }),
      stack,
    )
    await runCommand(db, 'Delete note', [db.notes], () => db.notes.delete('n1'), stack)
    expect(await db.notes.get('n1')).toBeUndefined()

    await stack.undo(db)
    expect(await db.notes.get('n1')).toEqual({ id: 'n1', body: 'After', eventId: 'e1' })
    await stack.undo(db)
    expect(await db.notes.get('n1')).toEqual({ id: 'n1', body: 'Before', eventId: 'e1' })
    // The secondary index follows the restored row.
    expect(await db.notes.where('eventId').equals('e1').count()).toBe(1)

    await stack.redo(db)
    expect(await db.notes.get('n1')).toEqual({ id: 'n1', body: 'After', eventId: 'e1' })
    await stack.redo(db)
    expect(await db.notes.get('n1')).toBeUndefined()
  })

  it('undoes a command that wrote two tables as one step', async () => {
    const db = openTestDb()
    const stack = new UndoStack()
    await db.blobs.put('old', 'b1')
    const before = await snapshot(db)

    await runCommand(
      db,
      'Tag note',
      ['notes', 'tags', 'blobs'],
      async () => {
        await db.notes.add({ id: 'n1', body: 'Body' })
        await db.tags.add({ name: 'war' })
        await db.blobs.put('new', 'b1')
      },
      stack,
    )
    const after = await snapshot(db)
    const tagId = (await db.tags.toCollection().primaryKeys())[0]
    expect(stack.peekUndo()).toEqual({
      label: 'Tag note',
      changes: [
        { table: 'notes', key: 'n1', before: undefined, after: { id: 'n1', body: 'Body' } },
        { table: 'tags', key: tagId, before: undefined, after: { id: tagId, name: 'war' } },
        { table: 'blobs', key: 'b1', before: 'old', after: 'new' },
      ],
    })

    await stack.undo(db)
    expect(await snapshot(db)).toEqual(before)
    await stack.redo(db)
    expect(await snapshot(db)).toEqual(after)
  })

  it('pushes nothing and changes nothing when the command throws', async () => {
    const db = openTestDb()
    const stack = new UndoStack()
    await db.notes.add({ id: 'n1', body: 'Kept' })
    const before = await snapshot(db)

    const failing = runCommand(
      db,
      'Broken',
      ['notes', 'tags'],
      async () => {
        await db.notes.put({ id: 'n1', body: 'Overwritten' })
        await db.tags.add({ name: 'x' })
        throw new Error('validation failed')
      },
      stack,
    )
    await expect(failing).rejects.toThrow('validation failed')
    expect(await snapshot(db)).toEqual(before)
    expect(stack.canUndo).toBe(false)
  })

  it('pushes nothing when the transaction aborts on a constraint error', async () => {
    const db = openTestDb()
    const stack = new UndoStack()
    await db.notes.add({ id: 'n1', body: 'Kept' })
    const add = runCommand(
      db,
      'Duplicate',
      ['notes'],
      async () => {
        await db.notes.add({ id: 'n2', body: 'New' })
        await db.notes.add({ id: 'n1', body: 'Clash' })
      },
      stack,
    )
    await expect(add).rejects.toMatchObject({ name: 'ConstraintError' })
    expect(await db.notes.toArray()).toEqual([{ id: 'n1', body: 'Kept' }])
    expect(stack.canUndo).toBe(false)
  })

  it('makes clear() and a ranged delete undoable', async () => {
    const db = openTestDb()
    const stack = new UndoStack()
    await db.notes.bulkAdd([
      { id: 'a', body: '1' },
      { id: 'b', body: '2' },
      { id: 'c', body: '3' },
    ])
    await db.blobs.bulkPut(['x', 'y'], ['k1', 'k2'])
    const full = await snapshot(db)

    await runCommand(
      db,
      'Delete b and c',
      ['notes'],
      () => db.notes.where('id').above('a').delete(),
      stack,
    )
    expect(await db.notes.toCollection().primaryKeys()).toEqual(['a'])
    await runCommand(
      db,
      'Clear all',
      ['notes', 'blobs'],
      async () => {
        await db.notes.clear()
        await db.blobs.clear()
      },
      stack,
    )
    expect(await db.notes.count()).toBe(0)
    expect(await db.blobs.count()).toBe(0)

    await stack.undo(db)
    await stack.undo(db)
    expect(await snapshot(db)).toEqual(full)
    await stack.redo(db)
    await stack.redo(db)
    expect(await db.notes.count()).toBe(0)
    expect(await db.blobs.count()).toBe(0)
  })

  it('records Collection.modify, bulkUpdate, upsert and bulkDelete', async () => {
    const db = openTestDb()
    const stack = new UndoStack()
    await db.notes.bulkAdd([
      { id: 'a', body: '1', eventId: 'e' },
      { id: 'b', body: '2', eventId: 'e' },
    ])
    const before = await snapshot(db)
    await runCommand(
      db,
      'Many edits',
      ['notes'],
      async () => {
        await db.notes.where('eventId').equals('e').modify({ body: 'modified' })
        await db.notes.bulkUpdate([{ key: 'a', changes: { eventId: 'f' } }])
        await db.notes.upsert('c', { body: 'upserted' })
        await db.notes.bulkDelete(['b', 'missing'])
      },
      stack,
    )
    const after = await snapshot(db)
    expect(after['notes']).toEqual([
      ['a', { id: 'a', body: 'modified', eventId: 'f' }],
      ['c', { id: 'c', body: 'upserted' }],
    ])
    await stack.undo(db)
    expect(await snapshot(db)).toEqual(before)
    await stack.redo(db)
    expect(await snapshot(db)).toEqual(after)
  })

  it('redoes an auto-incremented add under the same key', async () => {
    const db = openTestDb()
    const stack = new UndoStack()
    const id = await runCommand(db, 'Add tag', ['tags'], () => db.tags.add({ name: 'war' }), stack)
    await stack.undo(db)
    expect(await db.tags.count()).toBe(0)
    await stack.redo(db)
    expect(await db.tags.toArray()).toEqual([{ id, name: 'war' }])
  })

  it('records the same key written twice in one bulk request in order', async () => {
    const db = openTestDb()
    const stack = new UndoStack()
    await db.notes.add({ id: 'a', body: 'original' })
    await runCommand(
      db,
      'Twice',
      ['notes'],
      () =>
        db.notes.bulkPut([
          { id: 'a', body: 'first' },
          { id: 'a', body: 'second' },
        ]),
      stack,
    )
    expect(await db.notes.get('a')).toEqual({ id: 'a', body: 'second' })
    expect(stack.peekUndo()?.changes).toEqual([
      {
        table: 'notes',
        key: 'a',
        before: { id: 'a', body: 'original' },
        after: { id: 'a', body: 'first' },
      },
      {
        table: 'notes',
        key: 'a',
        before: { id: 'a', body: 'first' },
        after: { id: 'a', body: 'second' },
      },
    ])
    await stack.undo(db)
    expect(await db.notes.get('a')).toEqual({ id: 'a', body: 'original' })
    await stack.redo(db)
    expect(await db.notes.get('a')).toEqual({ id: 'a', body: 'second' })
  })

  it('records only the rows a partly failed bulkAdd wrote, when the command goes on', async () => {
    const db = openTestDb()
    const stack = new UndoStack()
    await db.notes.add({ id: 'b', body: 'existing' })
    await runCommand(
      db,
      'Import',
      ['notes'],
      async () => {
        await db.notes
          .bulkAdd([
            { id: 'a', body: 'new' },
            { id: 'b', body: 'clash' },
            { id: 'c', body: 'new' },
          ])
          .catch((e: unknown) => expect(e).toMatchObject({ name: 'BulkError' }))
      },
      stack,
    )
    expect(await db.notes.toCollection().primaryKeys()).toEqual(['a', 'b', 'c'])
    await stack.undo(db)
    expect(await db.notes.toArray()).toEqual([{ id: 'b', body: 'existing' }])
  })

  it('clears the redo stack when a new command commits', async () => {
    const db = openTestDb()
    const stack = new UndoStack()
    await runCommand(db, 'One', ['notes'], () => db.notes.add({ id: '1', body: '1' }), stack)
    await runCommand(db, 'Two', ['notes'], () => db.notes.add({ id: '2', body: '2' }), stack)
    await stack.undo(db)
    expect(stack.redoLabel).toBe('Two')
    await runCommand(db, 'Three', ['notes'], () => db.notes.add({ id: '3', body: '3' }), stack)
    expect(stack.canRedo).toBe(false)
    expect(await stack.redo(db)).toBeUndefined()
    expect(stack.undoLabel).toBe('Three')
  })

  it('lets a write that matches no row through, with more writes after it', async () => {
    // Regression: Dexie's cache middleware lost its transaction zone after such a write.
    const db = openTestDb()
    const stack = new UndoStack()
    // First, on a database not yet open: the case that failed.
    await runCommand(db, 'Edit', ['notes'], () => db.notes.update('gone', { body: 'x' }), stack)
    await runCommand(
      db,
      'Edit then add',
      ['notes'],
      async () => {
        expect(await db.notes.update('missing', { body: 'x' })).toBe(0)
        await db.notes.bulkPut([])
        await db.notes.add({ id: '1', body: '1' })
      },
      stack,
    )
    expect(stack.peekUndo()?.changes).toHaveLength(1)
    await runCommand(db, 'Edit', ['notes'], () => db.notes.update('gone', { body: 'x' }), stack)
    await runCommand(
      db,
      'Edit',
      ['notes'],
      async () => {
        const changed = await db.notes.update('gone', { body: 'x' })
        if (changed === 0) throw new Error('gone')
      },
      stack,
    ).catch((e: unknown) => expect(e).toMatchObject({ message: 'gone' }))
    expect(stack.undoLabel).toBe('Edit then add')
  })

  it('does not push a command that wrote nothing, and leaves redo alone', async () => {
    const db = openTestDb()
    const stack = new UndoStack()
    await runCommand(db, 'One', ['notes'], () => db.notes.add({ id: '1', body: '1' }), stack)
    await stack.undo(db)
    await runCommand(db, 'Nothing', ['notes'], () => db.notes.delete('absent'), stack)
    expect(stack.canUndo).toBe(false)
    expect(stack.redoLabel).toBe('One')
  })

  it('tells subscribers the labels after every change, and stops when unsubscribed', async () => {
    const db = openTestDb()
    const stack = new UndoStack()
    const seen: HistoryState[] = []
    const unsubscribe = stack.subscribe((s) => seen.push(s))
    await runCommand(db, 'Add note', ['notes'], () => db.notes.add({ id: '1', body: '1' }), stack)
    await stack.undo(db)
    stack.clear()
    unsubscribe()
    await runCommand(db, 'Unseen', ['notes'], () => db.notes.add({ id: '2', body: '2' }), stack)
    expect(seen).toEqual([
      { canUndo: false, canRedo: false, undoLabel: undefined, redoLabel: undefined },
      { canUndo: true, canRedo: false, undoLabel: 'Add note', redoLabel: undefined },
      { canUndo: false, canRedo: true, undoLabel: undefined, redoLabel: 'Add note' },
      { canUndo: false, canRedo: false, undoLabel: undefined, redoLabel: undefined },
    ])
  })

  it('keeps at most maxDepth commands, dropping the oldest', async () => {
    const db = openTestDb()
    const stack = new UndoStack({ maxDepth: 2 })
    for (const id of ['1', '2', '3'])
      await runCommand(db, `Add ${id}`, ['notes'], () => db.notes.add({ id, body: id }), stack)
    expect(await stack.undo(db)).toBe('Add 3')
    expect(await stack.undo(db)).toBe('Add 2')
    expect(await stack.undo(db)).toBeUndefined()
    expect(await db.notes.toCollection().primaryKeys()).toEqual(['1'])
  })

  it('does not record undo and redo as commands', async () => {
    const db = openTestDb()
    const stack = new UndoStack()
    await runCommand(db, 'Add', ['notes'], () => db.notes.add({ id: '1', body: '1' }), stack)
    await stack.undo(db)
    await stack.redo(db)
    await stack.undo(db)
    expect(stack.state).toMatchObject({ canUndo: false, canRedo: true, redoLabel: 'Add' })
  })

  it('runs overlapping undo calls one after the other', async () => {
    const db = openTestDb()
    const stack = new UndoStack()
    await runCommand(db, 'One', ['notes'], () => db.notes.add({ id: '1', body: '1' }), stack)
    await runCommand(db, 'Two', ['notes'], () => db.notes.add({ id: '2', body: '2' }), stack)
    const labels = await Promise.all([stack.undo(db), stack.undo(db), stack.undo(db)])
    expect(labels).toEqual(['Two', 'One', undefined])
    expect(await db.notes.count()).toBe(0)
  })

  it('keeps both stacks and the store as they were when an undo fails', async () => {
    // Write 1 is the command's add; write 2 is the undo's delete.
    const db = openTestDb(undefined, [failAtWrite(2)])
    const stack = new UndoStack()
    await runCommand(
      db,
      'Add note',
      ['notes', 'tags'],
      async () => {
        await db.notes.add({ id: '1', body: '1' })
      },
      stack,
    )
    const after = await snapshot(db)
    await expect(stack.undo(db)).rejects.toMatchObject({ name: 'QuotaExceededError' })
    expect(await snapshot(db)).toEqual(after)
    expect(stack.state).toMatchObject({ canUndo: true, canRedo: false, undoLabel: 'Add note' })
    // The next try goes through.
    expect(await stack.undo(db)).toBe('Add note')
    expect(await db.notes.count()).toBe(0)
  })

  it('joins an enclosing command instead of nesting', async () => {
    const db = openTestDb()
    const stack = new UndoStack()
    const addNote = (id: string): Promise<string> =>
      runCommand(db, 'Add note', ['notes'], () => db.notes.add({ id, body: id }), stack)
    await runCommand(
      db,
      'Add two notes',
      ['notes'],
      async () => {
        await addNote('1')
        await addNote('2')
        // A plain transaction inside a command shares it, and is recorded with it.
        await db.transaction('rw', db.notes, () => db.notes.put({ id: '3', body: '3' }))
      },
      stack,
    )
    expect(stack.undoLabel).toBe('Add two notes')
    await stack.undo(db)
    expect(await db.notes.count()).toBe(0)
    expect(stack.canUndo).toBe(false)
  })

  it('refuses to start inside a plain transaction, and undo inside any transaction', async () => {
    const db = openTestDb()
    const stack = new UndoStack()
    await runCommand(db, 'One', ['notes'], () => db.notes.add({ id: '1', body: '1' }), stack)
    await db.transaction('rw', db.notes, async () => {
      await expect(
        runCommand(db, 'Inner', ['notes'], () => db.notes.add({ id: '2', body: '2' }), stack),
      ).rejects.toThrow(/not a command/)
      await expect(stack.undo(db)).rejects.toThrow(/inside a transaction/)
    })
    expect(stack.undoLabel).toBe('One')
  })

  it('refuses a database opened without installHistory, writing nothing', async () => {
    const plain = new Dexie(uniqueName()) as TestDb
    plain.version(1).stores(SCHEMA)
    opened.push(plain)
    const stack = new UndoStack()
    await expect(
      runCommand(plain, 'Add', ['notes'], () => plain.notes.add({ id: '1', body: '1' }), stack),
    ).rejects.toThrow(/installHistory/)
    expect(await plain.notes.count()).toBe(0)
    expect(() => installHistory(plain)).toThrow(/before the database opens/)
  })

  it('still records writes that committed before work awaited something else', async () => {
    const db = openTestDb()
    const stack = new UndoStack()
    const command = runCommand(
      db,
      'Leaky',
      ['notes'],
      async () => {
        await db.notes.add({ id: '1', body: '1' })
        // Not IndexedDB: the transaction commits while this waits (STYLE.md rule 4).
        await new Promise((resolve) => setTimeout(resolve, 20))
      },
      stack,
    )
    await expect(command).rejects.toMatchObject({ name: 'PrematureCommitError' })
    expect(await db.notes.count()).toBe(1)
    expect(stack.undoLabel).toBe('Leaky')
    await stack.undo(db)
    expect(await db.notes.count()).toBe(0)
  })
})

// ---------------------------------------------------------------------------------------------
// Properties over random commands.

type Op =
  | { kind: 'add' | 'put'; id: string; body: string }
  | { kind: 'update'; id: string; body: string }
  | { kind: 'delete'; id: string }
  | { kind: 'addTag'; name: string }
  | { kind: 'deleteTag'; id: number }
  | { kind: 'putBlob' | 'deleteBlob'; key: string; value: number }
  | { kind: 'clearNotes' }

const noteId = fc.constantFrom('a', 'b', 'c', 'd')
const text = fc.string({ maxLength: 4 })
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    arbitrary: fc.record({ kind: fc.constantFrom('add', 'put'), id: noteId, body: text }),
    weight: 4,
  },
  { arbitrary: fc.record({ kind: fc.constant('update'), id: noteId, body: text }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('delete'), id: noteId }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('addTag'), name: text }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('deleteTag'), id: fc.nat(4) }), weight: 1 },
  {
    arbitrary: fc.record({
      kind: fc.constantFrom('putBlob', 'deleteBlob'),
      key: fc.constantFrom('x', 'y'),
      value: fc.integer(),
    }),
    weight: 2,
  },
  { arbitrary: fc.record({ kind: fc.constant('clearNotes') }), weight: 1 },
)
const command = fc.array(op, { minLength: 1, maxLength: 5 })
const initialNotes = fc.uniqueArray(fc.record({ id: noteId, body: text }), {
  selector: (n) => n.id,
  maxLength: 4,
})

async function apply(db: TestDb, o: Op): Promise<unknown> {
  switch (o.kind) {
    case 'add':
      return db.notes.add({ id: o.id, body: o.body })
    case 'put':
      return db.notes.put({ id: o.id, body: o.body })
    case 'update':
      return db.notes.update(o.id, { body: o.body })
    case 'delete':
      return db.notes.delete(o.id)
    case 'addTag':
      return db.tags.add({ name: o.name })
    case 'deleteTag':
      return db.tags.delete(o.id)
    case 'putBlob':
      return db.blobs.put(o.value, o.key)
    case 'deleteBlob':
      return db.blobs.delete(o.key)
    case 'clearNotes':
      return db.notes.clear()
  }
}

async function runOps(
  db: TestDb,
  ops: readonly Op[],
  stack: UndoStack,
  label = 'Random',
): Promise<boolean> {
  try {
    await runCommand(
      db,
      label,
      ALL_TABLES,
      async () => {
        for (const o of ops) await apply(db, o)
      },
      stack,
    )
    return true
  } catch {
    // An add on an existing key aborts its command; that is part of what is being tested.
    return false
  }
}

// Each run opens fresh databases; a loaded machine can pass Vitest's 5 s default.
const PROPERTY_TIMEOUT = 30_000

describe('history properties', () => {
  it(
    'undoing every command restores the start exactly; redoing all restores the end',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          initialNotes,
          fc.array(command, { maxLength: 6 }),
          async (seed, commands) => {
            const db = openTestDb()
            const stack = new UndoStack()
            await db.notes.bulkAdd(seed)
            await db.tags.add({ name: 'seed' })
            await db.blobs.put(0, 'x')
            // The store after each committed command, starting with the seed.
            const states = [await snapshot(db)]
            for (const [i, ops] of commands.entries()) {
              await runOps(db, ops, stack, `Command ${i}`)
              // Failed commands and commands that wrote nothing are not pushed.
              if (stack.undoLabel === `Command ${i}`) states.push(await snapshot(db))
            }

            // Each undo and redo lands exactly on a state the store was in, not just the ends.
            for (let i = states.length - 2; i >= 0; i--) {
              await stack.undo(db)
              expect(await snapshot(db)).toEqual(states[i])
            }
            expect(stack.canUndo).toBe(false)
            for (let i = 1; i < states.length; i++) {
              await stack.redo(db)
              expect(await snapshot(db)).toEqual(states[i])
            }
            expect(stack.canRedo).toBe(false)
          },
        ),
        { numRuns: 60 },
      )
    },
    PROPERTY_TIMEOUT,
  )

  it(
    'a command whose k-th write fails or aborts leaves the store exactly before or after',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          initialNotes,
          command,
          fc.integer({ min: 1, max: 8 }),
          fc.constantFrom(failAtWrite, abortAtWrite),
          async (seed, ops, k, faultAt) => {
            // Seed through a plain connection so the fault counts only the command's writes.
            const seedOnly = async (name: string): Promise<void> => {
              const plain = new Dexie(name) as TestDb
              plain.version(1).stores(SCHEMA)
              await plain.notes.bulkAdd(seed)
              plain.close()
            }
            const refName = uniqueName()
            const faultyName = uniqueName()
            await seedOnly(refName)
            await seedOnly(faultyName)

            const counter = failAtWrite(Infinity)
            const reference = openTestDb(refName, [counter])
            const before = await snapshot(reference)
            const succeeded = await runOps(reference, ops, new UndoStack())
            const after = await snapshot(reference)
            const writes = counter.writes

            const faulty = openTestDb(faultyName, [faultAt(k)])
            const stack = new UndoStack()
            const committed = await runOps(faulty, ops, stack)
            const result = await snapshot(faulty)

            if (succeeded && k > writes) {
              expect(committed).toBe(true)
              expect(result).toEqual(after)
            } else {
              expect(committed).toBe(false)
              expect(result).toEqual(before)
              expect(stack.canUndo).toBe(false)
            }
          },
        ),
        { numRuns: 60 },
      )
    },
    PROPERTY_TIMEOUT,
  )
})

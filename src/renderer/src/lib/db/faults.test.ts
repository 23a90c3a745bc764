import 'fake-indexeddb/auto'
import Dexie, { type DBCore, type EntityTable, type Middleware } from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import { abortAtWrite, failAtWrite, quotaExceededError } from './faults'
import { UndoStack, installHistory, runCommand } from './history'
import { toWriteError } from './actions/errors'

interface Row {
  id: string
  n: number
}
type FaultDb = Dexie & { rows: EntityTable<Row, 'id'>; log: EntityTable<Row, 'id'> }

let dbCount = 0
const opened: Dexie[] = []

function openFaultDb(fault: Middleware<DBCore>): FaultDb {
  const db = new Dexie(`faults-test-${process.pid}-${Date.now()}-${dbCount++}`) as FaultDb
  db.version(1).stores({ rows: 'id', log: 'id' })
  installHistory(db)
  db.use(fault)
  opened.push(db)
  return db
}

afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close()
    await Dexie.delete(db.name)
  }
})

const row = (id: string): Row => ({ id, n: id.length })

describe('failAtWrite', () => {
  it('lets k-1 writes through and fails the k-th with a quota error', async () => {
    const fault = failAtWrite(3)
    const db = openFaultDb(fault)
    await db.rows.add(row('a'))
    await db.rows.put(row('b'))
    const third = db.rows.add(row('c'))
    await expect(third).rejects.toMatchObject({ name: 'QuotaExceededError' })
    await expect(third.catch(toWriteError)).resolves.toMatchObject({ code: 'disk-full' })
    // Only the k-th write fails; later ones go through.
    await db.rows.add(row('d'))
    expect(await db.rows.toCollection().primaryKeys()).toEqual(['a', 'b', 'd'])
    expect(fault.writes).toBe(4)
  })

  it('throws the error it is given', async () => {
    const db = openFaultDb(failAtWrite(1, new Error('disk on fire')))
    await expect(db.rows.add(row('a'))).rejects.toThrow('disk on fire')
  })

  it('makes a command that lets the error escape write nothing and push nothing', async () => {
    const db = openFaultDb(failAtWrite(3))
    const stack = new UndoStack()
    const command = runCommand(
      db,
      'Three writes',
      ['rows', 'log'],
      async () => {
        await db.rows.add(row('a'))
        await db.log.add(row('a'))
        await db.rows.add(row('b'))
      },
      stack,
    )
    await expect(command).rejects.toMatchObject({ name: 'QuotaExceededError' })
    expect(await db.rows.count()).toBe(0)
    expect(await db.log.count()).toBe(0)
    expect(stack.canUndo).toBe(false)
  })

  it('only fails the one write when the caller catches it: the rest commits', async () => {
    // This is why actions must not swallow write errors inside a command.
    const db = openFaultDb(failAtWrite(2))
    await db.transaction('rw', db.rows, async () => {
      await db.rows.add(row('a'))
      await db.rows.add(row('b')).catch(() => undefined)
      await db.rows.add(row('c'))
    })
    expect(await db.rows.toCollection().primaryKeys()).toEqual(['a', 'c'])
  })
})

describe('abortAtWrite', () => {
  it('aborts the whole transaction even when the caller catches the error', async () => {
    const fault = abortAtWrite(2)
    const db = openFaultDb(fault)
    const stack = new UndoStack()
    let caught: unknown
    const command = runCommand(
      db,
      'Swallows errors',
      ['rows', 'log'],
      async () => {
        await db.rows.add(row('a'))
        await db.log.add(row('a')).catch((e: unknown) => (caught = e))
        await db.rows.add(row('b')).catch(() => undefined)
      },
      stack,
    )
    // What a browser reports when the disk fills at commit: an abort caused by the quota.
    await expect(command).rejects.toMatchObject({
      name: 'AbortError',
      inner: { name: 'QuotaExceededError' },
    })
    await expect(command.catch(toWriteError)).resolves.toMatchObject({ code: 'disk-full' })
    expect(caught).toMatchObject({ name: 'QuotaExceededError' })
    expect(await db.rows.count()).toBe(0)
    expect(await db.log.count()).toBe(0)
    expect(stack.canUndo).toBe(false)
  })

  it('leaves later transactions alone', async () => {
    const db = openFaultDb(abortAtWrite(1))
    await expect(db.rows.add(row('a'))).rejects.toMatchObject({ name: 'QuotaExceededError' })
    await db.rows.add(row('b'))
    expect(await db.rows.toCollection().primaryKeys()).toEqual(['b'])
  })
})

describe('quotaExceededError', () => {
  it('is named like the DOMException so toWriteError reports a full disk', () => {
    const error = quotaExceededError()
    expect(error.name).toBe('QuotaExceededError')
    expect(toWriteError(error).code).toBe('disk-full')
  })
})

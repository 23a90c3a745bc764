import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase, type SourcelineDb } from './db'
import { bumpGeneration, generationOf, useTokenStore, type TokenStore } from './generation'

const note = (id: string) => ({
  id,
  eventId: 'e1',
  body: 'text',
  createdAt: 1,
  updatedAt: 1,
})

let shared: TokenStore
const opened: SourcelineDb[] = []
beforeEach(() => {
  // Shared by every connection, as localStorage is by the app's windows.
  const values = new Map<string, string>()
  shared = { getItem: (k) => values.get(k) ?? null, setItem: (k, v) => void values.set(k, v) }
  useTokenStore(shared)
})
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close()
    await Dexie.delete(db.name)
  }
})

function open(name = `generation-${Math.random()}`): SourcelineDb {
  const db = openDatabase(name)
  opened.push(db)
  return db
}

describe('the data generation', () => {
  it('changes with every write, for the tables written only', async () => {
    const db = open()
    const notes = generationOf(['notes'])
    const events = generationOf(['userEvents'])
    await db.notes.add(note('n1'))
    expect(generationOf(['notes'])).not.toBe(notes)
    expect(generationOf(['userEvents'])).toBe(events)
    const again = generationOf(['notes'])
    await db.notes.update('n1', { body: 'changed' })
    expect(generationOf(['notes'])).not.toBe(again)
    const before = generationOf(['notes'])
    await db.notes.clear()
    expect(generationOf(['notes'])).not.toBe(before)
  })

  it('is not changed by a read-write transaction that only reads', async () => {
    const db = open()
    await db.notes.add(note('n1'))
    const before = generationOf(['notes', 'userEvents'])
    await db.transaction('rw', [db.notes, db.userEvents], async () => {
      await db.notes.toArray()
      await db.userEvents.count()
    })
    expect(generationOf(['notes', 'userEvents'])).toBe(before)
  })

  it('changes before the write commits, so a read begun earlier is seen as stale', async () => {
    const db = open()
    const read = generationOf(['notes'])
    let during = ''
    await db.transaction('rw', db.notes, async () => {
      await db.notes.add(note('n1'))
      during = generationOf(['notes'])
    })
    expect(during).not.toBe(read)
    expect(generationOf(['notes'])).toBe(during)
  })

  it('is changed by another window writing the same store', async () => {
    const name = `generation-${Math.random()}`
    open(name)
    const other = open(name)
    const before = generationOf(['userEvents'])
    await other.userEvents.add({
      id: 'u1',
      title: 'Elsewhere',
      summary: '',
      date: { edtf: '2014', note: '' },
      category: 'law-policy',
      createdAt: 1,
      updatedAt: 1,
    } as never)
    expect(generationOf(['userEvents'])).not.toBe(before)
  })

  it('never comes back to an earlier value', () => {
    const seen = new Set<string>()
    for (let i = 0; i < 200; i++) {
      bumpGeneration(['notes'])
      seen.add(generationOf(['notes']))
    }
    expect(seen.size).toBe(200)
  })

  it('does not depend on the order the tables are named in', () => {
    bumpGeneration(['notes', 'grades'])
    expect(generationOf(['notes', 'grades'])).toBe(generationOf(['grades', 'notes']))
  })
})

import 'fake-indexeddb/auto'
import Dexie, { type BulkError, type EntityTable } from 'dexie'
import { describe, expect, it, vi } from 'vitest'
import { knownKeys } from './known-keys'
import { scratchDatabases } from './test-stores'

interface Row {
  id: string
  n: number
}

const keep = scratchDatabases()

function open(withKnownKeys: boolean) {
  const db = new Dexie(`known-keys-${Math.random()}`) as Dexie & {
    rows: EntityTable<Row, 'id'>
    counters: Dexie.Table<{ n: number; id?: number }, number>
  }
  db.version(1).stores({ rows: 'id, n', counters: '++id' })
  if (withKnownKeys) db.use(knownKeys)
  keep(db)
  return db
}

const rows = (n: number, from = 0): Row[] =>
  Array.from({ length: n }, (_, i) => ({ id: `r${from + i}`, n: from + i }))

describe('rows written with their own keys', () => {
  it('answer with the same keys, and the rows are stored, without reading each result', async () => {
    const db = open(true)
    const result = Object.getOwnPropertyDescriptor(IDBRequest.prototype, 'result')!
    const reads = vi.spyOn(result, 'get')
    Object.defineProperty(IDBRequest.prototype, 'result', result)
    try {
      const keys = await db.rows.bulkAdd(rows(500), { allKeys: true })
      expect(keys).toEqual(rows(500).map((r) => r.id))
      // Dexie reads the last request's result itself; none per row.
      expect(reads.mock.calls.length).toBeLessThan(5)
    } finally {
      reads.mockRestore()
    }
    expect(await db.rows.bulkPut([{ id: 'r1', n: -1 }], { allKeys: true })).toEqual(['r1'])
    expect(await db.rows.get('r1')).toEqual({ id: 'r1', n: -1 })
    expect(await db.rows.count()).toBe(500)
  })

  it('report failures as Dexie does without it', async () => {
    const attempt = async (db: ReturnType<typeof open>) => {
      await db.rows.bulkAdd(rows(3))
      const error = await db.rows
        .bulkAdd([...rows(2, 10), { id: 'r1', n: 1 }, ...rows(2, 20)], { allKeys: true })
        .catch((e: unknown) => e)
      const bulk = error as BulkError
      return {
        name: bulk.name,
        failed: Object.keys(bulk.failuresByPos),
        stored: (await db.rows.toArray()).map((r) => r.id).sort(),
      }
    }
    expect(await attempt(open(true))).toEqual(await attempt(open(false)))
  })

  it('leave auto-incremented keys to IndexedDB', async () => {
    const db = open(true)
    expect(await db.counters.bulkAdd([{ n: 1 }, { n: 2 }], { allKeys: true })).toEqual([1, 2])
  })
})

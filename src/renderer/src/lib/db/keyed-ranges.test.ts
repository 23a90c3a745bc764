import 'fake-indexeddb/auto'
import Dexie, { type DBCore, type Middleware, type Table } from 'dexie'
import { describe, expect, it } from 'vitest'
import {
  CHARS_PER_REQUEST,
  KeySet,
  PageSize,
  RANGES_FROM,
  deleteInRanges,
  rowId,
  rowWeight,
  rowsThatFit,
  walk,
  worthWalking,
} from './keyed-ranges'
import { scratchDatabases } from './test-stores'

interface Row {
  id: string
  n: number
}

const keep = scratchDatabases()

/** A database that counts the write requests each kind of mutate sends down. */
async function open(rows: Row[]): Promise<{
  db: Dexie
  rows: Table<Row, string>
  writes: Record<string, number>
}> {
  const writes: Record<string, number> = {}
  const counter: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'count-writes',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name)
        return {
          ...table,
          mutate: (req) => {
            const n =
              req.type === 'deleteRange'
                ? 1
                : req.type === 'delete'
                  ? req.keys.length
                  : req.values.length
            writes[req.type] = (writes[req.type] ?? 0) + n
            return table.mutate(req)
          },
        }
      },
    }),
  }
  const db = new Dexie(`ranges-${Math.random()}`)
  db.version(1).stores({ rows: 'id, n' })
  db.use(counter)
  keep(db)
  const table = db.table<Row, string>('rows')
  await table.bulkAdd(rows)
  for (const k of Object.keys(writes)) delete writes[k]
  return { db, rows: table, writes }
}

const id = (i: number): string => `r${String(i).padStart(5, '0')}`
const keyId = (key: unknown): string => JSON.stringify(key)

function keySet(keys: readonly string[]): KeySet {
  const set = new KeySet(keyId)
  for (const key of keys) set.add(key)
  return set
}

describe('PageSize', () => {
  it('grows at most twice a page, shrinks to fit the target, and stays within its bounds', () => {
    const size = new PageSize(10, 50, 1000, 100)
    size.took(1, 100)
    expect(size.rows).toBe(200)
    size.took(40, 200)
    expect(size.rows).toBe(50)
    size.took(1000, 50)
    expect(size.rows).toBe(50)
    // A short last page says nothing about the size.
    size.took(0, 10)
    expect(size.rows).toBe(50)
    for (let i = 0; i < 10; i++) size.took(0, size.rows)
    expect(size.rows).toBe(1000)
  })
})

describe('rowWeight, rowsThatFit and PageSize.weigh', () => {
  it('sizes requests by what the rows weigh, whatever their count', () => {
    const light = Array.from({ length: 10 }, (_, i) => ({ id: i }))
    const heavy = [{ body: 'x'.repeat(100_000) }, { id: 1 }, { id: 2 }]
    expect(rowWeight(light)).toBe(JSON.stringify({ id: 5 }).length)
    // The heaviest of the first, middle and last decides.
    expect(rowWeight(heavy)).toBeGreaterThan(100_000)
    expect(rowWeight(light, 3, 3)).toBe(1)
    expect(rowsThatFit(10, 250)).toBe(250)
    expect(rowsThatFit(CHARS_PER_REQUEST / 4, 250)).toBe(4)
    expect(rowsThatFit(CHARS_PER_REQUEST * 10, 250)).toBe(1)
    const size = new PageSize(10, 50, 1000, 500)
    size.weigh(heavy)
    expect(size.rows).toBe(rowsThatFit(rowWeight(heavy), 1000))
    size.weigh(light)
    expect(size.rows).toBe(500)
  })
})

describe('rowId and KeySet', () => {
  it('tells keys apart as IndexedDB does, and finds the lowest and highest in its order', () => {
    expect(rowId('1', keyId)).not.toBe(rowId(1, keyId))
    expect(rowId(-0, keyId)).toBe(rowId(0, keyId))
    expect(rowId(['a', 1], keyId)).toBe(rowId(['a', 1], keyId))
    expect(rowId(['a', 1], keyId)).not.toBe(rowId('["a",1]', keyId))
    // Numbers sort before strings, strings before arrays.
    const set = new KeySet(keyId)
    expect(set.span).toBeNull()
    for (const key of ['b', 3, ['a'], 'a', -1, 'b']) set.add(key)
    expect(set.span).toEqual([-1, ['a']])
    expect(set.size).toBe(5)
    expect(set.has(['a'])).toBe(true)
    expect(set.has('3')).toBe(false)
  })
})

describe('walk', () => {
  it('visits every row between the ends in key order, a page at a time', async () => {
    const all = Array.from({ length: 700 }, (_, i) => ({ id: id(i), n: i }))
    const { db, rows } = await open(all)
    const seen: string[] = []
    const pages: number[] = []
    await db.transaction('r', rows, () =>
      walk(rows, [id(10), id(650)], true, new PageSize(10, 50, 100, 60), (keys, values) => {
        pages.push(keys.length)
        keys.forEach((key, i) => {
          expect((values![i] as Row).id).toBe(key)
          seen.push(key as string)
        })
      }),
    )
    expect(seen).toEqual(all.slice(10, 651).map((r) => r.id))
    expect(pages.length).toBeGreaterThan(6)
    // Keys only: no values handed over.
    await db.transaction('r', rows, () =>
      walk(rows, [id(0), id(5)], false, new PageSize(), (keys, values) => {
        expect(keys).toEqual([0, 1, 2, 3, 4, 5].map(id))
        expect(values).toBeNull()
      }),
    )
  })
})

describe('worthWalking', () => {
  it('walks only enough rows that are most of what lies between their ends', async () => {
    const { db, rows } = await open(Array.from({ length: 5000 }, (_, i) => ({ id: id(i), n: i })))
    const ask = (span: [string, string], n: number) =>
      db.transaction('r', rows, () => worthWalking(rows, span, n))
    expect(await ask([id(0), id(1999)], RANGES_FROM)).toBe(true)
    expect(await ask([id(0), id(4999)], RANGES_FROM)).toBe(false)
    expect(await ask([id(0), id(10)], RANGES_FROM - 1)).toBe(false)
  })
})

describe('deleteInRanges', () => {
  it('deletes exactly the rows given, one ranged delete per run no other row interrupts', async () => {
    const all = Array.from({ length: 3000 }, (_, i) => ({ id: id(i), n: i }))
    const { db, rows, writes } = await open(all)
    // Every row but 500, 501 and 2000, plus a key that is not there.
    const kept = new Set([id(500), id(501), id(2000)])
    const doomed = all.filter((r) => !kept.has(r.id)).map((r) => r.id)
    doomed.push('r99999')
    let told = 0
    await db.transaction('rw', rows, () =>
      deleteInRanges(rows, keySet(doomed.toReversed()), new PageSize(), (n) => (told += n)),
    )
    expect(await rows.toCollection().primaryKeys()).toEqual([...kept])
    expect(writes).toEqual({ deleteRange: 3 })
    expect(told).toBe(2997)
  })

  it('writes nothing when the transaction aborts after it', async () => {
    const all = Array.from({ length: 1500 }, (_, i) => ({ id: id(i), n: i }))
    const { db, rows } = await open(all)
    await expect(
      db.transaction('rw', rows, async () => {
        await deleteInRanges(rows, keySet(all.map((r) => r.id)), new PageSize())
        expect(await rows.count()).toBe(0)
        throw new Error('stop')
      }),
    ).rejects.toThrow('stop')
    expect(await rows.count()).toBe(1500)
  })
})

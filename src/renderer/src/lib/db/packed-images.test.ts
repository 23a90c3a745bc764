import 'fake-indexeddb/auto'
import Dexie, { type Table } from 'dexie'
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { ABSENT, exactJson, imageAt, isPresent, packImages } from './packed-images'
import { UndoStack, installHistory, runCommand } from './history'
import { importCheckedProject } from './actions/project'
import { keyedSnapshot as snapshot, testStores } from './test-stores'
import { parseProjectFile } from '../domain/project/format'
import { testContext } from '../domain/project/test-fixtures'
// The benchmark's generator: the rows a large import really writes.
import { generateProject } from '../../../../../scripts/generate-project.mjs'

describe('exactJson', () => {
  it('gives JSON text only for values JSON.parse gives back as a structured clone would', () => {
    const plain = { id: 'a', n: 1.5, ok: true, none: null, list: [1, 'two', [3]], nested: { x: 0 } }
    expect(exactJson(plain)).toBe(JSON.stringify(plain))
    expect(exactJson('text')).toBe('"text"')
    const sparse: unknown[] = [1]
    sparse[2] = 3
    const named = Object.assign([1, 2], { extra: true })
    for (const value of [
      { id: 'a', gone: undefined },
      [1, undefined],
      sparse,
      named,
      { at: new Date(0) },
      { bytes: new Uint8Array([1, 2]) },
      { buffer: new ArrayBuffer(2) },
      { n: -0 },
      { n: NaN },
      { n: Infinity },
      { big: 1n },
      { map: new Map() },
      Object.create(null) as object,
      { boxed: new String('x') },
      undefined,
    ])
      expect(exactJson(value)).toBeNull()
  })
})

describe('packImages', () => {
  it('packs exact rows into one string and gives each back, absent rows as undefined', () => {
    const rows = [{ id: 'a', body: 'é ✓ \ud800' }, undefined, { id: 'c', list: [] }]
    const images = packImages(rows, true)
    expect(images.kind).toBe('json')
    expect(rows.map((_, i) => isPresent(images, i))).toEqual([true, false, true])
    expect(rows.map((_, i) => imageAt(images, i))).toStrictEqual(rows)
    // A copy: changing the caller's row later changes nothing recorded.
    rows[0]!.body = 'changed'
    expect(imageAt(images, 0)).toStrictEqual({ id: 'a', body: 'é ✓ \ud800' })
    expect(packImages([undefined, undefined], true)).toBe(ABSENT)
  })

  it('keeps structured clones when one row is not exact JSON', () => {
    const rows = [{ id: 'a' }, { id: 'b', at: new Date(5), gone: undefined }]
    const images = packImages(rows, true)
    expect(images.kind).toBe('values')
    expect(imageAt(images, 1)).toStrictEqual(rows[1])
    expect(imageAt(images, 1)).not.toBe(rows[1])
  })
})

/** notes: inbound string keys; tags: auto-incremented keys; blobs: outbound keys, any value. */
type TestDb = Dexie & {
  notes: Table<Record<string, unknown>, string>
  tags: Table<Record<string, unknown>, number>
  blobs: Table<unknown, string>
}
const SCHEMA = { notes: 'id', tags: '++id', blobs: '' }
const TABLES = ['notes', 'tags', 'blobs']

let count = 0
const opened: Dexie[] = []
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close()
    await Dexie.delete(db.name)
  }
})

function openTestDb(name = `packed-test-${process.pid}-${Date.now()}-${count++}`): TestDb {
  const db = new Dexie(name) as TestDb
  db.version(1).stores(SCHEMA)
  installHistory(db)
  opened.push(db)
  return db
}

/**
 * Runs `work` as a command on two stores, one packing images and one keeping structured clones,
 * then undoes and redoes it on both: every state must be strictly equal (undefined properties,
 * Dates and bytes included) and equal to the store before and after the command.
 */
async function sameOnBoth(
  seed: (db: TestDb) => Promise<unknown>,
  work: (db: TestDb) => Promise<unknown>,
): Promise<{ packed: UndoStack }> {
  const stacks = { packed: new UndoStack(), cloned: new UndoStack({ pack: false }) }
  const states: Record<string, unknown[]> = { packed: [], cloned: [] }
  for (const [kind, stack] of Object.entries(stacks)) {
    const db = openTestDb()
    await seed(db)
    const start = await snapshot(db)
    await runCommand(db, 'Work', TABLES, () => work(db), stack)
    const end = await snapshot(db)
    await stack.undo(db)
    const undone = await snapshot(db)
    await stack.redo(db)
    const redone = await snapshot(db)
    expect(undone).toStrictEqual(start)
    expect(redone).toStrictEqual(end)
    states[kind] = [start, end, stack.peekUndo()]
  }
  expect(states.packed).toStrictEqual(states.cloned)
  return { packed: stacks.packed }
}

describe('undo history with packed images', () => {
  it('undoes and redoes a mixed command exactly as with structured clones', async () => {
    const rows = (n: number, body: string) =>
      Array.from({ length: n }, (_, i) => ({ id: `n${i}`, body, tags: [i, [`t${i}`]], at: i }))
    const { packed } = await sameOnBoth(
      async (db) => {
        await db.notes.bulkAdd(rows(1200, 'old'))
        await db.blobs.bulkPut(['a', { b: 1 }], ['k1', 'k2'])
      },
      async (db) => {
        await db.notes.bulkPut(rows(2500, 'new'))
        // One key twice in one request: the second's before-image is the first's after-image.
        await db.notes.bulkPut([
          { id: 'n1', body: 'first' },
          { id: 'n1', body: 'second' },
        ])
        await db.notes.bulkDelete(['n2', 'n3', 'missing', 'n2'])
        await db.notes.where('id').between('n20', 'n21').delete()
        await db.tags.bulkAdd([{ name: 'x' }, { name: 'y' }])
        await db.blobs.put(7, 'k1')
        await db.blobs.delete('k2')
      },
    )
    expect(packed.undoFootprint()?.rows).toBeGreaterThan(2500)
  })

  it('round-trips rows JSON cannot carry: undefined properties, Dates, bytes, -0', async () => {
    const odd = (i: number) => ({
      id: `o${i}`,
      gone: undefined,
      at: new Date(Date.UTC(2020, 0, 1 + i)),
      bytes: new Uint8Array([i % 256, 1, 2]),
      nested: [[1, [2]], { deep: [new Date(i)] }],
      zero: -0,
    })
    const { packed } = await sameOnBoth(
      (db) => db.notes.bulkAdd([{ id: 'o1', body: 'before' }]),
      async (db) => {
        await db.notes.bulkPut(Array.from({ length: 600 }, (_, i) => odd(i)))
        await db.notes.bulkAdd(Array.from({ length: 300 }, (_, i) => ({ id: `p${i}`, plain: i })))
      },
    )
    // The odd rows' request is kept as clones; the plain one is packed.
    expect(packed.undoFootprint()).toEqual({ rows: 900, packed: 300 })
  })

  it('refuses an undo of packed rows another connection changed, writing nothing', async () => {
    const name = `packed-conflict-${process.pid}-${Date.now()}-${count++}`
    const db = openTestDb(name)
    const other = new Dexie(name) as TestDb
    other.version(1).stores(SCHEMA)
    opened.push(other)
    // Walked in key order (an import), and asked for in bulk (a few scattered rows).
    for (const size of [3000, 5]) {
      const stack = new UndoStack()
      const rows = Array.from({ length: size }, (_, i) => ({ id: `n${i * 7}`, body: `Note ${i}` }))
      await runCommand(db, 'Import', ['notes'], () => db.notes.bulkAdd(rows), stack)
      expect(stack.undoFootprint()).toEqual({ rows: size, packed: size })
      await other.notes.update(`n${(size - 1) * 7}`, { body: 'edited elsewhere' })
      const now = await snapshot(db)
      await expect(stack.undo(db)).rejects.toMatchObject({ name: 'HistoryConflictError' })
      expect(await snapshot(db)).toStrictEqual(now)
      expect(stack.canUndo).toBe(false)
      await db.notes.clear()
    }
  })

  it('packs every row of a generated project import', async () => {
    const parsed = parseProjectFile(JSON.stringify(generateProject(300)), testContext())
    if (!parsed.ok) throw new Error(parsed.problems.join('\n'))
    const store = testStores('packed-import')()
    await importCheckedProject(parsed.project, store)
    const footprint = store.history.undoFootprint()
    expect(footprint?.rows).toBeGreaterThan(300)
    expect(footprint?.packed).toBe(footprint?.rows)
  })

  it('gives the same store as structured clones for any values (property)', async () => {
    const value = fc.anything({
      withDate: true,
      withTypedArray: true,
      withSparseArray: true,
      withNullPrototype: true,
      withBoxedValues: true,
      withBigInt: true,
      maxDepth: 3,
    })
    const row = fc.record({ id: fc.string({ maxLength: 4 }), v: value }, { requiredKeys: ['id'] })
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { maxLength: 30 }),
        // An undefined row is "no row" to the history, packed or not (as before packing).
        fc.array(
          fc.tuple(
            fc.string({ maxLength: 4 }),
            value.filter((v) => v !== undefined),
          ),
          {
            maxLength: 30,
          },
        ),
        fc.array(row, { maxLength: 30 }),
        async (seed, blobs, puts) => {
          await sameOnBoth(
            (db) => db.notes.bulkPut(seed),
            async (db) => {
              // One request falls back to clones for all its rows if one is not exact JSON: one
              // row per request puts each through packing on its own, then all in one.
              for (const row of puts) await db.notes.put(row)
              for (const [k, v] of blobs) await db.blobs.put(v, k)
              await db.notes.bulkPut(puts.toReversed())
              await db.blobs.bulkPut(
                blobs.map(([, v]) => v),
                blobs.map(([k]) => k),
              )
            },
          )
        },
      ),
      { numRuns: 60 },
    )
  }, 60_000)
})

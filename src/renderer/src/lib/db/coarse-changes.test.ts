import 'fake-indexeddb/auto'
import Dexie, { liveQuery, type ObservabilitySet } from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import { coarseChanges, WHOLE_TABLE_FROM } from './coarse-changes'

interface Row {
  id: number
  group: string
}

let opened: Dexie | null = null
afterEach(async () => {
  opened?.close()
  if (opened) await Dexie.delete(opened.name)
  opened = null
})

async function open(): Promise<Dexie & { rows: Dexie.Table<Row, number> }> {
  const db = new Dexie(`coarse-${Math.random()}`, { cache: 'disabled' }) as Dexie & {
    rows: Dexie.Table<Row, number>
  }
  db.version(1).stores({ rows: 'id, group' })
  db.use(coarseChanges)
  opened = db
  await db.rows.bulkAdd(Array.from({ length: 200 }, (_, id) => ({ id, group: `g${id % 3}` })))
  return db
}

/** The parts a write in `run` reports to live queries, by table index. */
async function reported(db: Dexie, run: () => Promise<unknown>): Promise<ObservabilitySet> {
  let parts: ObservabilitySet = {}
  const listen = (p: ObservabilitySet): void => {
    parts = { ...parts, ...p }
  }
  Dexie.on('storagemutated', listen)
  try {
    await run()
  } finally {
    Dexie.on('storagemutated').unsubscribe(listen)
  }
  return parts
}

/** Number of ranges in a reported range tree. */
function ranges(tree: unknown): number {
  const node = tree as { l?: unknown; r?: unknown; d?: number } | null | undefined
  if (!node || !node.d) return 0
  return 1 + ranges(node.l) + ranges(node.r)
}

describe('coarseChanges', () => {
  it('reports a large delete as the whole table, one range', async () => {
    const db = await open()
    const keys = Array.from({ length: WHOLE_TABLE_FROM }, (_, i) => i * 3)
    const parts = await reported(db, () => db.rows.bulkDelete(keys))
    const pk = parts[`idb://${db.name}/rows/`]
    expect(ranges(pk)).toBe(1)
    expect(ranges(parts[`idb://${db.name}/rows/group`])).toBe(1)
    expect(await db.rows.count()).toBe(200 - WHOLE_TABLE_FROM)
  })

  it('keeps the keys of a small delete', async () => {
    const db = await open()
    const parts = await reported(db, () => db.rows.bulkDelete([1, 5, 9]))
    expect(ranges(parts[`idb://${db.name}/rows/`])).toBe(3)
  })

  it('a live query over untouched rows still hears a large delete, and sees the right rows', async () => {
    const db = await open()
    const seen: number[] = []
    const subscription = liveQuery(() => db.rows.where('id').above(150).count()).subscribe((n) =>
      seen.push(n),
    )
    await expect.poll(() => seen.length).toBe(1)
    await db.rows.bulkDelete(Array.from({ length: 60 }, (_, i) => i))
    await expect.poll(() => seen.length).toBe(2)
    await db.rows.bulkDelete(Array.from({ length: 60 }, (_, i) => 199 - i))
    await expect.poll(() => seen.at(-1)).toBe(0)
    subscription.unsubscribe()
    expect(seen[0]).toBe(49)
  })

  it('reports a ranged delete as the whole table, so a query by another index hears it', async () => {
    const db = await open()
    const parts = await reported(db, () => db.rows.where('id').between(10, 20, true, true).delete())
    expect(ranges(parts[`idb://${db.name}/rows/group`])).toBe(1)
    const seen: number[] = []
    const subscription = liveQuery(() => db.rows.where('group').equals('g1').count()).subscribe(
      (n) => seen.push(n),
    )
    await expect.poll(() => seen.length).toBe(1)
    await db.rows.where('id').between(0, 99, true, true).delete()
    await expect.poll(() => seen.length).toBe(2)
    subscription.unsubscribe()
    // g1 holds ids 1, 4, …, 199 (67): 4 of them in 10–20, 33 below 100.
    expect(seen).toEqual([63, 34])
  })
})

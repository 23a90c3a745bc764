import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { TimelineEvent } from '$shared/corpus'
import { bumpGeneration, useTokenStore } from '../db/generation'
import { TIMELINE_CACHE_DB_NAME, openTimelineCache, readTimelineCache } from '../db/timeline-cache'
import type { TimelineItemModel } from '../domain/timeline-items'
import { TimelineCache } from './timeline-cache.svelte'

const BUNDLED: TimelineEvent[] = []
const item = (id: string, start: number): TimelineItemModel => ({
  id,
  group: 'law-policy',
  label: `Event ${id}`,
  tooltip: `Event ${id}\n2014`,
  start,
  end: null,
  type: 'point',
  className: 'cat-law-policy',
})
const EVENTS = [
  { id: 'a', at: Date.UTC(2014, 0, 1) },
  { id: 'b', at: Date.UTC(2015, 0, 1) },
  { id: 'c', at: null },
]

beforeEach(() => {
  const values = new Map<string, string>()
  useTokenStore({ getItem: (k) => values.get(k) ?? null, setItem: (k, v) => void values.set(k, v) })
})
afterEach(async () => {
  await Dexie.delete(TIMELINE_CACHE_DB_NAME)
})

/** A cache whose one live query (over `notes`) has answered, and that answer. */
async function cacheWithRows(): Promise<{ cache: TimelineCache; rows: object }> {
  const cache = new TimelineCache()
  const rows = await cache.stamped(['notes'], async () => ({ rows: 3 }))()
  return { cache, rows }
}

function save(cache: TimelineCache, rows: object): void {
  cache.save({
    events: EVENTS,
    item: (e) => (e.at === null ? null : item(e.id, e.at)),
    from: [rows],
    bundled: BUNDLED,
  })
}

async function stored(): Promise<unknown> {
  const db = openTimelineCache()
  try {
    return await readTimelineCache(db)
  } finally {
    db.close()
  }
}

const settle = () => new Promise((r) => setTimeout(r, 900))

describe('the timeline cache', () => {
  it('stores the index of the rows as read, and a later start draws it', async () => {
    const { cache, rows } = await cacheWithRows()
    save(cache, rows)
    await settle()
    await expect(stored()).resolves.toMatchObject({ total: 3, undated: 1 })

    const next = new TimelineCache()
    next.stamped(['notes'], async () => ({}))
    await next.open(next.read(), BUNDLED, () => true)
    expect(next.preview?.total).toBe(3)
    expect(next.preview?.items.map((i) => i.id)).toEqual(['a', 'b'])
  })

  it('stores nothing when a write came after the rows were read', async () => {
    const { cache, rows } = await cacheWithRows()
    bumpGeneration(['notes'])
    save(cache, rows)
    await settle()
    expect(await stored()).toBeNull()
  })

  it('stores nothing when a write comes before the index is made (during the pause)', async () => {
    const { cache, rows } = await cacheWithRows()
    save(cache, rows)
    setTimeout(() => bumpGeneration(['notes']), 200)
    await settle()
    expect(await stored()).toBeNull()
  })

  it('does not draw an index made before a later write (stale)', async () => {
    const { cache, rows } = await cacheWithRows()
    save(cache, rows)
    await settle()
    bumpGeneration(['notes'])
    const next = new TimelineCache()
    next.stamped(['notes'], async () => ({}))
    await next.open(next.read(), BUNDLED, () => true)
    expect(next.preview).toBeNull()
  })

  it('does not draw an index once the rows are in', async () => {
    const { cache, rows } = await cacheWithRows()
    save(cache, rows)
    await settle()
    const next = new TimelineCache()
    next.stamped(['notes'], async () => ({}))
    await next.open(next.read(), BUNDLED, () => false)
    expect(next.preview).toBeNull()
  })
})

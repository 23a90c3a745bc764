import 'fake-indexeddb/auto'
import { beforeEach, describe, expect, it } from 'vitest'
import { db } from './db'
import { allNotes } from './queries/notes'
import { importedArticles } from './queries/articles'
import { PAGE_ROWS, nextPageRows, readPaged } from './queries/paged'

beforeEach(async () => {
  await db.notes.clear()
  await db.eventAnnotations.clear()
})

describe('readPaged', () => {
  it('reads every row over several pages, in the order toArray gives', async () => {
    const n = 2 * PAGE_ROWS + 7
    // Keys that sort differently as strings than as numbers, and times with many ties.
    await db.notes.bulkAdd(
      Array.from({ length: n }, (_, i) => ({
        id: `note-${(i * 7919) % n}`,
        eventId: `event-${i % 13}`,
        body: `Note ${i}`,
        createdAt: i,
        updatedAt: i % 5,
      })),
    )
    const paged = await readPaged(db.notes)
    expect(paged).toHaveLength(n)
    expect(paged).toEqual(await db.notes.toArray())
    expect(await allNotes()).toEqual(await db.notes.orderBy('updatedAt').toArray())
  })

  it('gives imported articles newest first, as the importedAt index reversed', async () => {
    await db.articles.clear()
    // Only the fields the indexes read: the order is the question here.
    await db.articles.bulkAdd(
      Array.from({ length: PAGE_ROWS + 3 }, (_, i) => ({
        id: `a-${(i * 31) % (PAGE_ROWS + 3)}`,
        sha256: `sha-${i}`,
        importedAt: i % 4,
        language: 'en',
        // Texts of very different lengths, so the pages are of very different row counts.
        body: 'x'.repeat(i % 7 === 0 ? 40_000 : 10),
        original: 'y'.repeat(i % 11 === 0 ? 90_000 : 10),
      })) as never[],
    )
    expect((await importedArticles()).map((a) => a.id)).toEqual(
      (await db.articles.orderBy('importedAt').reverse().toArray()).map((a) => a.id),
    )
    await db.articles.clear()
  })

  it('reads an empty table and one of exactly one page', async () => {
    expect(await readPaged(db.eventAnnotations)).toEqual([])
    await db.eventAnnotations.bulkAdd(
      Array.from({ length: PAGE_ROWS }, (_, i) => ({
        eventId: `e${i}`,
        tags: [],
        people: [],
        organisations: [],
        updatedAt: i,
      })),
    )
    expect(await readPaged(db.eventAnnotations)).toEqual(await db.eventAnnotations.toArray())
  })

  it('sizes each next page from the mean weight of the rows read so far', () => {
    expect(nextPageRows(2_000_000, 0, 0)).toBe(PAGE_ROWS)
    expect(nextPageRows(2_000_000, 500_000, 50)).toBe(200)
    expect(nextPageRows(2_000_000, 90_000_000, 10)).toBe(1)
    expect(nextPageRows(2_000_000, 50, 50)).toBe(PAGE_ROWS)
  })

  it('reads every row in key order with pages sized by weight', async () => {
    const n = 3 * PAGE_ROWS + 11
    await db.notes.bulkAdd(
      Array.from({ length: n }, (_, i) => ({
        id: `note-${(i * 7919) % n}`,
        eventId: 'e',
        body: i % 97 === 0 ? 'z'.repeat(5000) : `n${i}`,
        createdAt: i,
        updatedAt: i,
      })),
    )
    const paged = await readPaged(db.notes, {
      weigh: (note) => note.body.length,
      budget: 20_000,
      first: 3,
    })
    expect(paged).toEqual(await db.notes.toArray())
  })

  it('reads articles short of their texts all the same', async () => {
    await db.articles.clear()
    await db.articles.bulkAdd(
      Array.from({ length: 120 }, (_, i) => ({
        id: `a-${i}`,
        sha256: `sha-${i}`,
        importedAt: i,
        language: 'en',
      })) as never[],
    )
    expect(await importedArticles()).toHaveLength(120)
    await db.articles.clear()
  })
})

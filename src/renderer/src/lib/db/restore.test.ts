import 'fake-indexeddb/auto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { TEST_META, seed, snapshot, testStores } from './test-stores'
import { abortAtWrite, failAtWrite } from './faults'
import { ImportError } from './actions/project'
import { WriteError } from './actions/errors'
import { previewImport, previewRestore, restoreProject } from './actions/restore'
import { checkImport } from './actions/import-session'
import { countStoredRecords } from './tables'
import { PROJECT_TABLES, serializeProject, type ProjectData } from '../domain/project/format'
import { testContext, validData, withRealChecksums } from '../domain/project/test-fixtures'

const META = TEST_META
const openStore = testStores('restore-test')

/** Data unlike the backup: one note of the user's that the backup does not have. */
function otherData(): ProjectData {
  const data = validData()
  return {
    ...data,
    notes: [
      {
        id: 'note-not-in-backup',
        eventId: data.notes[0]!.eventId,
        body: 'Written after the backup.',
        createdAt: 1,
        updatedAt: 1,
      },
    ],
    highlights: [],
    evidence: [],
    articles: [],
  }
}

describe('restoreProject', () => {
  it('replaces the store with exactly the backup, and undo brings the old data back', async () => {
    const store = openStore()
    const backup = await withRealChecksums(validData())
    const text = serializeProject(backup, META)
    await seed(store.db, otherData())
    const before = await snapshot(store.db)

    const result = await restoreProject(text, testContext(), store)
    expect(result.total).toBe(10)
    const after = await snapshot(store.db)
    expect(after.notes.map((n) => n.id).sort()).toEqual(backup.notes.map((n) => n.id).sort())
    for (const table of PROJECT_TABLES) expect(after[table]).toHaveLength(backup[table].length)
    expect(serializeProject(after, META)).toBe(text)

    expect(store.history.undoLabel).toBe('Restore backup')
    await store.history.undo(store.db)
    expect(await snapshot(store.db)).toEqual(before)
  })

  it('writes nothing for a file with problems, and lists each of them', async () => {
    const store = openStore()
    await seed(store.db, otherData())
    const before = await snapshot(store.db)
    const text = serializeProject(await withRealChecksums(validData()), META)
      .replace('"eventId": "user-event-1"', '"eventId": "nowhere"')
      .replace('"end": ', '"end": 9999')
    const error = await restoreProject(text, testContext(), store).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ImportError)
    expect((error as ImportError).problems.length).toBeGreaterThan(0)
    expect(await snapshot(store.db)).toEqual(before)
    expect(store.history.canUndo).toBe(false)
  })

  it('leaves the store exactly before or exactly after when the k-th write fails or aborts', async () => {
    const backup = await withRealChecksums(validData())
    const text = serializeProject(backup, META)
    let failures = 0
    let restored = 0
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          Object.fromEntries(
            PROJECT_TABLES.map((t) => [t, fc.subarray(otherData()[t] as object[])]),
          ) as { [T in keyof ProjectData]: fc.Arbitrary<ProjectData[T]> },
        ),
        fc.integer({ min: 1, max: 20 }),
        fc.boolean(),
        async (stored, k, abort) => {
          const setup = openStore()
          const name = setup.db.name
          await seed(setup.db, stored)
          const before = await snapshot(setup.db)
          setup.db.close()

          const fault = abort ? abortAtWrite(k) : failAtWrite(k)
          const store = openStore(name, [fault])
          const result = await restoreProject(text, testContext(), store).then(
            () => 'restored' as const,
            (error: unknown) => error,
          )
          const now = await snapshot(store.db)
          if (result === 'restored') {
            restored++
            expect(fault.writes).toBeLessThan(k)
            expect(serializeProject(now, META)).toBe(text)
            expect(store.history.undoLabel).toBe('Restore backup')
          } else {
            failures++
            expect(result).toBeInstanceOf(WriteError)
            expect((result as WriteError).message).toMatch(/as it was/)
            expect(now).toEqual(before)
            expect(store.history.canUndo).toBe(false)
          }
        },
      ),
      { numRuns: 40 },
    )
    expect(failures).toBeGreaterThan(0)
    expect(restored).toBeGreaterThan(0)
  })
})

describe('previews', () => {
  it('counts what an import would add, skip and copy, writing nothing', async () => {
    const store = openStore()
    const data = await withRealChecksums(validData())
    const text = serializeProject(data, META)
    const empty = await previewImport(text, testContext(), store)
    expect(empty).toMatchObject({ added: 10, skipped: 0, conflicts: [] })
    expect(await countStoredRecords(store.db)).toBe(0)

    const changed = structuredClone(data)
    changed.userEvents[0]!.title = 'Changed here'
    await seed(store.db, changed)
    const preview = await previewImport(text, testContext(), store)
    expect(preview.conflicts.map((c) => c.table).sort()).toEqual([
      'evidence',
      'notes',
      'userEvents',
    ])
    expect(preview.skipped).toBeGreaterThan(0)
  })

  it('an import session checks once, previews, imports what it checked, and refuses a bad file', async () => {
    const store = openStore()
    const data = await withRealChecksums(validData())
    const session = await checkImport(serializeProject(data, META), testContext(), store)
    expect(session.preview).toMatchObject({ added: 10, skipped: 0, conflicts: [] })
    expect(await countStoredRecords(store.db)).toBe(0)
    const summary = await session.run()
    expect(Object.values(summary.added).reduce((a, b) => a + b, 0)).toBe(10)
    const expected = openStore()
    await seed(expected.db, data)
    expect(await snapshot(store.db)).toEqual(await snapshot(expected.db))
    expect(store.history.undoLabel).toBe('Import project')
    await expect(checkImport('{"formatVersion": 1', testContext(), store)).rejects.toBeInstanceOf(
      ImportError,
    )
  })

  it('counts what a restore would leave', async () => {
    const text = serializeProject(await withRealChecksums(validData()), META)
    const preview = await previewRestore(text, testContext())
    expect(preview).toMatchObject({ total: 10, exportedAt: META.exportedAt })
    expect(preview.inFile.notes).toBe(2)
  })
})

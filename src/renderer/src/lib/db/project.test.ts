import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import { CATEGORIES } from '$shared/corpus'
import type { EntityEdit } from '$shared/entities'
import { TEST_META, seed, snapshot, testStores } from './test-stores'
import { abortAtWrite, failAtWrite } from './faults'
import {
  IMPORT_CHUNK,
  IMPORT_LABEL,
  ImportCancelled,
  ImportError,
  exportProject,
  importCheckedProject,
  importProject,
} from './actions/project'
import { WriteError } from './actions/errors'
import {
  PROJECT_TABLES,
  parseProjectFile,
  serializeProject,
  type ProjectData,
} from '../domain/project/format'
import { codePointToIndex, selectorsForRange } from '../domain/quotes'
import { CREDIBILITY, RELIABILITY, gradeId, type GradeKind } from '../domain/grading'
import type { ImportedArticle, UserEvent } from '../domain/types'
import {
  BUNDLED_BODY,
  BUNDLED_ID,
  CURATED_EVENT,
  testContext,
  validData,
  withRealChecksums,
} from '../domain/project/test-fixtures'

const META = TEST_META
const openStore = testStores('project-test')

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** The data as the store returns it: each table sorted by its primary key. */
function sorted(data: ProjectData): ProjectData {
  const by = <T>(rows: T[], key: (row: T) => string): T[] =>
    rows.toSorted((a, b) => byCodeUnits(key(a), key(b)))
  return {
    notes: by(data.notes, (r) => r.id),
    highlights: by(data.highlights, (r) => r.id),
    userEvents: by(data.userEvents, (r) => r.id),
    evidence: by(data.evidence, (r) => r.id),
    eventAnnotations: by(data.eventAnnotations, (r) => r.eventId),
    entityEdits: by(data.entityEdits, (r) => r.id),
    articles: by(data.articles, (r) => r.id),
    grades: by(data.grades, (r) => r.id),
    conflictNotes: by(data.conflictNotes, (r) => r.id),
  }
}

async function validText(): Promise<string> {
  return serializeProject(await withRealChecksums(validData()), META)
}

describe('importProject', () => {
  it('imports into an empty store, and exporting gives back the same file', async () => {
    const store = openStore()
    const text = await validText()
    const summary = await importProject(text, testContext(), store)
    expect(summary).toEqual({
      added: {
        notes: 2,
        highlights: 2,
        userEvents: 1,
        evidence: 2,
        eventAnnotations: 1,
        entityEdits: 1,
        articles: 1,
        grades: 0,
        conflictNotes: 0,
      },
      skipped: 0,
      conflicts: 0,
      combined: 0,
    })
    expect(await snapshot(store.db)).toEqual(sorted(await withRealChecksums(validData())))
    expect(await exportProject(META, store)).toBe(text)
  })

  it('is one undoable step', async () => {
    const store = openStore()
    await importProject(await validText(), testContext(), store)
    expect(store.history.undoLabel).toBe('Import project')
    await store.history.undo(store.db)
    expect(await snapshot(store.db)).toEqual(sorted(emptyData()))
    await store.history.redo(store.db)
    expect(await snapshot(store.db)).toEqual(sorted(await withRealChecksums(validData())))
  })

  it('run on another connection (as in the import worker), is one undoable step of this stack', async () => {
    const data = await withRealChecksums(validData())
    const parsed = parseProjectFile(serializeProject(data, META), testContext())
    if (!parsed.ok) throw new Error(parsed.problems.join('\n'))
    const window = openStore()
    const worker = openStore(window.db.name)
    const told: string[] = []
    const summary = await window.history.commandElsewhere(IMPORT_LABEL, async () => {
      const result = await importCheckedProject(parsed.project, worker, {
        // Told once the merge is planned, before the first write; the import waits for it.
        onwriting: (tables) => {
          told.push(`writing ${tables.join(',')}`)
          return Dexie.waitFor(new Promise((resolve) => setTimeout(resolve, 20)))
        },
        onprogress: (written) => told.push(`written ${written}`),
      })
      return { result, chunks: worker.history.latestCommand()?.chunks ?? [] }
    })
    const written = PROJECT_TABLES.filter((table) => data[table].length > 0)
    expect(written.length).toBeLessThan(PROJECT_TABLES.length)
    expect(told[0]).toBe(`writing ${written.join(',')}`)
    expect(told[1]).toBe('written 0')
    expect(Object.values(summary.added).reduce((a, b) => a + b, 0)).toBeGreaterThan(0)
    expect(window.history.undoLabel).toBe(IMPORT_LABEL)
    await window.history.undo(window.db)
    expect(await snapshot(window.db)).toEqual(sorted(emptyData()))
    await window.history.redo(window.db)
    expect(await snapshot(window.db)).toEqual(sorted(data))

    // A run that throws (nothing written) leaves the stacks as they were.
    await expect(
      window.history.commandElsewhere(IMPORT_LABEL, () => Promise.reject(new ImportCancelled())),
    ).rejects.toBeInstanceOf(ImportCancelled)
    expect(window.history.canRedo).toBe(false)
    await window.history.undo(window.db)
    expect(window.history.canUndo).toBe(false)
  })

  it('writes in chunks with progress, and a cancel between chunks leaves the store unchanged', async () => {
    const base = await withRealChecksums(validData())
    const many = IMPORT_CHUNK * 2 + 5
    const notes = Array.from({ length: many }, (_, i) => ({
      id: `bulk-note-${i}`,
      eventId: CURATED_EVENT,
      body: `Note ${i}`,
      createdAt: i,
      updatedAt: i,
    }))
    const parsed = parseProjectFile(
      serializeProject({ ...base, notes: [...base.notes, ...notes] }, META),
      testContext(),
    )
    if (!parsed.ok) throw new Error(parsed.problems.join('\n'))

    const store = openStore()
    await seed(store.db, { ...emptyData(), notes: [base.notes[0]!] })
    const before = await snapshot(store.db)
    const cancel = new AbortController()
    const seen: number[] = []
    const importing = importCheckedProject(parsed.project, store, {
      signal: cancel.signal,
      onprogress: (written) => {
        seen.push(written)
        // Cancelled after the first chunk is written: that chunk must be rolled back too.
        if (written >= IMPORT_CHUNK) cancel.abort()
      },
    })
    await expect(importing).rejects.toBeInstanceOf(ImportCancelled)
    expect(seen.slice(0, 2)).toEqual([0, IMPORT_CHUNK])
    expect(await snapshot(store.db)).toEqual(before)
    expect(store.history.canUndo).toBe(false)

    const progress: [number, number][] = []
    await importCheckedProject(parsed.project, store, {
      onprogress: (written, total) => progress.push([written, total]),
    })
    const total = progress[0]![1]
    expect(progress.at(-1)).toEqual([total, total])
    expect(progress.length).toBeGreaterThan(3)
    expect(await store.db.notes.count()).toBe(many + 2)
  })

  it('plans in slices inside its transaction: the same merge, and a cancel meanwhile writes nothing', async () => {
    const base = await withRealChecksums(validData())
    // More rows than the plan takes between places it may pause.
    const notes = Array.from({ length: 300 }, (_, i) => ({
      id: `bulk-note-${i}`,
      eventId: CURATED_EVENT,
      body: `Note ${i}`,
      createdAt: i,
      updatedAt: i,
    }))
    const text = serializeProject({ ...base, notes: [...base.notes, ...notes] }, META)
    const data = structuredClone(base)
    data.userEvents[0]!.title = 'Changed in this store'
    const whole = openStore()
    await seed(whole.db, data)
    const expected = await importProject(text, testContext(), whole)

    // A clock that moves 20 ms at every look: every place the plan may pause is due.
    let clock = 0
    const now = vi.spyOn(performance, 'now').mockImplementation(() => (clock += 20))
    const waits = vi.spyOn(Dexie, 'waitFor')
    try {
      const sliced = openStore()
      await seed(sliced.db, data)
      expect(await importProject(text, testContext(), sliced)).toEqual(expected)
      expect(waits).toHaveBeenCalled()
      expect(await snapshot(sliced.db)).toEqual(await snapshot(whole.db))

      const cancelled = openStore()
      await seed(cancelled.db, data)
      const before = await snapshot(cancelled.db)
      const stop = new AbortController()
      waits.mockImplementationOnce((promise) => {
        stop.abort()
        return Dexie.waitFor(promise)
      })
      const parsed = parseProjectFile(text, testContext())
      if (!parsed.ok) throw new Error(parsed.problems.join('\n'))
      await expect(
        importCheckedProject(parsed.project, cancelled, { signal: stop.signal }),
      ).rejects.toBeInstanceOf(ImportCancelled)
      expect(await snapshot(cancelled.db)).toEqual(before)
      expect(cancelled.history.canUndo).toBe(false)
    } finally {
      now.mockRestore()
      waits.mockRestore()
    }
  })

  it('writes nothing for an invalid file, and says why', async () => {
    const store = openStore()
    await seed(store.db, await withRealChecksums(validData()))
    const before = await snapshot(store.db)
    const broken = (await validText()).replace('"eventId": "user-event-1"', '"eventId": "nowhere"')
    const error = await importProject(broken, testContext(), store).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ImportError)
    expect((error as ImportError).problems).toEqual([
      'data.notes[1].eventId: no event "nowhere": it is neither a curated event nor one of ' +
        "the file's own events",
    ])
    await expect(importProject('{"formatVersion": 1', testContext(), store)).rejects.toThrow(
      /ends early \(truncated\?\)/,
    )
    expect(await snapshot(store.db)).toEqual(before)
    expect(store.history.canUndo).toBe(false)
  })

  it('writes nothing when an imported article does not match its checksum', async () => {
    const store = openStore()
    const text = serializeProject(validData(), META)
    await expect(importProject(text, testContext(), store)).rejects.toMatchObject({
      name: 'ImportError',
      problems: [expect.stringMatching(/^data\.articles\[0\]\.sha256: article "imported-1"/)],
    })
    expect(await snapshot(store.db)).toEqual(sorted(emptyData()))
  })

  it('adds nothing when the same file is imported twice', async () => {
    const store = openStore()
    const text = await validText()
    await importProject(text, testContext(), store)
    const second = await importProject(text, testContext(), store)
    expect(Object.values(second.added).every((n) => n === 0)).toBe(true)
    expect(second.skipped).toBe(10)
    expect(await exportProject(META, store)).toBe(text)
  })

  it('keeps both sides of a conflict, the import as flagged copies', async () => {
    const store = openStore()
    const data = await withRealChecksums(validData())
    data.userEvents[0]!.title = 'Changed in this store'
    await seed(store.db, data)
    const summary = await importProject(await validText(), testContext(), store)
    // The event, and the note and evidence that move with it to the copy.
    expect(summary.conflicts).toBe(3)
    const events = await store.db.userEvents.toArray()
    expect(events.map((e) => e.title).sort()).toEqual([
      'Changed in this store',
      '[Imported copy] Police open 40 cases',
    ])
  })

  it('leaves the store exactly as it was when the k-th write fails or aborts', async () => {
    const incoming = await withRealChecksums(validData())
    const text = serializeProject(incoming, META)
    let failures = 0
    await fc.assert(
      fc.asyncProperty(
        // Part of the file already stored, some of it changed, so the plan mixes adds and copies.
        fc.record(
          Object.fromEntries(
            PROJECT_TABLES.map((t) => [t, fc.subarray(incoming[t] as object[])]),
          ) as { [T in keyof ProjectData]: fc.Arbitrary<ProjectData[T]> },
        ),
        fc.boolean(),
        fc.integer({ min: 1, max: 8 }),
        fc.boolean(),
        async (stored, changeNotes, k, abort) => {
          const setup = openStore()
          const name = setup.db.name
          const existing = structuredClone(stored)
          if (changeNotes) existing.notes.forEach((n) => (n.body += ' (edited)'))
          await seed(setup.db, existing)
          const before = await snapshot(setup.db)
          setup.db.close()

          const fault = abort ? abortAtWrite(k) : failAtWrite(k)
          const store = openStore(name, [fault])
          const result = await importProject(text, testContext(), store).then(
            () => 'imported' as const,
            (error: unknown) => error,
          )
          if (result === 'imported') {
            // The fault never fired: the import made fewer than k writes.
            expect(fault.writes).toBeLessThan(k)
          } else {
            failures++
            expect(result).toBeInstanceOf(WriteError)
            expect((result as WriteError).message).toMatch(
              /Nothing was imported|nothing was imported/,
            )
            expect(await snapshot(store.db)).toEqual(before)
            expect(store.history.canUndo).toBe(false)
          }
        },
      ),
      { numRuns: 40 },
    )
    expect(failures).toBeGreaterThan(0)
  })
})

function emptyData(): ProjectData {
  return {
    notes: [],
    highlights: [],
    userEvents: [],
    evidence: [],
    eventAnnotations: [],
    entityEdits: [],
    articles: [],
    grades: [],
    conflictNotes: [],
  }
}

// ---------------------------------------------------------------------------------------------
// Arbitrary valid projects

const time = fc.integer({ min: 0, max: 4_102_444_800_000 })
/** Text with astral characters, quotes, backslashes and line breaks: what JSON must carry. */
const text = (maxLength: number) =>
  fc.string({
    unit: fc.constantFrom('a', 'B', ' ', 'é', '😀', '\n', '"', '\\', '\u2028', '<'),
    maxLength,
  })
const label = fc.string({ minLength: 1, maxLength: 12 })
const labels = fc.array(label, { maxLength: 3 })
const slug = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,15}$/)
const entityName = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() === s)
const dating = fc.record({
  edtf: fc.constantFrom(null, '2008', '2009-12-10', '2010~', '2011?', '2008/2010', '2012-03'),
  note: fc.string({ maxLength: 30 }),
})

const articleArb: fc.Arbitrary<ImportedArticle> = fc.record({
  id: fc.uuid().map((u) => `imported-${u}`),
  title: fc.string({ maxLength: 40 }),
  outlet: fc.option(fc.string({ maxLength: 20 })),
  byline: fc.option(fc.string({ maxLength: 20 })),
  published: dating,
  url: fc.option(fc.webUrl()),
  language: fc.constantFrom('en', 'km', 'ar'),
  direction: fc.constant('ltr' as const),
  body: text(60).filter((s) => s.length > 0),
  original: text(80),
  originalName: fc.string({ maxLength: 20 }),
  mediaType: fc.constantFrom('text/html', 'text/markdown', 'text/plain'),
  // Filled in once generated: the hash is async.
  sha256: fc.constant(''),
  importedAt: time,
  updatedAt: time,
})

const userEventArb: fc.Arbitrary<UserEvent> = fc.record({
  id: fc.uuid().map((u) => `user-${u}`),
  title: fc.string({ maxLength: 40 }),
  summary: text(60),
  date: dating,
  category: fc.constantFrom(...CATEGORIES.map((c) => c.id)),
  people: labels,
  organisations: labels,
  createdAt: time,
  updatedAt: time,
})

const entityEditArb: fc.Arbitrary<EntityEdit> = fc.oneof(
  fc.record({ type: fc.constant('rename' as const), id: slug, name: entityName }),
  fc.record({ type: fc.constant('alias' as const), id: slug, alias: entityName }),
  fc.record({ type: fc.constant('merge' as const), from: slug, into: slug }),
  fc.record({
    type: fc.constant('add' as const),
    entity: fc.record(
      {
        id: slug,
        kind: fc.constantFrom('person' as const, 'organisation' as const),
        name: entityName,
        aliases: fc.array(entityName, { maxLength: 2 }),
        description: fc.string({ maxLength: 40 }),
        mergedIds: fc.array(slug, { maxLength: 2 }),
      },
      { requiredKeys: ['id', 'kind', 'name', 'aliases', 'description'] },
    ),
  }),
)

/** Selectors for a random non-empty span of one of the bodies, in code points. */
function passageArb(bodies: readonly (readonly [string, string])[]) {
  return fc.constantFrom(...bodies).chain(([articleId, body]) => {
    const length = [...body].length
    return fc
      .tuple(fc.integer({ min: 0, max: length }), fc.integer({ min: 0, max: length }))
      .filter(([a, b]) => a !== b)
      .map(([a, b]) => ({
        articleId,
        ...selectorsForRange(
          body,
          codePointToIndex(body, Math.min(a, b)),
          codePointToIndex(body, Math.max(a, b)),
        ),
      }))
  })
}

const projectDataArb: fc.Arbitrary<ProjectData> = fc
  .record({
    articles: fc.uniqueArray(articleArb, { maxLength: 3, selector: (a) => a.original }),
    userEvents: fc.uniqueArray(userEventArb, { maxLength: 4, selector: (e) => e.id }),
  })
  .chain(({ articles, userEvents }) => {
    const eventIds = [CURATED_EVENT, 'other-curated-event', ...userEvents.map((e) => e.id)]
    const bodies = [
      [BUNDLED_ID, BUNDLED_BODY] as const,
      ...articles.map((a) => [a.id, a.body] as const),
    ]
    const eventId = fc.constantFrom(...eventIds)
    const passage = passageArb(bodies)
    return fc.record({
      articles: fc.constant(articles),
      userEvents: fc.constant(userEvents),
      notes: fc.uniqueArray(
        fc.record({ id: fc.uuid(), eventId, body: text(80), createdAt: time, updatedAt: time }),
        { maxLength: 5, selector: (n) => n.id },
      ),
      highlights: fc.uniqueArray(
        fc
          .record({
            id: fc.uuid(),
            passage,
            note: text(40),
            tags: labels,
            createdAt: time,
            updatedAt: time,
          })
          .map(({ passage, ...rest }) => ({ ...rest, ...passage })),
        { maxLength: 5, selector: (h) => h.id },
      ),
      evidence: fc.uniqueArray(
        fc
          .record({
            id: fc.uuid(),
            eventId,
            passage,
            stance: fc.constantFrom('supports' as const, 'contradicts' as const),
            createdAt: time,
          })
          .map(({ passage, ...rest }) => ({ ...rest, ...passage })),
        { maxLength: 5, selector: (e) => e.id },
      ),
      eventAnnotations: fc.uniqueArray(
        fc.record({
          eventId,
          tags: labels,
          people: labels,
          organisations: labels,
          updatedAt: time,
        }),
        { maxLength: 3, selector: (a) => a.eventId },
      ),
      entityEdits: fc.uniqueArray(
        fc.record({ id: fc.uuid(), createdAt: time, edit: entityEditArb }),
        { maxLength: 4, selector: (e) => e.id },
      ),
    })
  })
  .chain((data) => {
    // Grades on every kind of target the file can hold, curated quotes included.
    const targets: [GradeKind, string][] = [
      ['article', BUNDLED_ID],
      ...data.articles.map((a): [GradeKind, string] => ['article', a.id]),
      ['quote', `${CURATED_EVENT}#0`],
      ...data.evidence.map((e): [GradeKind, string] => ['quote', e.id]),
      ...data.highlights.map((h): [GradeKind, string] => ['highlight', h.id]),
    ]
    const grade = fc.constantFrom(...targets).chain(([kind, targetId]) =>
      fc.record({
        id: fc.constant(gradeId(kind, targetId)),
        kind: fc.constant(kind),
        targetId: fc.constant(targetId),
        grade: fc.constantFrom(...(kind === 'article' ? RELIABILITY : CREDIBILITY)),
        reason: text(40),
        updatedAt: time,
      }),
    )
    const explained = fc.record({
      id: fc.constantFrom('support:trafficking-law-2008', 'figures:2010:enforcement:cases'),
      note: text(40),
      updatedAt: time,
    })
    return fc.record({
      ...Object.fromEntries(Object.entries(data).map(([k, v]) => [k, fc.constant(v)])),
      grades: fc.uniqueArray(grade, { maxLength: 6, selector: (g) => g.id }),
      conflictNotes: fc.uniqueArray(explained, { maxLength: 2, selector: (c) => c.id }),
    }) as fc.Arbitrary<ProjectData>
  })

describe('export then import', () => {
  it('gives back exactly the same data in a fresh store, for any valid project', async () => {
    await fc.assert(
      fc.asyncProperty(projectDataArb, async (generated) => {
        const data = await withRealChecksums(generated)
        // Any article whose original hashes the same as another's would be one article.
        fc.pre(new Set(data.articles.map((a) => a.sha256)).size === data.articles.length)
        const source = openStore()
        await seed(source.db, data)
        const text = await exportProject(META, source)
        expect(parseProjectFile(text, testContext()).ok).toBe(true)

        const target = openStore()
        const summary = await importProject(text, testContext(), target)
        expect(summary.skipped + summary.conflicts + summary.combined).toBe(0)
        expect(await snapshot(target.db)).toEqual(sorted(data))
        // And exported again, the same bytes.
        expect(await exportProject(META, target)).toBe(text)
        source.db.close()
        target.db.close()
      }),
      { numRuns: 50 },
    )
  })

  it('stamps the export with the current time when none is given', async () => {
    const store = openStore()
    await seed(store.db, await withRealChecksums(validData()))
    const text = await exportProject({ corpus: META.corpus }, store)
    const stamped = JSON.parse(text) as { exportedAt: string }
    expect(Date.now() - Date.parse(stamped.exportedAt)).toBeLessThan(60_000)
  })
})

import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import { openDatabase } from './db'
import { MIGRATIONS } from './migrations'
import { SCHEMA_VERSION } from '$shared/schema'

/** Opens a database exactly as a build that shipped migrations up to version `n` would. */
function openAtVersion(name: string, n: number): Dexie {
  const db = new Dexie(name)
  for (const m of MIGRATIONS.filter((m) => m.version <= n)) {
    const version = db.version(m.version).stores(m.stores)
    if (m.upgrade) version.upgrade(m.upgrade)
  }
  return db
}

describe('migrations', () => {
  it('end at the version the shared SCHEMA_VERSION names', () => {
    expect(MIGRATIONS.at(-1)!.version).toBe(SCHEMA_VERSION)
  })

  it('are numbered in increasing order, starting at 1', () => {
    // Branches append their versions in parallel; Dexie allows a gap, never a repeat or a step back.
    const versions = MIGRATIONS.map((m) => m.version)
    expect(versions[0]).toBe(1)
    for (let i = 1; i < versions.length; i++) expect(versions[i]).toBeGreaterThan(versions[i - 1]!)
  })

  it('v1 → v2 keeps every note and adds the annotation tables empty', async () => {
    const name = 'migrate-1-2'
    const v1 = openAtVersion(name, 1)
    const notes = Array.from({ length: 50 }, (_, i) => ({
      id: `n${i}`,
      eventId: i % 2 ? 'trafficking-law-2008' : 'cases-2021',
      body: `note ${i} <b>kept as text</b>`,
      createdAt: i,
      updatedAt: i * 2,
    }))
    await v1.table('notes').bulkAdd(notes)
    v1.close()

    const v2 = openAtVersion(name, 2)
    await v2.open()
    expect(v2.verno).toBe(2)
    expect(await v2.table('notes').orderBy('id').toArray()).toEqual(
      [...notes].sort((a, b) => a.id.localeCompare(b.id)),
    )
    expect(await v2.table('notes').where('eventId').equals('cases-2021').count()).toBe(25)
    for (const table of ['highlights', 'userEvents', 'evidence', 'eventAnnotations', 'entityEdits'])
      expect(await v2.table(table).count()).toBe(0)
    v2.close()
    await Dexie.delete(name)
  })

  it('v2 → v3 keeps highlights, events and evidence and adds an empty articles table', async () => {
    const name = 'migrate-2-3'
    const v2 = openAtVersion(name, 2)
    const highlight = {
      id: 'h1',
      articleId: 'ppp-interior-ministry-lauds',
      quote: { type: 'TextQuoteSelector', exact: 'plan', prefix: 'operational ', suffix: ' to' },
      position: { type: 'TextPositionSelector', start: 10, end: 14 },
      note: 'n',
      tags: ['t'],
      createdAt: 1,
      updatedAt: 2,
    }
    await v2.table('highlights').add(highlight)
    await v2
      .table('userEvents')
      .add({ id: 'user-1', title: 'Mine', category: 'awareness', updatedAt: 1 })
    await v2.table('evidence').add({ id: 'e1', eventId: 'user-1', articleId: 'a' })
    await v2
      .table('notes')
      .add({ id: 'n1', eventId: 'user-1', body: 'b', createdAt: 1, updatedAt: 1 })
    v2.close()

    const v3 = openAtVersion(name, 3)
    await v3.open()
    expect(v3.verno).toBe(3)
    expect(await v3.table('highlights').toArray()).toEqual([highlight])
    expect(await v3.table('userEvents').count()).toBe(1)
    expect(await v3.table('evidence').where('eventId').equals('user-1').count()).toBe(1)
    expect(await v3.table('notes').count()).toBe(1)
    expect(await v3.table('articles').count()).toBe(0)
    v3.close()
    await Dexie.delete(name)
  })

  it('v3 → v4 gives every imported article a language and direction read from its text', async () => {
    const name = 'migrate-3-4'
    const v3 = openAtVersion(name, 3)
    const base = { title: 'T', importedAt: 1, original: 'o', url: null }
    const rows = [
      {
        ...base,
        id: 'en',
        sha256: '1'.repeat(64),
        body: 'The police said that the raid was over.',
      },
      { ...base, id: 'km', sha256: '2'.repeat(64), body: 'ក្រសួងមហាផ្ទៃបានប្រកាសពីផែនការថ្មីដើម្បីប្រយុទ្ធ' },
      {
        ...base,
        id: 'ar',
        sha256: '3'.repeat(64),
        body: 'أعلنت وزارة الداخلية عن خطة جديدة لمكافحة الاتجار',
      },
      { ...base, id: 'short', sha256: '4'.repeat(64), body: '40' },
    ]
    await v3.table('articles').bulkAdd(rows)
    v3.close()

    const v4 = openAtVersion(name, 4)
    await v4.open()
    expect(v4.verno).toBe(4)
    const stored = await v4.table('articles').orderBy('id').toArray()
    expect(stored.map((a) => [a.id, a.language, a.direction])).toEqual([
      ['ar', 'ar', 'rtl'],
      ['en', 'en', 'ltr'],
      ['km', 'km', 'ltr'],
      ['short', 'en', 'ltr'],
    ])
    // Nothing else about them changed.
    for (const row of rows) expect(stored.find((a) => a.id === row.id)).toMatchObject(row)
    expect(await v4.table('articles').where('language').equals('km').count()).toBe(1)
    v4.close()
    await Dexie.delete(name)
  })
})

/**
 * One fixture per shipped schema version, each opened by the current build: whatever version a
 * user's store was written by, every record comes through unchanged and the newer tables exist.
 */
describe('a store from every shipped version opens in the current build', () => {
  const note = {
    id: 'n1',
    eventId: 'trafficking-law-2008',
    body: 'note with <b>markup</b>, 💡 and \u202E',
    createdAt: 1,
    updatedAt: 2,
  }
  const highlight = {
    id: 'h1',
    articleId: 'ppp-interior-ministry-lauds',
    quote: { type: 'TextQuoteSelector', exact: 'plan', prefix: 'operational ', suffix: ' to' },
    position: { type: 'TextPositionSelector', start: 10, end: 14 },
    note: 'why',
    tags: ['t', 'u'],
    createdAt: 1,
    updatedAt: 2,
  }
  const userEvent = { id: 'user-1', title: 'Mine', category: 'awareness', updatedAt: 1 }
  const evidence = { id: 'e1', eventId: 'user-1', articleId: 'a', stance: 'supports' }
  const annotation = { eventId: 'user-1', tags: ['x'], people: [], organisations: [] }
  const entityEdit = {
    id: 'ee1',
    createdAt: 3,
    edit: { type: 'alias', id: 'hun-sen', alias: 'HS' },
  }
  const article = {
    id: 'imported-1',
    title: 'Police figures',
    sha256: 'a'.repeat(64),
    importedAt: 1_700_000_000_000,
    body: 'The police opened 40 cases.',
  }

  /** What each version's users could have stored, by table. */
  const FIXTURES: Record<number, Record<string, object[]>> = {
    1: { notes: [note] },
    2: {
      notes: [note],
      highlights: [highlight],
      userEvents: [userEvent],
      evidence: [evidence],
      eventAnnotations: [annotation],
      entityEdits: [entityEdit],
    },
    3: {
      notes: [note],
      highlights: [highlight],
      userEvents: [userEvent],
      evidence: [evidence],
      eventAnnotations: [annotation],
      entityEdits: [entityEdit],
      articles: [article],
    },
    4: {
      notes: [note],
      highlights: [highlight],
      userEvents: [userEvent],
      evidence: [evidence],
      eventAnnotations: [annotation],
      entityEdits: [entityEdit],
      articles: [{ ...article, language: 'km', direction: 'ltr' }],
    },
    5: {
      notes: [note],
      highlights: [highlight],
      userEvents: [userEvent],
      evidence: [evidence],
      eventAnnotations: [annotation],
      entityEdits: [entityEdit],
      articles: [{ ...article, language: 'km', direction: 'ltr' }],
      grades: [
        { id: 'quote:e1', kind: 'quote', targetId: 'e1', grade: '2', reason: 'r', updatedAt: 1 },
      ],
      conflictNotes: [{ id: 'support:user-1', note: 'explained', updatedAt: 2 }],
    },
  }

  /** What upgrades add to a version's records: v4 reads each article's language from its text. */
  function upgraded(version: number, table: string, rows: object[]): object[] {
    if (table === 'articles' && version < 4)
      return rows.map((row) => ({ ...row, language: 'en', direction: 'ltr' }))
    return rows
  }

  it('has a fixture for every shipped version', () => {
    expect(Object.keys(FIXTURES).map(Number)).toEqual(MIGRATIONS.map((m) => m.version))
  })

  for (const [version, tables] of Object.entries(FIXTURES)) {
    it(`v${version} → current keeps every record`, async () => {
      const name = `migrate-${version}-current`
      const old = openAtVersion(name, Number(version))
      for (const [table, rows] of Object.entries(tables)) await old.table(table).bulkAdd(rows)
      old.close()

      const current = openDatabase(name)
      await current.open()
      expect(current.verno).toBe(MIGRATIONS.at(-1)!.version)
      for (const table of current.tables)
        expect(await table.toArray(), table.name).toEqual(
          upgraded(Number(version), table.name, tables[table.name] ?? []),
        )
      // The indexes the app queries by work on the carried-over rows.
      expect(await current.notes.where('eventId').equals(note.eventId).count()).toBe(1)
      if (Number(version) >= 2)
        expect(await current.highlights.where('tags').equals('u').count()).toBe(1)
      if (Number(version) >= 3)
        expect(await current.articles.where('sha256').equals(article.sha256).count()).toBe(1)
      current.close()
      await Dexie.delete(name)
    })
  }

  it('v4 → v5 keeps articles and highlights and adds empty grade and conflict-note tables', async () => {
    const name = 'migrate-4-5'
    const v4 = openAtVersion(name, 4)
    const article = {
      id: 'imported-1',
      sha256: 'a'.repeat(64),
      importedAt: 5,
      title: 'Kept',
      language: 'km',
      direction: 'ltr',
    }
    await v4.table('articles').add(article)
    await v4.table('highlights').add({ id: 'h1', articleId: 'imported-1', tags: [], updatedAt: 1 })
    v4.close()

    const v5 = openDatabase(name)
    await v5.open()
    expect(v5.verno).toBe(5)
    expect(await v5.articles.toArray()).toEqual([article])
    expect(await v5.highlights.count()).toBe(1)
    expect(await v5.grades.count()).toBe(0)
    expect(await v5.conflictNotes.count()).toBe(0)
    const grade = {
      id: 'article:imported-1',
      kind: 'article' as const,
      targetId: 'imported-1',
      grade: 'B',
      reason: 'r',
      updatedAt: 1,
    }
    await v5.grades.add(grade)
    expect(await v5.grades.where('targetId').equals('imported-1').toArray()).toEqual([grade])
    v5.close()
    await Dexie.delete(name)
  })
})

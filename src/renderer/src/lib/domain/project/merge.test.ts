import { describe, expect, it } from 'vitest'
import { generateProject } from '../../../../../../scripts/generate-project.mjs'
import { PROJECT_TABLES, emptyProjectData, parseProjectFile, type ProjectData } from './format'
import { COPY_TITLE_PREFIX, planMerge, planMergePaced, type MergePlan } from './merge'
import { CURATED_EVENT, makeImportedArticle, testContext, validData } from './test-fixtures'
import { countingPacer } from '../test-pacer'

/** The store after writing the plan: new rows appended; annotations, grades, notes replaced by key. */
function apply(existing: ProjectData, plan: MergePlan): ProjectData {
  const out = structuredClone(existing)
  for (const table of PROJECT_TABLES) {
    if (table === 'eventAnnotations' || table === 'grades' || table === 'conflictNotes') {
      for (const row of plan.add[table] as { id?: string; eventId?: string }[]) {
        const key = (r: { id?: string; eventId?: string }) => r.id ?? r.eventId
        ;(out[table] as object[]) = (out[table] as { id?: string }[]).filter(
          (r) => key(r) !== key(row),
        )
        ;(out[table] as object[]).push(row)
      }
      continue
    }
    ;(out[table] as object[]).push(...plan.add[table])
  }
  return out
}

function count(data: ProjectData): number {
  return PROJECT_TABLES.reduce((n, table) => n + data[table].length, 0)
}

describe('planMerge', () => {
  it('adds everything to an empty store', () => {
    const incoming = validData()
    const plan = planMerge(emptyProjectData(), incoming)
    expect(plan.add).toEqual(incoming)
    expect(plan).toMatchObject({ skipped: 0, conflicts: [], combined: [] })
  })

  it('skips what the store already has, ignoring key order', () => {
    const existing = validData()
    existing.notes = existing.notes.map(
      (n) => Object.fromEntries(Object.entries(n).toReversed()) as typeof n,
    )
    const plan = planMerge(existing, validData())
    expect(count(plan.add)).toBe(0)
    expect(plan.skipped).toBe(count(validData()))
    expect(plan.conflicts).toEqual([])
  })

  it('keeps both when a note id holds different text: the incoming one as a flagged copy', () => {
    const existing = validData()
    existing.notes[0]!.body = 'Edited here.'
    const incoming = validData()
    const plan = planMerge(existing, incoming)
    expect(plan.conflicts).toHaveLength(1)
    const [conflict] = plan.conflicts
    expect(conflict).toMatchObject({ table: 'notes', id: 'note-1' })
    expect(conflict!.copyId).toMatch(/^note-1-copy-[0-9a-f]{8}$/)
    expect(plan.add.notes).toEqual([
      {
        ...incoming.notes[0],
        id: conflict!.copyId,
        body: 'Check the *date*.\n\n(Imported copy of note-1)',
      },
    ])
    expect(plan.skipped).toBe(count(incoming) - 1)
  })

  it('flags a copied highlight in its note, also when the note was empty', () => {
    const existing = validData()
    existing.highlights.forEach((h) => (h.tags = ['changed']))
    const plan = planMerge(existing, validData())
    expect(plan.add.highlights.map((h) => h.note)).toEqual([
      '(Imported copy of highlight-1)',
      'Fewer than opened.\n\n(Imported copy of highlight-2)',
    ])
  })

  it('copies a changed user event and moves what points at it to the copy', () => {
    const existing = validData()
    existing.userEvents[0]!.title = 'Renamed in this store'
    const incoming = validData()
    incoming.eventAnnotations.push({
      eventId: 'user-event-1',
      tags: ['figures'],
      people: [],
      organisations: [],
      updatedAt: 5,
    })
    const plan = planMerge(existing, incoming)

    const [event] = plan.add.userEvents
    expect(event!.id).toMatch(/^user-event-1-copy-[0-9a-f]{8}$/)
    expect(event!.title).toBe(`${COPY_TITLE_PREFIX}Police open 40 cases`)
    // The note and evidence on the event are the same records, but they now belong to the copy:
    // the copy keeps everything that was attached to it, and the original keeps its own.
    expect(plan.add.notes).toHaveLength(1)
    expect(plan.add.notes[0]).toMatchObject({ eventId: event!.id })
    expect(plan.add.notes[0]!.id).toMatch(/^note-2-copy-/)
    expect(plan.add.evidence).toHaveLength(1)
    expect(plan.add.evidence[0]).toMatchObject({ eventId: event!.id, articleId: 'imported-1' })
    expect(plan.add.eventAnnotations).toEqual([
      { eventId: event!.id, tags: ['figures'], people: [], organisations: [], updatedAt: 5 },
    ])
    expect(plan.conflicts.map((c) => c.table)).toEqual(['userEvents', 'notes', 'evidence'])

    // Nothing in the merged store points at an event or article that is not there.
    const merged = apply(existing, plan)
    const events = new Set([CURATED_EVENT, ...merged.userEvents.map((e) => e.id)])
    for (const row of [...merged.notes, ...merged.evidence, ...merged.eventAnnotations])
      expect(events.has(row.eventId)).toBe(true)
  })

  it('copies an article whose id holds other content, and moves its quotes to the copy', () => {
    const existing = validData()
    existing.articles[0] = makeImportedArticle({ sha256: 'b'.repeat(64), title: 'Another' })
    const plan = planMerge(existing, validData())
    const [article] = plan.add.articles
    expect(article!.id).toMatch(/^imported-1-copy-[0-9a-f]{8}$/)
    expect(article!.title).toBe(`${COPY_TITLE_PREFIX}Police figures`)
    expect(article!.sha256).toBe('a'.repeat(64))
    expect(plan.add.highlights.map((h) => h.articleId)).toEqual([article!.id])
    expect(plan.add.evidence.map((e) => e.articleId)).toEqual([article!.id])
  })

  it('treats the same content under another id as the same article', () => {
    const existing = emptyProjectData()
    existing.articles = [makeImportedArticle({ id: 'stored-copy', title: 'Kept title' })]
    const plan = planMerge(existing, validData())
    expect(plan.add.articles).toEqual([])
    expect(plan.add.highlights.find((h) => h.id === 'highlight-2')?.articleId).toBe('stored-copy')
    expect(plan.add.evidence.find((e) => e.id === 'evidence-1')?.articleId).toBe('stored-copy')
    // Quotes on bundled articles are untouched.
    expect(plan.add.highlights.find((h) => h.id === 'highlight-1')?.articleId).toBe(
      'bundled-article',
    )
    expect(plan.skipped).toBe(1)
    expect(plan.conflicts).toEqual([])
  })

  it('unites the tags and links of an annotation on the same event', () => {
    const existing = validData()
    existing.eventAnnotations[0] = {
      eventId: CURATED_EVENT,
      tags: ['mine'],
      people: ['A'],
      organisations: [],
      updatedAt: 100,
    }
    const plan = planMerge(existing, validData())
    expect(plan.add.eventAnnotations).toEqual([
      {
        eventId: CURATED_EVENT,
        tags: ['mine', 'law'],
        people: ['A'],
        organisations: [],
        updatedAt: 100,
      },
    ])
    expect(plan.combined).toEqual([CURATED_EVENT])
    // A subset of what is stored adds nothing.
    const again = planMerge(apply(existing, plan), validData())
    expect(again.add.eventAnnotations).toEqual([])
  })

  it('gives evidence and entity edit copies a new id and no other change', () => {
    const existing = validData()
    existing.evidence[1]!.stance = 'supports'
    existing.entityEdits[0]!.createdAt = 0
    const incoming = validData()
    const plan = planMerge(existing, incoming)
    expect(plan.add.evidence).toEqual([{ ...incoming.evidence[1], id: plan.add.evidence[0]!.id }])
    expect(plan.add.entityEdits).toEqual([
      { ...incoming.entityEdits[0], id: plan.add.entityEdits[0]!.id },
    ])
  })

  it('is deterministic, and importing the same file again adds nothing', () => {
    const existing = validData()
    existing.userEvents[0]!.summary = 'changed'
    existing.notes[0]!.body = 'changed'
    existing.articles[0] = makeImportedArticle({ sha256: 'c'.repeat(64) })
    const first = planMerge(existing, validData())
    expect(planMerge(structuredClone(existing), validData())).toEqual(first)
    expect(first.conflicts.length).toBeGreaterThan(0)

    const merged = apply(existing, first)
    const second = planMerge(merged, validData())
    expect(count(second.add)).toBe(0)
    expect(second.conflicts).toEqual([])
    expect(second.skipped).toBe(count(validData()))
  })

  it('does not let ids grow when a copy is copied again', () => {
    const existing = validData()
    existing.notes[0]!.body = 'one'
    const incoming = validData()
    incoming.notes[0]!.id = 'note-1-copy-0123abcd'
    existing.notes[0]!.id = 'note-1-copy-0123abcd'
    const plan = planMerge(existing, incoming)
    expect(plan.add.notes[0]!.id).toMatch(/^note-1-copy-[0-9a-f]{8}$/)
  })

  it('never takes an id an incoming record has', () => {
    const existing = validData()
    existing.notes[0]!.body = 'one'
    const probe = planMerge(existing, validData()).conflicts[0]!.copyId
    // The incoming file already holds a different record under the copy's natural id.
    const incoming = validData()
    incoming.notes.push({ ...incoming.notes[1]!, id: probe, body: 'unrelated' })
    const plan = planMerge(existing, incoming)
    const copy = plan.conflicts.find((c) => c.id === 'note-1')!
    expect(copy.copyId).not.toBe(probe)
    expect(new Set(apply(existing, plan).notes.map((n) => n.id)).size).toBe(
      existing.notes.length + plan.add.notes.length,
    )
  })
})
describe('planMerge: grades and explained conflicts', () => {
  const grade = (grade: string, updatedAt: number, targetId = 'evidence-1') => ({
    id: `quote:${targetId}`,
    kind: 'quote' as const,
    targetId,
    grade,
    reason: `graded ${grade}`,
    updatedAt,
  })

  it('keeps the more recently changed grade of one target, the stored one on a tie', () => {
    const existing = { ...validData(), grades: [grade('2', 10)] }
    expect(planMerge(existing, { ...validData(), grades: [grade('4', 20)] })).toMatchObject({
      add: { grades: [grade('4', 20)] },
      replaced: ['quote:evidence-1'],
    })
    const older = planMerge(existing, { ...validData(), grades: [grade('4', 10)] })
    expect(older.add.grades).toEqual([])
    expect(older.replaced).toEqual([])
  })

  it('moves a grade to the copy its quote was stored under', () => {
    const existing = validData()
    existing.evidence[0]!.stance = 'contradicts'
    const plan = planMerge(existing, { ...validData(), grades: [grade('3', 5)] })
    const copyId = plan.conflicts.find((c) => c.table === 'evidence')!.copyId
    expect(plan.add.grades).toEqual([{ ...grade('3', 5, copyId) }])
  })

  it('adds explained notes the store lacks and skips ones it has', () => {
    const note = { id: `support:${CURATED_EVENT}`, note: 'Timing only.', updatedAt: 3 }
    const plan = planMerge(
      { ...validData(), conflictNotes: [note] },
      { ...validData(), conflictNotes: [note, { ...note, id: 'dates:x' }] },
    )
    expect(plan.add.conflictNotes).toEqual([{ ...note, id: 'dates:x' }])
  })
})

describe('planMergePaced', () => {
  /** The benchmark's generated project, as the check reads it. */
  function generated(events: number): ProjectData {
    const parsed = parseProjectFile(JSON.stringify(generateProject(events)), testContext())
    if (!parsed.ok) throw new Error(parsed.problems.join('\n'))
    return parsed.project.data
  }

  it('makes the plan planMerge makes, pausing along the way', async () => {
    const incoming = generated(600)
    // The generator writes no annotations or grades: some of each, so their passes are paced too.
    incoming.eventAnnotations = incoming.userEvents.slice(0, 300).map((e, i) => ({
      eventId: e.id,
      tags: [`tag-${i % 5}`],
      people: [],
      organisations: [],
      updatedAt: i,
    }))
    incoming.grades = incoming.evidence.slice(0, 300).map((e, i) => ({
      id: `quote:${e.id}`,
      kind: 'quote' as const,
      targetId: e.id,
      grade: '2',
      reason: `graded ${i}`,
      updatedAt: 10 + i,
    }))
    // A store that has part of the file, some of it changed: skips, copies, unions, newer grades.
    const existing = structuredClone(incoming)
    existing.userEvents = existing.userEvents.filter((_, i) => i % 3 !== 0)
    existing.userEvents.forEach((e, i) => i % 7 === 0 && (e.title = `Changed ${i}`))
    existing.notes.forEach((n, i) => i % 5 === 0 && (n.body = `Changed ${i}`))
    existing.eventAnnotations.forEach((a, i) => i % 4 === 0 && (a.tags = ['here-only']))
    existing.articles[0]!.sha256 = 'c'.repeat(64)
    existing.grades.forEach((g, i) => i % 2 === 0 && ((g.updatedAt -= 1), (g.reason = 'older')))

    for (const store of [emptyProjectData(), existing]) {
      const pacer = countingPacer()
      const paced = await planMergePaced(store, incoming, pacer)
      const whole = planMerge(store, incoming)
      expect(paced).toEqual(whole)
      const rows = PROJECT_TABLES.reduce((n, table) => n + incoming[table].length, 0)
      // A pause every 128 rows or so of each pass, and not at every row.
      expect(pacer.pauses).toBeGreaterThan(rows / 128)
      expect(pacer.pauses).toBeLessThan(rows)
    }
    expect(planMerge(existing, incoming).conflicts.length).toBeGreaterThan(0)
    expect(planMerge(existing, incoming).combined.length).toBeGreaterThan(0)
    expect(planMerge(existing, incoming).replaced.length).toBeGreaterThan(0)
  })

  it('pauses nowhere when the pacer is never due, and plans an empty file', async () => {
    const pacer = countingPacer(Infinity)
    expect(await planMergePaced(validData(), validData(), pacer)).toEqual(
      planMerge(validData(), validData()),
    )
    expect(pacer.pauses).toBe(0)
    expect(await planMergePaced(validData(), emptyProjectData(), countingPacer())).toEqual(
      planMerge(validData(), emptyProjectData()),
    )
  })
})

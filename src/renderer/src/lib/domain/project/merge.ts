/**
 * Merging a project file into what the store already holds, without losing either side: what is
 * already there is skipped, a record whose id is taken by something different is added as a
 * flagged copy under a new id, and references to the copy follow it. Pure and deterministic: the
 * same store and file always give the same plan, at once (planMerge) or in slices that give the
 * window turns (planMergePaced, 100k records). Policy: docs/decisions/0006-project-file.md.
 */
import { canonicalJson, deepEqual } from '../canonical'
import { MAX_ID_LENGTH, emptyProjectData, type ProjectData, type ProjectTable } from './format'
import { gradeId } from '../grading'
import { runSteps, runStepsPaced, type Pacer } from '../pacing'

/** A record added as a copy because its id was taken by different content. */
export interface MergeConflict {
  table: ProjectTable
  id: string
  copyId: string
}

export interface MergePlan {
  /** Records to write: all new ids except eventAnnotations, which are puts (see `combined`). */
  add: ProjectData
  /** Incoming records already in the store (or, for articles, the same content under any id). */
  skipped: number
  conflicts: MergeConflict[]
  /** Event ids whose incoming annotation was united with the stored one. */
  combined: string[]
  /** Grade and explained-conflict ids where the file's newer record replaced the stored one. */
  replaced: string[]
}

/** The title of a user event or article copied on import starts with this. */
export const COPY_TITLE_PREFIX = '[Imported copy] '

/** The line a note or highlight copied on import ends with. */
export function copyNoteLine(id: string): string {
  return `(Imported copy of ${id})`
}

type Row = { id: string }

/**
 * What to write so that the store holds both `existing` and `incoming`. Reads neither argument's
 * records as mutable: the plan holds fresh objects wherever something changed.
 */
export function planMerge(existing: ProjectData, incoming: ProjectData): MergePlan {
  return runSteps(planning(existing, incoming))
}

/** planMerge in slices, pausing whenever `pacer` says a slice has run long; the same plan. */
export function planMergePaced(
  existing: ProjectData,
  incoming: ProjectData,
  pacer: Pacer,
): Promise<MergePlan> {
  return runStepsPaced(planning(existing, incoming), pacer)
}

/** Rows between the places the plan may pause: asking the pacer costs more than a row. */
const ROWS_PER_STEP = 128

/** Where a loop over rows may pause: every ROWS_PER_STEP-th row. */
const mayPause = (index: number): boolean => index % ROWS_PER_STEP === ROWS_PER_STEP - 1

/** Each of `rows` through `each`, yielding (a place to pause) every ROWS_PER_STEP rows. */
function* eachRow<T>(rows: readonly T[], each: (row: T) => void): Generator<void, void, void> {
  for (let i = 0; i < rows.length; i++) {
    each(rows[i]!)
    if (mayPause(i)) yield
  }
}

/** `rows` mapped, yielding every ROWS_PER_STEP rows. */
function* mapRows<T, U>(rows: readonly T[], map: (row: T) => U): Generator<void, U[], void> {
  const out = new Array<U>(rows.length)
  for (let i = 0; i < rows.length; i++) {
    out[i] = map(rows[i]!)
    if (mayPause(i)) yield
  }
  return out
}

/** planMerge's work, yielding wherever it may pause. */
function* planning(existing: ProjectData, incoming: ProjectData): Generator<void, MergePlan, void> {
  const add = emptyProjectData()
  const conflicts: MergeConflict[] = []
  const combined: string[] = []
  let skipped = 0

  // Articles first, then events: the other tables point at them, and their ids may change.
  const articleIds = new Map<string, string>()
  const storedBySha = new Map<string, string>()
  yield* eachRow(existing.articles, (a) => storedBySha.set(a.sha256, a.id))
  const incomingArticles: typeof incoming.articles = []
  yield* eachRow(incoming.articles, (article) => {
    // The same file under any id is the same article: the stored one (and its metadata) wins.
    const stored = storedBySha.get(article.sha256)
    if (stored === undefined) return void incomingArticles.push(article)
    articleIds.set(article.id, stored)
    skipped++
  })
  const articles = yield* mergeTable('articles', existing.articles, incomingArticles, (copy) => ({
    ...copy,
    title: prefixTitle(copy.title),
  }))
  add.articles = articles.add
  for (const [id, copyId] of articles.renamed) articleIds.set(id, copyId)

  const events = yield* mergeTable(
    'userEvents',
    existing.userEvents,
    incoming.userEvents,
    (copy) => ({ ...copy, title: prefixTitle(copy.title) }),
  )
  add.userEvents = events.add
  const eventIds = events.renamed

  const toEvent = (id: string): string => eventIds.get(id) ?? id
  const toArticle = (id: string): string => articleIds.get(id) ?? id

  const notes = yield* mergeTable(
    'notes',
    existing.notes,
    yield* mapRows(incoming.notes, (n) => withChanged(n, { eventId: toEvent(n.eventId) })),
    (copy, id) => ({ ...copy, body: appendLine(copy.body, copyNoteLine(id)) }),
  )
  add.notes = notes.add

  const highlights = yield* mergeTable(
    'highlights',
    existing.highlights,
    yield* mapRows(incoming.highlights, (h) =>
      withChanged(h, { articleId: toArticle(h.articleId) }),
    ),
    (copy, id) => ({ ...copy, note: appendLine(copy.note, copyNoteLine(id)) }),
  )
  add.highlights = highlights.add

  // Evidence and entity edits have no free text to carry a flag: only their id says "copy".
  const evidence = yield* mergeTable(
    'evidence',
    existing.evidence,
    yield* mapRows(incoming.evidence, (e) =>
      withChanged(e, { eventId: toEvent(e.eventId), articleId: toArticle(e.articleId) }),
    ),
    (copy) => copy,
  )
  add.evidence = evidence.add

  const edits = yield* mergeTable(
    'entityEdits',
    existing.entityEdits,
    incoming.entityEdits,
    (c) => c,
  )
  add.entityEdits = edits.add

  for (const result of [articles, events, notes, highlights, evidence, edits]) {
    skipped += result.skipped
    conflicts.push(...result.conflicts)
  }

  // Annotations are keyed by their event, so two of them cannot be kept side by side: tags and
  // links are sets, and the union keeps everything either side had.
  const storedAnnotations = new Map<string, (typeof existing.eventAnnotations)[number]>()
  yield* eachRow(existing.eventAnnotations, (a) => storedAnnotations.set(a.eventId, a))
  yield* eachRow(incoming.eventAnnotations, (annotation) => {
    const incomingOne = withChanged(annotation, { eventId: toEvent(annotation.eventId) })
    const stored = storedAnnotations.get(incomingOne.eventId)
    if (!stored) return void add.eventAnnotations.push(incomingOne)
    const union = {
      eventId: stored.eventId,
      tags: unite(stored.tags, incomingOne.tags),
      people: unite(stored.people, incomingOne.people),
      organisations: unite(stored.organisations, incomingOne.organisations),
      updatedAt: stored.updatedAt,
    }
    if (deepEqual(union, stored)) return void skipped++
    add.eventAnnotations.push({
      ...union,
      updatedAt: Math.max(stored.updatedAt, incomingOne.updatedAt),
    })
    combined.push(stored.eventId)
  })

  // Grades and explained conflicts describe one target each, so two cannot stand side by side:
  // the more recently changed one is kept (the stored one on a tie). Targets follow renamed copies.
  const toQuote = (id: string): string => evidence.renamed.get(id) ?? id
  const toHighlight = (id: string): string => highlights.renamed.get(id) ?? id
  const grades = yield* mapRows(incoming.grades, (grade) => {
    const targetId =
      grade.kind === 'article'
        ? toArticle(grade.targetId)
        : grade.kind === 'quote'
          ? toQuote(grade.targetId)
          : toHighlight(grade.targetId)
    return withChanged(grade, { targetId, id: gradeId(grade.kind, targetId) })
  })
  const replaced: string[] = []
  function* newer<T extends { id: string; updatedAt: number }>(
    stored: readonly T[],
    rows: readonly T[],
  ): Generator<void, T[], void> {
    const byId = new Map<string, T>()
    yield* eachRow(stored, (r) => byId.set(r.id, r))
    const kept: T[] = []
    yield* eachRow(rows, (row) => {
      const current = byId.get(row.id)
      if (current === undefined) return void kept.push(row)
      if (deepEqual(current, row) || current.updatedAt >= row.updatedAt) return void skipped++
      replaced.push(row.id)
      kept.push(row)
    })
    return kept
  }
  add.grades = yield* newer(existing.grades, grades)
  add.conflictNotes = yield* newer(existing.conflictNotes, incoming.conflictNotes)

  return { add, skipped, conflicts, combined, replaced }
}

interface TableMerge<T> {
  add: T[]
  skipped: number
  conflicts: MergeConflict[]
  /** Incoming id → the id its copy was stored (or found) under. */
  renamed: Map<string, string>
}

/**
 * One id-keyed table. `flag` marks a copy (given the copy with its new id, and the original id);
 * it must depend only on those, so that importing the same file again finds the same copy.
 */
function* mergeTable<T extends Row>(
  table: ProjectTable,
  existing: readonly T[],
  incoming: readonly T[],
  flag: (copy: T, originalId: string) => T,
): Generator<void, TableMerge<T>, void> {
  const stored = new Map<string, T>()
  yield* eachRow(existing, (row) => stored.set(row.id, row))
  // Ids a copy may not take: every incoming id, and every copy planned so far.
  const taken = new Set<string>()
  yield* eachRow(incoming, (row) => taken.add(row.id))
  const result: TableMerge<T> = { add: [], skipped: 0, conflicts: [], renamed: new Map() }
  for (let i = 0; i < incoming.length; i++) {
    if (i > 0 && mayPause(i - 1)) yield
    const row = incoming[i]!
    const current = stored.get(row.id)
    if (current === undefined) {
      result.add.push(row)
      continue
    }
    if (deepEqual(current, row)) {
      result.skipped++
      continue
    }
    const hash = contentHash(row)
    for (let attempt = 0; ; attempt++) {
      const copyId = makeCopyId(row.id, attempt === 0 ? hash : contentHash([row, attempt]))
      if (taken.has(copyId)) continue
      const copy = flag({ ...row, id: copyId }, row.id)
      const there = stored.get(copyId)
      if (there !== undefined && !deepEqual(there, copy)) continue
      // A copy already stored by an earlier import of the same file is not made twice.
      if (there === undefined) {
        result.add.push(copy)
        result.conflicts.push({ table, id: row.id, copyId })
      } else result.skipped++
      taken.add(copyId)
      result.renamed.set(row.id, copyId)
      break
    }
  }
  return result
}

const COPY_SUFFIX = /(-copy-[0-9a-f]{8})+$/

/** `<id>-copy-<hash>`; a copy of a copy replaces the earlier suffix so ids do not grow. */
function makeCopyId(id: string, hash: string): string {
  const suffix = `-copy-${hash}`
  const base = id.replace(COPY_SUFFIX, '').slice(0, MAX_ID_LENGTH - suffix.length)
  return `${base}${suffix}`
}

/** Spreads only when something changes, so untouched records stay the caller's objects. */
function withChanged<T extends object>(row: T, change: Partial<T>): T {
  for (const key of Object.keys(change) as (keyof T)[])
    if (row[key] !== change[key]) return { ...row, ...change }
  return row
}

function prefixTitle(title: string): string {
  return title.startsWith(COPY_TITLE_PREFIX) ? title : COPY_TITLE_PREFIX + title
}

function appendLine(text: string, line: string): string {
  return text === '' ? line : `${text}\n\n${line}`
}

/** a, then what b adds, in order, without repeats. */
function unite(a: readonly string[], b: readonly string[]): string[] {
  const out = [...a]
  const seen = new Set(a)
  for (const item of b) {
    if (seen.has(item)) continue
    seen.add(item)
    out.push(item)
  }
  return out
}

/** 8 hex digits of a 53-bit hash (cyrb53) of the value's canonical JSON. Not cryptographic. */
function contentHash(value: unknown): string {
  const text = canonicalJson(value)
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ c, 2654435761)
    h2 = Math.imul(h2 ^ c, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  const n = 4294967296 * (2097151 & h2) + (h1 >>> 0)
  return n.toString(16).padStart(14, '0').slice(-8)
}

/**
 * Merging a project file into what the store already holds, without losing either side: what is
 * already there is skipped, a record whose id is taken by something different is added as a
 * flagged copy under a new id, and references to the copy follow it. Pure and deterministic: the
 * same store and file always give the same plan. Policy: docs/decisions/0006-project-file.md.
 */
import { canonicalJson, deepEqual } from '../canonical'
import { MAX_ID_LENGTH, emptyProjectData, type ProjectData, type ProjectTable } from './format'

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
  const add = emptyProjectData()
  const conflicts: MergeConflict[] = []
  const combined: string[] = []
  let skipped = 0

  // Articles first, then events: the other tables point at them, and their ids may change.
  const articleIds = new Map<string, string>()
  const storedBySha = new Map(existing.articles.map((a) => [a.sha256, a.id]))
  const incomingArticles = incoming.articles.filter((article) => {
    // The same file under any id is the same article: the stored one (and its metadata) wins.
    const stored = storedBySha.get(article.sha256)
    if (stored === undefined) return true
    articleIds.set(article.id, stored)
    skipped++
    return false
  })
  const articles = mergeTable('articles', existing.articles, incomingArticles, (copy) => ({
    ...copy,
    title: prefixTitle(copy.title),
  }))
  add.articles = articles.add
  for (const [id, copyId] of articles.renamed) articleIds.set(id, copyId)

  const events = mergeTable('userEvents', existing.userEvents, incoming.userEvents, (copy) => ({
    ...copy,
    title: prefixTitle(copy.title),
  }))
  add.userEvents = events.add
  const eventIds = events.renamed

  const toEvent = (id: string): string => eventIds.get(id) ?? id
  const toArticle = (id: string): string => articleIds.get(id) ?? id

  const notes = mergeTable(
    'notes',
    existing.notes,
    incoming.notes.map((n) => withChanged(n, { eventId: toEvent(n.eventId) })),
    (copy, id) => ({ ...copy, body: appendLine(copy.body, copyNoteLine(id)) }),
  )
  add.notes = notes.add

  const highlights = mergeTable(
    'highlights',
    existing.highlights,
    incoming.highlights.map((h) => withChanged(h, { articleId: toArticle(h.articleId) })),
    (copy, id) => ({ ...copy, note: appendLine(copy.note, copyNoteLine(id)) }),
  )
  add.highlights = highlights.add

  // Evidence and entity edits have no free text to carry a flag: only their id says "copy".
  const evidence = mergeTable(
    'evidence',
    existing.evidence,
    incoming.evidence.map((e) =>
      withChanged(e, { eventId: toEvent(e.eventId), articleId: toArticle(e.articleId) }),
    ),
    (copy) => copy,
  )
  add.evidence = evidence.add

  const edits = mergeTable('entityEdits', existing.entityEdits, incoming.entityEdits, (c) => c)
  add.entityEdits = edits.add

  for (const result of [articles, events, notes, highlights, evidence, edits]) {
    skipped += result.skipped
    conflicts.push(...result.conflicts)
  }

  // Annotations are keyed by their event, so two of them cannot be kept side by side: tags and
  // links are sets, and the union keeps everything either side had.
  const storedAnnotations = new Map(existing.eventAnnotations.map((a) => [a.eventId, a]))
  for (const annotation of incoming.eventAnnotations) {
    const incomingOne = withChanged(annotation, { eventId: toEvent(annotation.eventId) })
    const stored = storedAnnotations.get(incomingOne.eventId)
    if (!stored) {
      add.eventAnnotations.push(incomingOne)
      continue
    }
    const union = {
      eventId: stored.eventId,
      tags: unite(stored.tags, incomingOne.tags),
      people: unite(stored.people, incomingOne.people),
      organisations: unite(stored.organisations, incomingOne.organisations),
      updatedAt: stored.updatedAt,
    }
    if (deepEqual(union, stored)) {
      skipped++
      continue
    }
    add.eventAnnotations.push({
      ...union,
      updatedAt: Math.max(stored.updatedAt, incomingOne.updatedAt),
    })
    combined.push(stored.eventId)
  }

  return { add, skipped, conflicts, combined }
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
function mergeTable<T extends Row>(
  table: ProjectTable,
  existing: readonly T[],
  incoming: readonly T[],
  flag: (copy: T, originalId: string) => T,
): TableMerge<T> {
  const stored = new Map(existing.map((row) => [row.id, row]))
  // Ids a copy may not take: every incoming id, and every copy planned so far.
  const taken = new Set(incoming.map((row) => row.id))
  const result: TableMerge<T> = { add: [], skipped: 0, conflicts: [], renamed: new Map() }
  for (const row of incoming) {
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

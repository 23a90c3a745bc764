/**
 * The project file: everything the user made (notes, highlights, their own events, evidence,
 * annotations, entity edits, imported articles, grades, explained conflicts) as one JSON document, how it is written, and every
 * check a file must pass before anything of it is stored. Pure: text in, values or problems out.
 * The format, the order of the checks and why are in docs/decisions/0006-project-file.md.
 */
import * as v from 'valibot'
import { CATEGORIES, type CategoryId } from '$shared/corpus'
import { EntityEditSchema } from '$shared/entities'
import { formatBytes } from '../bytes'
import { encodingName, misreadEncoding } from '../encoding'
import { sortKeysDeep } from '../canonical'
import { sha256Hex } from '../corpus'
import { isValidEdtf } from '../dates'
import { articleLanguage, directionOf, normaliseLanguageTag } from '../language'
import { MAX_REASON_LENGTH, gradeId, validGrade, type GradeRecord } from '../grading'
import type { ConflictNote } from '../conflicts'
import type {
  EventAnnotation,
  Highlight,
  ImportedArticle,
  Note,
  UserEvent,
  UserEvidence,
} from '../types'

export const PROJECT_FORMAT_VERSION = 1
export const PROJECT_APP = 'Sourceline'

/**
 * Larger files are refused before they are parsed: JSON.parse would hold several copies. Sized
 * for 100,000 events with their quotes, 5,000 articles and 50,000 notes and highlights
 * (docs/decisions/0017-scale-timeline-windowing.md), under V8's longest string (~512 M).
 */
export const MAX_PROJECT_BYTES = 400_000_000
export const MAX_RECORDS_PER_TABLE = 250_000
/** Real files nest about 7 deep; anything near 64 was not written by Sourceline. */
export const MAX_DEPTH = 64
/** A list of problems longer than this is cut, saying how many were left out. */
export const MAX_PROBLEMS = 20

/** The tables a project holds, in the order the file lists them. */
export const PROJECT_TABLES = [
  'notes',
  'highlights',
  'userEvents',
  'evidence',
  'eventAnnotations',
  'entityEdits',
  'articles',
  'grades',
  'conflictNotes',
] as const
export type ProjectTable = (typeof PROJECT_TABLES)[number]

/** An entity edit as stored: the edit is checked by EntityEditSchema when a file is read. */
export interface StoredEntityEdit {
  id: string
  createdAt: number
  edit: unknown
}

export interface ProjectData {
  notes: Note[]
  highlights: Highlight[]
  userEvents: UserEvent[]
  evidence: UserEvidence[]
  eventAnnotations: EventAnnotation[]
  entityEdits: StoredEntityEdit[]
  articles: ImportedArticle[]
  grades: GradeRecord[]
  conflictNotes: ConflictNote[]
}

/** What the file says about itself besides the data: when, and over which bundled corpus. */
export interface ProjectMeta {
  exportedAt: string
  corpus: { title: string; articleIds: string[] }
}

export interface Project extends ProjectMeta {
  formatVersion: typeof PROJECT_FORMAT_VERSION
  app: typeof PROJECT_APP
  data: ProjectData
}

/** What the running app knows that a file's references must agree with. */
export interface ProjectContext {
  /** Ids of the bundled articles. */
  knownArticleIds: ReadonlySet<string>
  /** Ids of the curated events. */
  knownEventIds: ReadonlySet<string>
  /** Bodies of the bundled articles, by id, to check quotes against. */
  bodies: ReadonlyMap<string, string>
  /** Defaults to MAX_PROJECT_BYTES; tests pass a small one. */
  maxBytes?: number
}

export type ProjectParseResult = { ok: true; project: Project } | { ok: false; problems: string[] }

export function emptyProjectData(): ProjectData {
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

/** How many records each table holds. */
export function recordsPerTable(data: ProjectData): Record<ProjectTable, number> {
  const counts = {} as Record<ProjectTable, number>
  for (const table of PROJECT_TABLES) counts[table] = data[table].length
  return counts
}

/** How many records all tables hold together. */
export function totalRecords(data: ProjectData): number {
  return PROJECT_TABLES.reduce((sum, table) => sum + data[table].length, 0)
}

// ---------------------------------------------------------------------------------------------
// Schema. Limits sit well above what the app's own actions allow (a note is at most a million
// characters, a title 300), so whatever the app stored can always be exported and read back.

const MB = 1_000_000

/** Record ids: UUIDs, `user-<uuid>`, curated slugs, and `<id>-copy-<hash>` made by a merge. */
export const MAX_ID_LENGTH = 200
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/
const Id = v.pipe(
  v.string(),
  v.minLength(1, 'an id cannot be empty'),
  v.maxLength(MAX_ID_LENGTH, `an id is at most ${MAX_ID_LENGTH} characters`),
  v.regex(ID_PATTERN, 'an id is letters, digits and - _ . : only'),
)

const Text = (max: number) =>
  v.pipe(v.string(), v.maxLength(max, `is longer than ${max.toLocaleString('en')} characters`))

const List = <T extends v.GenericSchema>(item: T, max: number) =>
  v.pipe(v.array(item), v.maxLength(max, `has more than ${max.toLocaleString('en')} entries`))

const Table = <T extends v.GenericSchema>(record: T) => List(record, MAX_RECORDS_PER_TABLE)

/** ms since the epoch, within the range a Date can hold. */
const Time = v.pipe(
  v.number(),
  v.integer('is not a whole number of milliseconds'),
  v.minValue(0, 'is before 1970'),
  v.maxValue(8.64e15, 'is past the last date JavaScript can hold'),
)

/** Tags, people and organisations on a record. */
const Labels = List(Text(1000), 10_000)

/**
 * The user's quotes, like the curated ones ($shared/corpus) but not capped at 20,000 characters:
 * a highlight can be as long as the passage the user selected.
 */
const QuoteSchema = v.strictObject({
  type: v.literal('TextQuoteSelector'),
  exact: v.pipe(v.string(), v.minLength(1, 'a quote cannot be empty'), v.maxLength(20 * MB)),
  prefix: Text(1000),
  suffix: Text(1000),
})

const PositionSchema = v.pipe(
  v.strictObject({
    type: v.literal('TextPositionSelector'),
    start: v.pipe(v.number(), v.integer(), v.minValue(0)),
    end: v.pipe(v.number(), v.integer(), v.minValue(1)),
  }),
  v.check((s) => s.end > s.start, 'a position must end after it starts'),
)

/** As $shared/corpus's, but the note may say anything the user typed (it quotes their input). */
const DatingSchema = v.strictObject({
  edtf: v.nullable(v.pipe(v.string(), v.minLength(1), v.maxLength(100))),
  note: Text(10_000),
})

const CategorySchema = v.picklist(CATEGORIES.map((c) => c.id) as [CategoryId, ...CategoryId[]])

// Each record schema is typed with its domain type, so a field added to a type and not here (or
// the other way round) fails to compile instead of failing every export.

const NoteSchema: v.GenericSchema<Note> = v.strictObject({
  id: Id,
  eventId: Id,
  body: Text(5 * MB),
  createdAt: Time,
  updatedAt: Time,
})

const HighlightSchema: v.GenericSchema<Highlight> = v.strictObject({
  id: Id,
  articleId: Id,
  quote: QuoteSchema,
  position: PositionSchema,
  note: Text(5 * MB),
  tags: Labels,
  createdAt: Time,
  updatedAt: Time,
})

const UserEventSchema: v.GenericSchema<UserEvent> = v.strictObject({
  id: Id,
  title: Text(1000),
  summary: Text(5 * MB),
  date: DatingSchema,
  category: CategorySchema,
  people: Labels,
  organisations: Labels,
  createdAt: Time,
  updatedAt: Time,
})

const EvidenceSchema: v.GenericSchema<UserEvidence> = v.strictObject({
  id: Id,
  eventId: Id,
  articleId: Id,
  stance: v.picklist(['supports', 'contradicts']),
  quote: QuoteSchema,
  position: PositionSchema,
  createdAt: Time,
})

const AnnotationSchema: v.GenericSchema<EventAnnotation> = v.strictObject({
  eventId: Id,
  tags: Labels,
  people: Labels,
  organisations: Labels,
  updatedAt: Time,
})

const EntityEditRecordSchema: v.GenericSchema<StoredEntityEdit> = v.strictObject({
  id: Id,
  createdAt: Time,
  edit: EntityEditSchema,
})

/** Files written before articles kept a language have none: it is read from the text. */
type StoredArticle = Omit<ImportedArticle, 'language' | 'direction'> &
  Partial<Pick<ImportedArticle, 'language' | 'direction'>>

const LanguageTag = v.pipe(
  v.string(),
  v.check((tag) => normaliseLanguageTag(tag) === tag, 'is not a BCP 47 language tag'),
)

const ArticleSchema: v.GenericSchema<StoredArticle, ImportedArticle> = v.pipe(
  v.strictObject({
    id: Id,
    title: Text(1000),
    outlet: v.nullable(Text(1000)),
    byline: v.nullable(Text(1000)),
    published: DatingSchema,
    url: v.nullable(Text(10_000)),
    body: Text(20 * MB),
    original: Text(20 * MB),
    originalName: Text(1000),
    mediaType: v.picklist(['text/html', 'text/markdown', 'text/plain']),
    sha256: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'is not 64 lowercase hex digits')),
    importedAt: Time,
    updatedAt: Time,
    language: v.optional(LanguageTag),
    direction: v.optional(v.picklist(['ltr', 'rtl'])),
  }),
  v.transform((article): ImportedArticle => {
    const language = article.language ?? articleLanguage(article.body).language
    return { ...article, language, direction: article.direction ?? directionOf(language) }
  }),
)

/** Curated quotes are graded under `<eventId>#<n>`, so a grade's target may hold a '#'. */
const GradeTarget = v.pipe(
  v.string(),
  v.minLength(1, 'a target id cannot be empty'),
  v.maxLength(MAX_ID_LENGTH, `an id is at most ${MAX_ID_LENGTH} characters`),
  v.regex(/^[A-Za-z0-9][A-Za-z0-9_.:#-]*$/, 'a target id is letters, digits and - _ . : # only'),
)

const GradeSchema: v.GenericSchema<GradeRecord> = v.pipe(
  v.strictObject({
    id: v.pipe(v.string(), v.maxLength(MAX_ID_LENGTH + 20)),
    kind: v.picklist(['article', 'quote', 'highlight']),
    targetId: GradeTarget,
    grade: v.string(),
    reason: Text(MAX_REASON_LENGTH),
    updatedAt: Time,
  }),
  v.check((g) => validGrade(g.kind, g.grade), 'grade: not a grade this kind of target can carry'),
  v.check((g) => g.id === gradeId(g.kind, g.targetId), 'id: must be "<kind>:<targetId>"'),
)

/** Conflict keys are made of event ids, years, categories and counted words. */
const ConflictNoteSchema: v.GenericSchema<ConflictNote> = v.strictObject({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(1000)),
  note: Text(MAX_REASON_LENGTH * 5),
  updatedAt: Time,
})

/** Tables added after format 1 shipped: files written before them simply have none. */
const LaterTable = <T extends v.GenericSchema>(record: T) => v.optional(Table(record), [])

export const ProjectFileSchema: v.GenericSchema<unknown, Project> = v.strictObject({
  formatVersion: v.literal(PROJECT_FORMAT_VERSION),
  app: v.literal(PROJECT_APP),
  exportedAt: v.pipe(v.string(), v.isoTimestamp('is not an ISO 8601 date and time')),
  corpus: v.strictObject({
    title: Text(1000),
    articleIds: List(Id, MAX_RECORDS_PER_TABLE),
  }),
  data: v.strictObject({
    notes: Table(NoteSchema),
    highlights: Table(HighlightSchema),
    userEvents: Table(UserEventSchema),
    evidence: Table(EvidenceSchema),
    eventAnnotations: Table(AnnotationSchema),
    entityEdits: Table(EntityEditRecordSchema),
    articles: Table(ArticleSchema),
    grades: LaterTable(GradeSchema),
    conflictNotes: LaterTable(ConflictNoteSchema),
  }),
})

// ---------------------------------------------------------------------------------------------
// Writing

/**
 * The file's text: pretty JSON, the same bytes for the same data whatever order the store
 * returned records or keys in. Records are sorted by id (annotations by event id); keys inside
 * records alphabetically; the envelope in the order a reader wants to see it.
 */
export function serializeProject(snapshot: ProjectData, meta: ProjectMeta): string {
  return JSON.stringify(projectFileValue(snapshot, meta), null, 2) + '\n'
}

/** What the file holds, before it is written as JSON (in one piece above, or in pieces). */
export function projectFileValue(snapshot: ProjectData, meta: ProjectMeta): object {
  const data: Record<string, unknown> = {}
  for (const table of PROJECT_TABLES) {
    const key = table === 'eventAnnotations' ? 'eventId' : 'id'
    const rows: readonly object[] = snapshot[table]
    data[table] = rows
      .map((row) => sortKeysDeep(row) as Record<string, unknown>)
      .sort((a, b) => compareCodeUnits(String(a[key]), String(b[key])))
  }
  return {
    formatVersion: PROJECT_FORMAT_VERSION,
    app: PROJECT_APP,
    exportedAt: meta.exportedAt,
    corpus: { title: meta.corpus.title, articleIds: [...meta.corpus.articleIds] },
    data,
  }
}

/** Code-unit order, as IndexedDB sorts string keys; localeCompare would differ between machines. */
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

// ---------------------------------------------------------------------------------------------
// Reading

/**
 * Reads and checks a project file, stopping at the first stage that finds problems: size, JSON
 * syntax (naming UTF-16/UTF-32 read as UTF-8), forbidden keys, nesting, envelope (object, format
 * version, app), then schema together with references, offsets, quotes, dates and duplicate ids
 * of the records the schema accepts, so each record's problems are all listed. Checksums of imported articles need
 * crypto.subtle, which is async: see verifyProjectChecksums.
 */
export function parseProjectFile(text: string, context: ProjectContext): ProjectParseResult {
  const fail = (problems: string[]): ProjectParseResult => ({
    ok: false,
    problems: capProblems(problems),
  })

  const maxBytes = context.maxBytes ?? MAX_PROJECT_BYTES
  const bytes = utf8LengthUpTo(text, maxBytes)
  if (bytes > maxBytes) return fail([projectTooLarge(utf8Length(text), maxBytes)])

  if (text.trim() === '') return fail(['The file is empty.'])

  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    const misread = misreadEncoding(text)
    if (misread)
      return fail([
        `The file is in ${encodingName(misread)}, not UTF-8, so it cannot be read as a project ` +
          'file. Save it as UTF-8 and try again.',
      ])
    return fail([jsonProblem(text, error)])
  }

  const shape = shapeProblem(json)
  if (shape) return fail([shape])

  if (json === null || typeof json !== 'object' || Array.isArray(json))
    return fail([`This is not a Sourceline project: the file holds ${describeJson(json)}.`])

  const envelope = json as Record<string, unknown>
  const version = envelope['formatVersion']
  if (version === undefined)
    return fail(['This is not a Sourceline project: it has no formatVersion.'])
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return fail([`formatVersion: ${JSON.stringify(version)} is not a format version.`])
  if (version > PROJECT_FORMAT_VERSION)
    return fail([
      `This project was made by a newer Sourceline (format ${version}); this version reads ` +
        `format ${PROJECT_FORMAT_VERSION}. Update Sourceline to open it.`,
    ])
  if (envelope['app'] !== PROJECT_APP)
    return fail([
      `This file was not made by Sourceline: app is ${JSON.stringify(envelope['app'])}, ` +
        `expected "${PROJECT_APP}".`,
    ])

  // Tables are counted before the schema runs, which checks only the first MAX_RECORDS_PER_TABLE
  // records of each: listing every bad record of a million-record table can exhaust the memory.
  // Their problems come first, so the list's cap at MAX_PROBLEMS never hides them.
  const { checked, oversized } = capTables(envelope)
  const parsed = v.safeParse(ProjectFileSchema, checked)
  if (!parsed.success)
    return fail([
      ...oversized,
      ...parsed.issues.map(describeIssue),
      // Tables cut short, or a list already full, leave nothing worth checking twice.
      ...(oversized.length === 0 && parsed.issues.length < MAX_PROBLEMS
        ? referenceProblemsBeside(checked, parsed.issues, context)
        : []),
    ])
  if (oversized.length > 0) return fail(oversized)

  const problems = referenceProblems(parsed.output, context)
  if (problems.length > 0) return fail(problems)
  return { ok: true, project: parsed.output }
}

/** One problem for each imported article whose original does not hash to its sha256. */
export async function verifyProjectChecksums(project: Project): Promise<string[]> {
  const problems: string[] = []
  for (const [i, article] of project.data.articles.entries()) {
    const actual = await sha256Hex(article.original)
    if (actual !== article.sha256)
      problems.push(
        `data.articles[${i}].sha256: article "${article.id}" records ${article.sha256}, but its ` +
          `original text hashes to ${actual} (was the file edited?)`,
      )
  }
  return capProblems(problems)
}

function capProblems(problems: string[]): string[] {
  if (problems.length <= MAX_PROBLEMS) return problems
  return [...problems.slice(0, MAX_PROBLEMS), `…and ${problems.length - MAX_PROBLEMS} more.`]
}

/**
 * The envelope with each table of `data` cut to MAX_RECORDS_PER_TABLE records, and one problem
 * for each table that was cut, worded as the schema's own length check.
 */
function capTables(envelope: Record<string, unknown>): {
  checked: Record<string, unknown>
  oversized: string[]
} {
  const data = envelope['data']
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    return { checked: envelope, oversized: [] }
  const oversized: string[] = []
  const capped: Record<string, unknown> = { ...data }
  for (const [table, rows] of Object.entries(data))
    if (Array.isArray(rows) && rows.length > MAX_RECORDS_PER_TABLE) {
      capped[table] = rows.slice(0, MAX_RECORDS_PER_TABLE)
      oversized.push(
        `${joinPath('data', table)}: has more than ` +
          `${MAX_RECORDS_PER_TABLE.toLocaleString('en')} entries`,
      )
    }
  return oversized.length === 0
    ? { checked: envelope, oversized }
    : { checked: { ...envelope, data: capped }, oversized }
}

// Size

/** More than limit exactly when the text's UTF-8 length is; counts no further than needed. */
function utf8LengthUpTo(text: string, limit: number): number {
  // Every UTF-16 unit is at least one UTF-8 byte and at most three.
  if (text.length > limit) return text.length
  if (text.length * 3 <= limit) return text.length
  return utf8Length(text, limit)
}

function utf8Length(text: string, stopAfter = Infinity): number {
  let bytes = 0
  for (let i = 0; i < text.length && bytes <= stopAfter; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x80) bytes += 1
    else if (code < 0x800) bytes += 2
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4
        i++
      } else bytes += 3
    } else bytes += 3
  }
  return bytes
}

/** The refusal of a file over the size limit, before it is read or parsed. */
export function projectTooLarge(bytes: number, maxBytes = MAX_PROJECT_BYTES): string {
  return `The file is ${formatBytes(bytes)}; a project file can be at most ${formatBytes(maxBytes, 'down')}.`
}

// Syntax

/**
 * Says where the JSON broke. A file cut short (an interrupted copy or download) is the common
 * case, so it is told apart from a typo: the text ends inside a string or an open bracket, and
 * the parser did not stop before the end.
 */
function jsonProblem(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  const end = text.trimEnd().length
  const at = /at position (\d+)/.exec(message)
  const position = at ? Number(at[1]) : null
  if ((position === null || position >= end - 1) && endsOpen(text))
    return 'The file is not valid JSON: the file ends early (truncated?).'
  const detail = message.replace(/ in JSON at position \d+.*$/s, '').replace(/^JSON\.parse: /, '')
  if (position === null) return `The file is not valid JSON: ${detail}.`
  const before = text.slice(0, position)
  const line = before.split('\n').length
  const column = position - before.lastIndexOf('\n')
  return `The file is not valid JSON at line ${line}, column ${column}: ${detail}.`
}

/** True when text ends inside a string or with a bracket left open. */
function endsOpen(text: string): boolean {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c)
        i++ // backslash: skip the escaped character
      else if (c === 0x22) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x7b || c === 0x5b) depth++
    else if (c === 0x7d || c === 0x5d) depth--
  }
  return inString || depth > 0
}

// Shape: forbidden keys and depth, before any code looks inside the values.

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

/**
 * Walks the parsed value without recursion (the parser accepts nesting far deeper than the call
 * stack). A key that could reach an object's prototype is refused, not stripped: a file carrying
 * one was made by something other than Sourceline, and its other contents are not to be trusted.
 */
function shapeProblem(root: unknown): string | null {
  let tooDeep: string | null = null
  const stack: { value: unknown; path: string; depth: number }[] = [
    { value: root, path: '', depth: 1 },
  ]
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!
    if (value === null || typeof value !== 'object') continue
    if (depth > MAX_DEPTH) {
      tooDeep ??=
        `${path || 'The file'}: nested more than ${MAX_DEPTH} levels deep; Sourceline files ` +
        'are never this deep.'
      continue
    }
    if (Array.isArray(value)) {
      value.forEach((item, i) =>
        stack.push({ value: item, path: `${path}[${i}]`, depth: depth + 1 }),
      )
      continue
    }
    for (const [key, child] of Object.entries(value)) {
      const at = joinPath(path, key)
      if (FORBIDDEN_KEYS.has(key))
        return (
          `${at}: the key "${key}" is not allowed in a project file (it could change how the ` +
          "app's objects behave); the file was refused."
        )
      stack.push({ value: child, path: at, depth: depth + 1 })
    }
  }
  return tooDeep
}

function joinPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`
  const name = /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : JSON.stringify(key)
  if (path === '') return name
  return name.startsWith('"') ? `${path}[${name}]` : `${path}.${name}`
}

function describeJson(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  return `a ${typeof value}`
}

// Schema issues, as "path: what is wrong".

function describeIssue(issue: v.BaseIssue<unknown>): string {
  let path = ''
  for (const item of issue.path ?? []) {
    const key = item.key
    path = joinPath(path, typeof key === 'number' ? key : String(key))
  }
  const where = path || 'The file'
  if (issue.type === 'strict_object' && issue.expected === 'never')
    return `${where}: unexpected field (this format has no such field)`
  if (issue.type === 'strict_object' && issue.received === 'undefined') return `${where}: missing`
  if (issue.kind === 'schema')
    return `${where}: expected ${issue.expected ?? 'something else'}, found ${issue.received}`
  // Validation issues carry the messages written above; valibot's defaults for the rest.
  return `${where}: ${issue.message}`
}

// References, offsets, quotes, dates, duplicates.

/** Code point offsets of one text, with the UTF-16 index of each, in O(log n) per lookup. */
class CodePoints {
  readonly length: number
  /** Code point offsets at which a surrogate pair starts, ascending. */
  readonly #pairs: number[] = []

  constructor(readonly text: string) {
    let cp = 0
    for (let i = 0; i < text.length; i++, cp++) {
      const c = text.charCodeAt(i)
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const next = text.charCodeAt(i + 1)
        if (next >= 0xdc00 && next <= 0xdfff) {
          this.#pairs.push(cp)
          i++
        }
      }
    }
    this.length = cp
  }

  /** UTF-16 index of code point offset cp (0..length). */
  index(cp: number): number {
    let lo = 0
    let hi = this.#pairs.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.#pairs[mid]! < cp) lo = mid + 1
      else hi = mid
    }
    return cp + lo
  }
}

/**
 * The reference checks over the records the schema accepted, so that every problem of a file is
 * listed at once (a negative offset in one quote and a quote past the end in another). Records the
 * schema refused are left out, and references to their ids are not called missing. Nothing when a
 * schema problem is not in a record (the envelope itself is wrong).
 */
function referenceProblemsBeside(
  envelope: Record<string, unknown>,
  issues: readonly v.BaseIssue<unknown>[],
  context: ProjectContext,
): string[] {
  const data = envelope['data']
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return []
  const refused = new Map<string, Set<number>>()
  for (const issue of issues) {
    const [root, table, index] = (issue.path ?? []).map((item) => item.key)
    if (root !== 'data' || typeof table !== 'string' || typeof index !== 'number') return []
    refused.set(table, (refused.get(table) ?? new Set()).add(index))
  }
  const kept: Record<string, unknown> = { ...data }
  const originalIndex = new Map<string, number[]>()
  const skip = { eventIds: new Set<string>(), articleIds: new Set<string>() }
  for (const [table, bad] of refused) {
    const rows = (data as Record<string, unknown>)[table]
    if (!Array.isArray(rows)) return []
    const indexes = rows.map((_, i) => i).filter((i) => !bad.has(i))
    kept[table] = indexes.map((i) => rows[i] as unknown)
    originalIndex.set(table, indexes)
    for (const i of bad) {
      const id = (rows[i] as { id?: unknown } | null)?.id
      if (typeof id !== 'string') continue
      if (table === 'userEvents') skip.eventIds.add(id)
      if (table === 'articles') skip.articleIds.add(id)
    }
  }
  const rest = v.safeParse(ProjectFileSchema, { ...envelope, data: kept })
  if (!rest.success) return []
  // Paths name records as they are numbered in the file.
  return referenceProblems(rest.output, context, skip).map((problem) =>
    problem.replace(/\bdata\.(\w+)\[(\d+)\]/g, (path, table: string, i: string) => {
      const index = originalIndex.get(table)?.[Number(i)]
      return index === undefined ? path : `data.${table}[${index}]`
    }),
  )
}

function referenceProblems(
  project: Project,
  context: ProjectContext,
  skip: { eventIds: ReadonlySet<string>; articleIds: ReadonlySet<string> } = {
    eventIds: new Set(),
    articleIds: new Set(),
  },
): string[] {
  const { data } = project
  const problems: string[] = []

  problems.push(...duplicateProblems('notes', data.notes, 'id'))
  problems.push(...duplicateProblems('highlights', data.highlights, 'id'))
  problems.push(...duplicateProblems('userEvents', data.userEvents, 'id'))
  problems.push(...duplicateProblems('evidence', data.evidence, 'id'))
  problems.push(...duplicateProblems('eventAnnotations', data.eventAnnotations, 'eventId'))
  problems.push(...duplicateProblems('entityEdits', data.entityEdits, 'id'))
  problems.push(...duplicateProblems('articles', data.articles, 'id'))
  problems.push(...duplicateProblems('grades', data.grades, 'id'))
  problems.push(...duplicateProblems('conflictNotes', data.conflictNotes, 'id'))
  // The store keeps one article per content (a unique index on sha256).
  problems.push(...duplicateProblems('articles', data.articles, 'sha256'))

  // A file's own records may not take the ids of bundled ones: every reference would be ambiguous.
  data.userEvents.forEach((event, i) => {
    if (context.knownEventIds.has(event.id))
      problems.push(`data.userEvents[${i}].id: "${event.id}" is the id of a curated event`)
  })
  data.articles.forEach((article, i) => {
    if (context.knownArticleIds.has(article.id))
      problems.push(`data.articles[${i}].id: "${article.id}" is the id of a bundled article`)
  })

  const eventIds = new Set(data.userEvents.map((e) => e.id))
  const checkEvent = (path: string, eventId: string): void => {
    if (
      !context.knownEventIds.has(eventId) &&
      !eventIds.has(eventId) &&
      !skip.eventIds.has(eventId)
    )
      problems.push(
        `${path}.eventId: no event "${eventId}": it is neither a curated event nor one of the ` +
          `file's own events`,
      )
  }
  data.notes.forEach((note, i) => checkEvent(`data.notes[${i}]`, note.eventId))
  data.evidence.forEach((item, i) => checkEvent(`data.evidence[${i}]`, item.eventId))
  data.eventAnnotations.forEach((a, i) => checkEvent(`data.eventAnnotations[${i}]`, a.eventId))

  // Bodies are scanned once each, however many quotes point into them.
  const imported = new Map(data.articles.map((a) => [a.id, a.body]))
  const scanned = new Map<string, CodePoints>()
  const bodyOf = (articleId: string): CodePoints | null => {
    const text = imported.get(articleId) ?? context.bodies.get(articleId)
    if (text === undefined) return null
    let points = scanned.get(articleId)
    if (!points) scanned.set(articleId, (points = new CodePoints(text)))
    return points
  }
  const checkPassage = (path: string, passage: Highlight | UserEvidence): void => {
    const { articleId, position, quote } = passage
    if (skip.articleIds.has(articleId)) return
    if (!context.knownArticleIds.has(articleId) && !imported.has(articleId)) {
      problems.push(
        `${path}.articleId: no article "${articleId}": it is neither a bundled article nor one ` +
          `imported in this file`,
      )
      return
    }
    // A bundled article whose body the caller did not pass cannot be checked here.
    const body = bodyOf(articleId)
    if (!body) return
    const where = `article "${articleId}" (${body.length} characters)`
    if (position.start >= body.length) {
      problems.push(`${path}.position.start: ${position.start} is past the end of ${where}`)
      return
    }
    if (position.end > body.length) {
      problems.push(`${path}.position.end: ${position.end} is past the end of ${where}`)
      return
    }
    const found = body.text.slice(body.index(position.start), body.index(position.end))
    if (found !== quote.exact)
      problems.push(
        `${path}.quote.exact: does not match the text of article "${articleId}" at ` +
          `${position.start}–${position.end}: the quote reads ${excerpt(quote.exact)}, the ` +
          `article ${excerpt(found)}`,
      )
  }
  data.highlights.forEach((h, i) => checkPassage(`data.highlights[${i}]`, h))

  // A grade must point at something the store will hold: a bundled or imported article, a
  // curated quote (`<eventId>#<n>`) or an evidence record, a highlight of the file.
  const evidenceIds = new Set(data.evidence.map((e) => e.id))
  const highlightIds = new Set(data.highlights.map((h) => h.id))
  data.grades.forEach((grade, i) => {
    const at = `data.grades[${i}].targetId`
    const { kind, targetId } = grade
    if (kind === 'article' && !context.knownArticleIds.has(targetId) && !imported.has(targetId))
      problems.push(`${at}: no article "${targetId}" to grade`)
    const curated = /^(.+)#\d+$/.exec(targetId)
    if (
      kind === 'quote' &&
      !evidenceIds.has(targetId) &&
      !(curated && context.knownEventIds.has(curated[1]!))
    )
      problems.push(`${at}: no quote "${targetId}" to grade`)
    if (kind === 'highlight' && !highlightIds.has(targetId))
      problems.push(`${at}: no highlight "${targetId}" to grade`)
  })
  data.evidence.forEach((e, i) => checkPassage(`data.evidence[${i}]`, e))

  const checkDate = (path: string, edtf: string | null): void => {
    if (edtf !== null && !isValidEdtf(edtf))
      problems.push(`${path}.edtf: ${JSON.stringify(edtf)} is not a valid EDTF date`)
  }
  data.userEvents.forEach((e, i) => checkDate(`data.userEvents[${i}].date`, e.date.edtf))
  data.articles.forEach((a, i) => checkDate(`data.articles[${i}].published`, a.published.edtf))

  return problems
}

function duplicateProblems<K extends string>(
  table: ProjectTable,
  rows: readonly Record<K, unknown>[],
  key: K,
): string[] {
  const first = new Map<unknown, number>()
  const problems: string[] = []
  rows.forEach((row, i) => {
    const value = row[key]
    const seen = first.get(value)
    if (seen === undefined) first.set(value, i)
    else
      problems.push(
        `data.${table}[${i}].${key}: ${JSON.stringify(value)} appears twice (also at ` +
          `data.${table}[${seen}])`,
      )
  })
  return problems
}

function excerpt(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}…` : text)
}

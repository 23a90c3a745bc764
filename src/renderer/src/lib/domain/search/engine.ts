/**
 * The search index over everything the app holds, on MiniSearch (docs/decisions: search engine).
 * Articles are cut into paragraphs so a hit opens at its words. Terms are folded and segmented by
 * the one normaliser (text/), phrases in quotes are checked in the text itself, and results are
 * ranked: exact phrase first, then MiniSearch's BM25 score, ties by date. No edit time is used.
 */
import MiniSearch, { type Options } from 'minisearch'
import { paragraphs } from '../quotes'
import { fold, isInvisible, isSpaceCode, normalise, originalRange } from '../text/normalise'
import { hasUnspacedScript, runs, words } from '../text/words'
import { NO_LENGTH, packIndex, postingCount, unpackIndex, type PackedIndex } from './packed'
import { Scorer, type QueryNode, type Scored, type TermQuery } from './scorer'
import {
  DocsWriter,
  KINDS,
  docId,
  joinList,
  splitList,
  storedFacts,
  storedLists,
  storedFolded,
  storedTexts,
  unpackDoc,
  type PackedDocs,
} from './stored-docs'
import type { SearchKind, SearchSource } from './sources'

/**
 * Bump when documents, fields, folding or the stored form change: a stored index of another
 * version is rebuilt. 3: ids, keys and signatures as lists, texts one byte a character where they can be.
 */
export const INDEX_VERSION = 3

/** One indexed unit: a paragraph, an event, a note, a highlight, a name. */
export interface SearchDoc {
  id: string
  source: string
  kind: SearchKind
  /** What the hit is headed with: the article's or event's title, the name. */
  label: string
  title: string
  text: string
  /** A highlight's note: searched, shown when the quote itself has none of the words. */
  note: string
  articleIds: string[]
  eventId: string | null
  /** UTF-16 index of `text` in its article's body (passages), or of a highlight's quote. */
  offset: number | null
  date: number | null
  tags: string[]
}

export interface SearchFilters {
  kinds?: readonly SearchKind[]
  articleId?: string | null
  /** Inclusive bounds in ms; undated documents are left out when either is set. */
  from?: number | null
  to?: number | null
  tag?: string | null
}

export interface SnippetPart {
  text: string
  marked: boolean
}

export interface SearchHit {
  id: string
  kind: SearchKind
  label: string
  articleId: string | null
  eventId: string | null
  sourceId: string
  snippet: SnippetPart[]
  /** Where the first matched words are in the article body (UTF-16), for passages and highlights. */
  range: { start: number; end: number } | null
  /** The query's words stand together in this hit, in order. */
  exact: boolean
  score: number
  date: number | null
}

export interface SearchResponse {
  query: string
  hits: SearchHit[]
  /** All documents that matched, before the limit. */
  total: number
  /** Events whose title, summary, quotes or notes match: what the timeline toggle keeps. */
  eventIds: string[]
  /** False when no document had every word and the hits have some of them. */
  allWords: boolean
}

const MAX_QUERY = 1000
const MAX_TERMS = 24
const SNIPPET_BEFORE = 60
const SNIPPET_AFTER = 140

const WORD_BREAKS = /[\u200B\u200C]/

/**
 * Folded, segmented terms: the same function for indexing and for queries. Where a text in a
 * script without spaces marks its word breaks with U+200B (Khmer pages do), the words between
 * the marks are terms too, besides the dictionary's cut of the whole run: a reader typing without
 * the marks meets one or the other.
 */
export function terms(text: string): string[] {
  const found = words(fold(text)).map((w) => w.text)
  if (WORD_BREAKS.test(text) && hasUnspacedScript(text))
    for (const piece of text.split(WORD_BREAKS)) found.push(...runs(fold(piece)))
  return found
}

/** MiniSearch's options (exported for the tests that compare scores with its own search). */
export const OPTIONS: Options<SearchDoc> = {
  fields: ['title', 'text', 'note'],
  // Documents are kept beside MiniSearch (SearchIndex.#docs): its results and JSON stay small.
  storeFields: [],
  tokenize: (text) => terms(text),
  processTerm: (term) => term,
  searchOptions: { boost: { title: 3 } },
}

/** Terms a prefix stands for, at most: the most used are kept (a short prefix has hundreds). */
const MAX_PREFIX_TERMS = 50

type TermData = Map<number, Map<number, number>>

/**
 * Caps MiniSearch's prefix expansion (it scores every posting of every term a prefix stands for)
 * to the MAX_PREFIX_TERMS terms in the most documents. MiniSearch 7.2 reads prefix matches only
 * through its radix tree's `atPrefix`, which is wrapped here (pinned, as packed.ts).
 */
function capPrefixes<T>(search: MiniSearch<T>): MiniSearch<T> {
  const tree = (
    search as unknown as { _index: { atPrefix(prefix: string): Iterable<[string, TermData]> } }
  )._index
  const atPrefix = tree.atPrefix.bind(tree)
  tree.atPrefix = (prefix) => {
    const found = [...atPrefix(prefix)]
    if (found.length <= MAX_PREFIX_TERMS) return found
    const used = (data: TermData): number => {
      let n = 0
      for (const postings of data.values()) n += postingCount(postings)
      return n
    }
    return found
      .map(([term, data]) => ({ term, data, used: used(data) }))
      .sort((a, b) => b.used - a.used || (a.term < b.term ? -1 : 1))
      .slice(0, MAX_PREFIX_TERMS)
      .map(({ term, data }): [string, TermData] => [term, data])
  }
  return search
}

export interface ParsedQuery {
  words: string[]
  /** Phrases in quotes, folded, as they must appear. */
  phrases: string[]
}

/** Words and "quoted phrases", bounded so a pasted book cannot stall the index. */
export function parseQuery(query: string): ParsedQuery {
  const text = query.slice(0, MAX_QUERY)
  const phrases: string[] = []
  const rest = text.replace(/["“”„«»]([^"“”„«»]+)["“”„«»]?/g, (_, phrase: string) => {
    const folded = fold(phrase).trim()
    if (folded) phrases.push(folded)
    return ' '
  })
  return { words: terms(rest).slice(0, MAX_TERMS), phrases: phrases.slice(0, 4) }
}

/** Text for phrase checks: folded, and in scripts without spaces, without spaces at all. */
function comparable(folded: string): string {
  return hasUnspacedScript(folded) ? folded.replace(/ /g, '') : folded
}

/** A document's searchable text as one string (fold makes the spaces between fields one). */
function joined(doc: Pick<SearchDoc, 'title' | 'text' | 'note'>): string {
  if (!doc.title && !doc.note) return doc.text
  return [doc.title, doc.text, doc.note].filter(Boolean).join(' ')
}

/** The text phrases are checked in, or null when it is the document's text as it stands. */
function foldedText(doc: SearchDoc): string | null {
  const text = joined(doc)
  const folded = comparable(fold(text))
  return folded === text ? null : folded
}

/** The documents one source is indexed as. */
export function documentsOf(source: SearchSource): SearchDoc[] {
  const base = { source: source.key, date: source.date }
  switch (source.kind) {
    case 'article': {
      const docs: SearchDoc[] = [
        {
          ...base,
          id: `${source.key}#title`,
          kind: 'passage',
          label: source.title,
          title: source.title,
          text: '',
          note: '',
          articleIds: [source.id],
          eventId: null,
          offset: null,
          tags: [],
        },
      ]
      for (const p of paragraphs(source.body))
        docs.push({
          ...base,
          id: `${source.key}#${p.start}`,
          kind: 'passage',
          label: source.title,
          title: '',
          text: p.text,
          note: '',
          articleIds: [source.id],
          eventId: null,
          offset: p.start,
          tags: [],
        })
      return docs
    }
    case 'event':
      return [
        {
          ...base,
          id: source.key,
          kind: 'event',
          label: source.title,
          title: source.title,
          text: [source.summary, ...source.quotes].join('\n'),
          note: '',
          articleIds: source.articleIds,
          eventId: source.id,
          offset: null,
          tags: source.tags,
        },
      ]
    case 'note':
      return [
        {
          ...base,
          id: source.key,
          kind: 'note',
          label: `Note on “${source.eventTitle}”`,
          title: '',
          text: source.body,
          note: '',
          articleIds: [],
          eventId: source.eventId,
          offset: null,
          tags: [],
        },
      ]
    case 'highlight':
      return [
        {
          ...base,
          id: source.key,
          kind: 'highlight',
          label: 'Highlight',
          title: '',
          text: source.quote,
          note: source.note,
          articleIds: [source.articleId],
          eventId: null,
          offset: source.start,
          tags: source.tags,
        },
      ]
    case 'entity':
      return [
        {
          ...base,
          id: source.key,
          kind: 'entity',
          label: source.name,
          title: source.name,
          text: source.aliases.join('\n'),
          note: '',
          articleIds: [],
          eventId: null,
          offset: null,
          tags: [source.entityKind],
        },
      ]
  }
}

interface Range {
  start: number
  end: number
}

/** Only white space and invisible characters between from and to. */
function onlyBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i)
    if (!isInvisible(code) && !isSpaceCode(code)) return false
  }
  return true
}

/** Original ranges of `text` holding one of `matched` (document terms) or a phrase. */
export function matchRanges(
  text: string,
  matched: ReadonlySet<string>,
  phrases: string[],
): Range[] {
  const n = normalise(text)
  const ranges: Range[] = []
  for (const phrase of phrases) {
    for (let at = n.text.indexOf(phrase); at !== -1; at = n.text.indexOf(phrase, at + 1))
      ranges.push(originalRange(n, at, at + phrase.length))
  }
  // Terms in scripts without spaces are found as text below; a run in such a script is cut into
  // words only when it holds another matched term (the dictionary is slow).
  const spaced = [...matched].filter((term) => !hasUnspacedScript(term))
  const cut = (run: string): boolean => spaced.some((term) => run.includes(term))
  for (const w of words(n.text, cut))
    if (matched.has(w.text)) ranges.push(originalRange(n, w.start, w.end))
  // Dictionary cuts differ with context in scripts without spaces: find those terms as text.
  for (const term of matched) {
    if (!hasUnspacedScript(term)) continue
    for (let at = n.text.indexOf(term); at !== -1; at = n.text.indexOf(term, at + 1))
      ranges.push(originalRange(n, at, at + term.length))
  }
  ranges.sort((a, b) => a.start - b.start || b.end - a.end)
  const merged: Range[] = []
  for (const r of ranges) {
    const last = merged.at(-1)
    // Matched words next to each other (apart by spaces or Khmer's U+200B) are marked as one.
    if (last && (r.start <= last.end || onlyBlank(text, last.end, r.start)))
      last.end = Math.max(last.end, r.end)
    else merged.push({ ...r })
  }
  return merged
}

/** A window of text around the first range, cut on spaces, with the ranges in it marked. */
export function snippet(text: string, ranges: readonly Range[]): SnippetPart[] {
  if (!text) return []
  const first = ranges[0] ?? { start: 0, end: 0 }
  let from = Math.max(0, first.start - SNIPPET_BEFORE)
  let to = Math.min(text.length, first.end + SNIPPET_AFTER)
  if (from > 0) {
    const space = text.indexOf(' ', from)
    if (space !== -1 && space < first.start) from = space + 1
  }
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to)
    if (space > first.end) to = space
  }
  const parts: SnippetPart[] = []
  let at = from
  for (const r of ranges) {
    if (r.end <= from || r.start >= to) continue
    const s = Math.max(r.start, from)
    const e = Math.min(r.end, to)
    if (s > at) parts.push({ text: text.slice(at, s), marked: false })
    parts.push({ text: text.slice(s, e), marked: true })
    at = e
  }
  if (at < to) parts.push({ text: text.slice(at, to), marked: false })
  if (from > 0) parts.unshift({ text: '…', marked: false })
  if (to < text.length) parts.push({ text: '…', marked: false })
  return parts
}

function hasFilters(filters: SearchFilters): boolean {
  return (
    (filters.kinds?.length ?? 0) > 0 ||
    !!filters.articleId ||
    !!filters.tag ||
    filters.from != null ||
    filters.to != null
  )
}

/** Whether a document's kind and date pass the filters (NaN: undated). */
function passesKindAndDate(kind: SearchKind, date: number, filters: SearchFilters): boolean {
  if (filters.kinds && filters.kinds.length > 0 && !filters.kinds.includes(kind)) return false
  if (filters.from != null || filters.to != null) {
    if (Number.isNaN(date)) return false
    if (filters.from != null && date < filters.from) return false
    if (filters.to != null && date > filters.to) return false
  }
  return true
}

/** Exact phrase first, then score, then the earlier date (undated, NaN or null, last); 0 if tied. */
function compareRanks(
  aExact: boolean,
  aScore: number,
  aDate: number,
  bExact: boolean,
  bScore: number,
  bDate: number,
): number {
  if (aExact !== bExact) return aExact ? -1 : 1
  const tolerance = 1e-9 * Math.max(Math.abs(aScore), Math.abs(bScore))
  if (Math.abs(aScore - bScore) > tolerance) return bScore - aScore
  const da = Number.isNaN(aDate) ? Infinity : aDate
  const db = Number.isNaN(bDate) ? Infinity : bDate
  return da !== db ? da - db : 0
}

const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** Exact phrase first, then score, then the earlier date (undated last), then id. */
export function compareHits(
  a: { exact: boolean; score: number; date: number | null; id: string },
  b: { exact: boolean; score: number; date: number | null; id: string },
): number {
  return (
    compareRanks(a.exact, a.score, a.date ?? NaN, b.exact, b.score, b.date ?? NaN) ||
    compareIds(a.id, b.id)
  )
}

/** In `#eventOf`: a document the timeline toggle keeps no event for, or one not read yet. */
const NO_EVENT = -1
const UNREAD = -2

/** MiniSearch 7.2's own fields that queries read (pinned, as packed.ts). */
interface Internals {
  _documentIds: Map<number, string>
  _idToShortId: Map<string, number>
  _nextId: number
}

/** The query's terms for MiniSearch's `termToQuerySpec`: prefixes from 2 letters, misspellings from 5. */
function wordQuery(term: string): TermQuery {
  const fuzzy =
    term.length >= 5 && !hasUnspacedScript(term) ? Math.min(2, Math.round(term.length * 0.2)) : 0
  return { term, prefix: term.length >= 2, fuzzy }
}

/**
 * The query as MiniSearch's `executeQuery` nests it for `{ queries: [words, phrase terms] }`: each
 * word is tokenised again, as MiniSearch does with a string query.
 */
export function queryTree(
  words: readonly string[],
  phraseTerms: readonly string[],
  combineWith: 'AND' | 'OR',
): QueryNode {
  const group = (
    list: readonly string[],
    join: 'AND' | 'OR',
    spec: (term: string) => TermQuery,
  ): QueryNode => ({
    combineWith: join,
    children: list.map((word) => ({
      combineWith: join,
      children: terms(word).filter(Boolean).map(spec),
    })),
  })
  const children: QueryNode[] = []
  if (words.length > 0) children.push(group(words, combineWith, wordQuery))
  if (phraseTerms.length > 0)
    children.push(group(phraseTerms, 'AND', (term) => ({ term, prefix: false, fuzzy: 0 })))
  return { combineWith, children }
}

/** The first `k` of `items` in `compare` order, without sorting them all. */
export function firstInOrder<T>(
  items: readonly T[],
  k: number,
  compare: (a: T, b: T) => number,
): T[] {
  if (k <= 0) return []
  if (items.length <= k * 4) return [...items].sort(compare).slice(0, k)
  const top: T[] = []
  for (const item of items) {
    if (top.length === k && compare(item, top[k - 1]!) >= 0) continue
    let low = 0
    let high = top.length
    while (low < high) {
      const mid = (low + high) >> 1
      if (compare(top[mid]!, item) <= 0) low = mid + 1
      else high = mid
    }
    top.splice(low, 0, item)
    if (top.length > k) top.pop()
  }
  return top
}

/** The index as stored: a few large values, which IndexedDB clones quickly (decision 0024). */
export interface StoredIndex {
  version: number
  /** Every source's key, and its signature, as lists (`joinList`). */
  keys: string
  signatures: string
  /** Documents are listed source by source; `docCounts[i]` of them belong to the i-th key. */
  docCounts: Uint32Array
  docs: PackedDocs
  /** MiniSearch's terms and postings; no texts. */
  index: PackedIndex
}

/** A source's documents: indexed in this session (ids), or stored rows `from`…`from + count`. */
type Indexed = { signature: string } & (
  { docIds: readonly string[] } | { from: number; count: number }
)

export class SearchIndex {
  #search: MiniSearch<SearchDoc>
  /** Made from #storedSources when first needed: opening does not build 60,000 entries. */
  #sourceMap: Map<string, Indexed> | null = new Map()
  #storedSources: Pick<StoredIndex, 'keys' | 'signatures' | 'docCounts'> | null = null
  #docs = new Map<string, SearchDoc>()
  /** Folded once at indexing, so phrase checks over thousands of candidates are plain `includes`. */
  #folded = new Map<string, string>()
  /** The stored documents, read a slice at a time. */
  #stored: PackedDocs | null = null
  /**
   * Stored documents still indexed (id → row): noted as MiniSearch names them (a query reaches a
   * document only through its id), and made whole on the first miss.
   */
  #storedRows = new Map<string, number>()
  #allRows = false
  #scorer: Scorer
  // What ranking reads of each matched document, by MiniSearch's short id (never reused), read
  // once: a common word matches tens of thousands of documents on every keystroke.
  /** KINDS index + 1; 0 where not read yet. */
  #kindOf = new Uint8Array(0)
  /** NaN where undated. */
  #dateOf = new Float64Array(0)
  /**
   * The event an event or a note is of, numbered (`#eventNames`), so a query's events are told
   * apart without hashing an id per matched note; NO_EVENT for other kinds, UNREAD where not read.
   */
  #eventOf = new Int32Array(0)
  #eventNumbers = new Map<string, number>()
  #eventNames: string[] = []
  /** Per event number, the query that last listed it. */
  #eventListed = new Uint32Array(0)
  #queries = 0
  #haystackOf: (string | null)[] = []

  private constructor(search: MiniSearch<SearchDoc>) {
    this.#search = search
    this.#scorer = new Scorer(search)
  }

  static empty(): SearchIndex {
    return new SearchIndex(capPrefixes(new MiniSearch(OPTIONS)))
  }

  /** The stored index, or null when it was made by another version and must be rebuilt. */
  static load(stored: StoredIndex): SearchIndex | null {
    if (stored.version !== INDEX_VERSION) return null
    const docs = stored.docs
    const rows = new Map<string, number>()
    const search = unpackIndex(stored.index, OPTIONS, (d) => {
      const id = docId(docs, d)
      if (!rows.has(id)) rows.set(id, d)
      return id
    })
    const index = new SearchIndex(capPrefixes(search))
    index.#storedRows = rows
    index.#stored = docs
    index.#storedSources = stored
    index.#sourceMap = null
    // What queries read of every document, from the stored arrays in one pass, so the first
    // queries do not read it document by document.
    const { shortIds, fieldLengths } = stored.index
    index.#scorer.opened(shortIds, fieldLengths, NO_LENGTH)
    index.#fit()
    for (let d = 0; d < shortIds.length; d++) {
      const shortId = shortIds[d]!
      index.#kindOf[shortId] = docs.kinds[d]! + 1
      index.#dateOf[shortId] = docs.dates[d]!
    }
    return index
  }

  get #sources(): Map<string, Indexed> {
    if (this.#sourceMap) return this.#sourceMap
    const { keys, signatures, docCounts } = this.#storedSources!
    const map = new Map<string, Indexed>()
    const signatureList = splitList(signatures)
    let from = 0
    splitList(keys).forEach((key, i) => {
      const count = docCounts[i]!
      map.set(key, { signature: signatureList[i]!, from, count })
      from += count
    })
    this.#storedSources = null
    return (this.#sourceMap = map)
  }

  /** The stored row of document `id`, if it is stored and still indexed. */
  #row(id: string): number | undefined {
    const row = this.#storedRows.get(id)
    if (row !== undefined || this.#allRows || !this.#stored) return row
    this.#allRows = true
    const stored = this.#stored
    for (const known of this.#sources.values())
      if ('from' in known)
        for (let d = known.from; d < known.from + known.count; d++)
          this.#storedRows.set(docId(stored, d), d)
    return this.#storedRows.get(id)
  }

  #docIdsOf(known: Indexed): readonly string[] {
    if ('docIds' in known) return known.docIds
    const stored = this.#stored!
    return Array.from({ length: known.count }, (_, k) => docId(stored, known.from + k))
  }

  toStored(): StoredIndex {
    const keys: string[] = []
    const signatures: string[] = []
    const docCounts = new Uint32Array(this.#sources.size)
    const docs = new DocsWriter()
    for (const [key, known] of this.#sources) {
      const before = docs.size
      if ('docIds' in known)
        for (const id of known.docIds) docs.add(this.#doc(id), this.#folded.get(id) ?? null)
      // A stored source is never changed in place (put replaces it): its rows are copied as stored.
      else for (let d = known.from; d < known.from + known.count; d++) docs.copy(this.#stored!, d)
      docCounts[keys.length] = docs.size - before
      keys.push(key)
      signatures.push(known.signature)
    }
    return {
      version: INDEX_VERSION,
      keys: joinList(keys),
      signatures: joinList(signatures),
      docCounts,
      index: packIndex(this.#search, docs.ids),
      docs: docs.done(),
    }
  }

  get size(): number {
    return this.#sources.size
  }

  /** Given every source's signature now, the keys to (re)index and the keys to drop. */
  compare(signatures: ReadonlyMap<string, string>): { needed: string[]; gone: string[] } {
    const needed: string[] = []
    for (const [key, signature] of signatures)
      if (this.#sources.get(key)?.signature !== signature) needed.push(key)
    const gone = [...this.#sources.keys()].filter((key) => !signatures.has(key))
    return { needed, gone }
  }

  /** Adds sources, replacing what was indexed under the same keys. */
  put(sources: readonly SearchSource[]): void {
    if (sources.length > 0) this.#scorer.changed()
    const shortIds = (this.#search as unknown as Internals)._idToShortId
    for (const source of sources) {
      this.remove([source.key])
      const docs = documentsOf(source)
      this.#search.addAll(docs)
      this.#fit()
      this.#scorer.added(docs.map((doc) => shortIds.get(doc.id)!))
      for (const doc of docs) {
        this.#docs.set(doc.id, doc)
        const folded = foldedText(doc)
        if (folded !== null) this.#folded.set(doc.id, folded)
        const shortId = shortIds.get(doc.id)!
        this.#kindOf[shortId] = KINDS.indexOf(doc.kind) + 1
        this.#dateOf[shortId] = doc.date ?? NaN
        this.#eventOf[shortId] = this.#eventNumber(doc.kind, doc.eventId)
        this.#haystackOf[shortId] = folded ?? joined(doc)
      }
      this.#sources.set(source.key, { signature: source.signature, docIds: docs.map((d) => d.id) })
    }
  }

  remove(keys: readonly string[]): void {
    const shortIds = (this.#search as unknown as Internals)._idToShortId
    for (const key of keys) {
      const known = this.#sources.get(key)
      if (!known) continue
      this.#scorer.changed()
      for (const id of this.#docIdsOf(known)) {
        const shortId = shortIds.get(id)
        if (shortId !== undefined && shortId < this.#kindOf.length) {
          this.#kindOf[shortId] = 0
          this.#eventOf[shortId] = NO_EVENT
          this.#haystackOf[shortId] = null
        }
        if (this.#search.has(id)) {
          this.#scorer.discarded(shortId!)
          this.#search.discard(id)
        }
        this.#docs.delete(id)
        this.#folded.delete(id)
        this.#storedRows.delete(id)
      }
      this.#sources.delete(key)
    }
  }

  #doc(id: string): SearchDoc {
    const known = this.#docs.get(id)
    if (known) return known
    const row = this.#row(id)
    if (row === undefined || !this.#stored)
      throw new Error(`Search document ${id} is in the index but not kept`)
    const [doc, folded] = unpackDoc(this.#stored, row)
    this.#docs.set(id, doc)
    if (folded !== null) this.#folded.set(id, folded)
    return doc
  }

  /** What ranking needs of a document; a stored one is not rebuilt for it (only shown hits are). */
  #facts(id: string): { kind: SearchKind; eventId: string | null; date: number | null } {
    const row = this.#row(id)
    return row !== undefined && this.#stored ? storedFacts(this.#stored, row) : this.#doc(id)
  }

  /** The article ids and tags filters read, from the stored slices where not rebuilt. */
  #lists(id: string): { articleIds: string[]; tags: string[] } {
    const row = this.#row(id)
    return row !== undefined && this.#stored ? storedLists(this.#stored, row) : this.#doc(id)
  }

  /** The folded text phrases are checked in, read from the stored slices where not rebuilt. */
  #haystack(id: string): string {
    const row = this.#row(id)
    if (row === undefined || !this.#stored) return this.#folded.get(id) ?? joined(this.#doc(id))
    return storedFolded(this.#stored, row) ?? joined(storedTexts(this.#stored, row))
  }

  /** Sizes the arrays by short id to the index's. */
  #fit(): void {
    const needed = (this.#search as unknown as Internals)._nextId
    if (this.#kindOf.length >= needed) return
    const size = Math.max(needed, Math.ceil(this.#kindOf.length * 1.5))
    const kinds = new Uint8Array(size)
    kinds.set(this.#kindOf)
    const dates = new Float64Array(size)
    dates.set(this.#dateOf)
    const events = new Int32Array(size).fill(UNREAD)
    events.set(this.#eventOf)
    this.#kindOf = kinds
    this.#dateOf = dates
    this.#eventOf = events
    while (this.#haystackOf.length < size) this.#haystackOf.push(null)
  }

  /** Reads a document's facts into the arrays by short id (once: `#kindOf` says if read). */
  #read(shortId: number, id: string): void {
    const { kind, eventId, date } = this.#facts(id)
    this.#kindOf[shortId] = KINDS.indexOf(kind) + 1
    this.#dateOf[shortId] = date ?? NaN
    this.#eventOf[shortId] = this.#eventNumber(kind, eventId)
  }

  /** The number of the event the timeline toggle keeps for a document of `kind`, or NO_EVENT. */
  #eventNumber(kind: SearchKind, eventId: string | null): number {
    if (!eventId || (kind !== 'event' && kind !== 'note')) return NO_EVENT
    let n = this.#eventNumbers.get(eventId)
    if (n === undefined) {
      n = this.#eventNames.length
      this.#eventNumbers.set(eventId, n)
      this.#eventNames.push(eventId)
    }
    return n
  }

  #haystackAt(shortId: number, id: string): string {
    return (this.#haystackOf[shortId] ??= this.#haystack(id))
  }

  search(query: string, filters: SearchFilters = {}, limit = 50): SearchResponse {
    const parsed = parseQuery(query)
    const empty: SearchResponse = { query, hits: [], total: 0, eventIds: [], allWords: true }
    const phraseTerms = parsed.phrases.flatMap((p) => terms(p)).slice(0, MAX_TERMS)
    if (parsed.words.length === 0 && phraseTerms.length === 0) return empty
    const documentIds = (this.#search as unknown as Internals)._documentIds
    const filtered = hasFilters(filters)

    /** The query's documents, scored, and the positions of those that pass the filters. */
    const run = (combineWith: 'AND' | 'OR'): { scored: Scored; passing: number[] } => {
      const scored = this.#scorer.run(queryTree(parsed.words, phraseTerms, combineWith))
      this.#fit()
      const kindOf = this.#kindOf
      const passing: number[] = []
      for (let i = 0; i < scored.length; i++) {
        const shortId = scored.ids[i]!
        if (kindOf[shortId] === 0) this.#read(shortId, documentIds.get(shortId)!)
        if (filtered) {
          const kind = KINDS[kindOf[shortId]! - 1]!
          if (!passesKindAndDate(kind, this.#dateOf[shortId]!, filters)) continue
          if (filters.articleId || filters.tag) {
            const { articleIds, tags } = this.#lists(documentIds.get(shortId)!)
            if (filters.articleId && !articleIds.includes(filters.articleId)) continue
            if (filters.tag && !tags.includes(filters.tag)) continue
          }
        }
        passing.push(i)
      }
      return { scored, passing }
    }
    let { scored, passing } = run('AND')
    let allWords = true
    if (passing.length === 0 && parsed.words.length > 1 && parsed.phrases.length === 0) {
      ;({ scored, passing } = run('OR'))
      allWords = false
    }

    const plain = comparable(parsed.words.join(' '))
    const phrases = parsed.phrases.map(comparable)
    const exact = new Uint8Array(scored.length)
    // Only phrases and several words need the (pre-folded) text.
    const checkText = phrases.length > 0 || parsed.words.length > 1
    const ranked = checkText ? [] : passing
    if (checkText)
      for (const i of passing) {
        const shortId = scored.ids[i]!
        const haystack =
          this.#haystackOf[shortId] ?? this.#haystackAt(shortId, documentIds.get(shortId)!)
        // Phrases are verified in the text; a document with their words apart is not a hit.
        let found = true
        for (let p = 0; p < phrases.length && found; p++) found = haystack.includes(phrases[p]!)
        if (!found) continue
        if (phrases.length > 0 || haystack.includes(plain)) exact[i] = 1
        ranked.push(i)
      }

    // The events in the order their first hit was met.
    const eventIds: string[] = []
    if (this.#eventListed.length < this.#eventNames.length)
      this.#eventListed = new Uint32Array(this.#eventNames.length * 2)
    const asked = ++this.#queries
    for (const i of ranked) {
      const shortId = scored.ids[i]!
      let event = this.#eventOf[shortId]!
      if (event === UNREAD) this.#read(shortId, documentIds.get(shortId)!)
      event = this.#eventOf[shortId]!
      if (event < 0) continue
      if (event >= this.#eventListed.length) {
        const listed = new Uint32Array(this.#eventNames.length * 2)
        listed.set(this.#eventListed)
        this.#eventListed = listed
      }
      if (this.#eventListed[event] === asked) continue
      this.#eventListed[event] = asked
      eventIds.push(this.#eventNames[event]!)
    }

    const compare = (a: number, b: number): number => {
      const sa = scored.ids[a]!
      const sb = scored.ids[b]!
      return (
        compareRanks(
          exact[a] === 1,
          scored.scores[a]!,
          this.#dateOf[sa]!,
          exact[b] === 1,
          scored.scores[b]!,
          this.#dateOf[sb]!,
        ) || compareIds(documentIds.get(sa)!, documentIds.get(sb)!)
      )
    }
    // Snippets and ranges only for the hits shown; the count is of all of them.
    const { words } = scored
    const hits = firstInOrder(ranked, limit, compare).map((i) => {
      const shortId = scored.ids[i]!
      const doc = this.#doc(documentIds.get(shortId)!)
      const matched = this.#scorer.matched(
        shortId,
        scored.masks.subarray(i * words, (i + 1) * words),
      )
      const inText = matchRanges(doc.text, matched, parsed.phrases)
      const [shown, ranges] =
        inText.length > 0
          ? [doc.text, inText]
          : ([doc.note, doc.title, doc.text]
              .map((t) => [t, matchRanges(t, matched, parsed.phrases)] as const)
              .find(([t, r]) => t && r.length > 0) ?? [doc.text, inText])
      const first = inText[0]
      return {
        id: doc.id,
        kind: doc.kind,
        label: doc.label,
        articleId: doc.articleIds[0] ?? null,
        eventId: doc.eventId,
        sourceId: doc.source.slice(doc.source.indexOf(':') + 1),
        snippet: snippet(shown, ranges),
        range:
          doc.offset === null
            ? null
            : doc.kind === 'highlight'
              ? { start: doc.offset, end: doc.offset + doc.text.length }
              : first
                ? { start: doc.offset + first.start, end: doc.offset + first.end }
                : null,
        exact: exact[i] === 1,
        score: scored.scores[i]!,
        date: doc.date,
      }
    })
    return { query, hits, total: ranked.length, eventIds, allWords }
  }
}

/**
 * Scores a query the way MiniSearch 7.2's query step does (BM25 with its parameters, field boosts,
 * prefix and fuzzy weights, AND/OR combination, "more query terms matched ranks higher"), but from
 * postings copied once into typed arrays and summed into dense arrays by short id, not through a
 * Map and an object per matched document. MiniSearch still owns the index: its radix tree gives the
 * terms a prefix or misspelling stands for, and its Maps are what is indexed and stored.
 * scorer.test.ts compares every score with MiniSearch's own on random corpora.
 */
import type MiniSearch from 'minisearch'
import { copyPostings, postingCount, type Internals as IndexInternals } from './packed'

/** One query term, as MiniSearch's `termToQuerySpec` makes it. */
export interface TermQuery {
  term: string
  prefix: boolean
  /** Edits a misspelling may be away; 0 for none. */
  fuzzy: number
}

export type QueryNode = TermQuery | { combineWith: 'AND' | 'OR'; children: QueryNode[] }

/** Documents a query matched (short ids) with their scores, in no particular order. */
export interface Scored {
  length: number
  ids: Int32Array
  scores: Float64Array
  /** Per document, `words` 32-bit words: which of the query's distinct terms it matched. */
  masks: Uint32Array
  words: number
}

type TermData = Map<number, Map<number, number>>

interface Tree {
  get(term: string): TermData | undefined
  atPrefix(prefix: string): Iterable<[string, TermData]>
  fuzzyGet(term: string, maxDistance: number): Map<string, [TermData, number]>
}

/** The fields of MiniSearch 7.2 that scoring reads besides those packed.ts stores (pinned). */
interface Internals extends Omit<IndexInternals, '_index'> {
  _index: Tree
  _options: { fields: string[]; searchOptions?: { boost?: Record<string, number> } }
}

/** MiniSearch 7.2's defaults (`defaultSearchOptions`), which the app does not change. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 }
const PREFIX_WEIGHT = 0.375
const FUZZY_WEIGHT = 0.45

/** Query terms whose expansions are kept at most, before that cache starts again. */
const MAX_EXPANDED = 1000

/** Postings kept at most, summed over terms, before the cache starts again (8 bytes each). */
const CACHE_POSTINGS = 4_000_000

/**
 * A term's live postings in one field, by short id, and how often the term is in each. The BM25
 * scores are worked out as a query sums them (field lengths read by short id), so copying a term
 * the first time is one walk of its postings.
 */
interface FieldPostings {
  ids: Int32Array
  frequencies: Uint32Array
}

/** A term a query term stands for, with its weight (1 for the term itself). */
interface Expansion {
  term: string
  data: TermData | undefined
  weight: number
}

interface Sparse {
  length: number
  ids: Int32Array
  scores: Float64Array
  masks: Uint32Array
}

const isTerm = (node: QueryNode): node is TermQuery => 'term' in node

function popcount(v: number): number {
  v -= (v >>> 1) & 0x55555555
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333)
  return (((v + (v >>> 4)) & 0xf0f0f0f) * 0x1010101) >>> 24
}

export class Scorer {
  readonly #search: Internals
  /** Per term, per field id; null where the term is not in that field. */
  #cache = new Map<string, (FieldPostings | null)[]>()
  #cached = 0
  /**
   * Per query term (term, prefix, fuzzy), the terms it stands for: as a reader types, the words
   * before the last are asked again at every key, and a misspelling's walk of the radix tree
   * costs more than scoring a rare term.
   */
  #expanded = new Map<string, Expansion[]>()
  /** MiniSearch's counts of documents, short ids and discards when the caches were filled. */
  #basis = ''
  /** MiniSearch's count of documents and next short id as last known (see `#readDocuments`). */
  #documentCount = 0
  #nextId = 0
  /** Per short id: 0 not read yet, 1 in the index, 2 discarded. */
  #alive = new Uint8Array(0)
  /** Per short id, its field lengths (MiniSearch's `_fieldLength`), field by field, once read. */
  #lengths = new Uint32Array(0)
  // Dense arrays by short id, grown with the index; a stamp marks what the current pass set.
  #stamp = new Uint32Array(0)
  #pass = 0
  #acc = new Float64Array(0)
  #at = new Int32Array(0)
  /** The documents the current term touched, in the order met. */
  #touched = new Int32Array(0)
  /** The last query's expansions, per distinct term (for `matched`). */
  #expansions: Expansion[][] = []

  constructor(search: MiniSearch<never> | MiniSearch<unknown>) {
    this.#search = search as unknown as Internals
  }

  /** Drops the copied postings: the index changed. */
  changed(): void {
    this.#cache.clear()
    this.#cached = 0
    this.#expanded.clear()
  }

  /**
   * Documents just added to the index (by short id): their field lengths are read now, while
   * indexing, rather than one by one as the first queries meet them.
   */
  added(shortIds: Iterable<number>): void {
    const s = this.#search
    this.#fitDocuments(s._nextId)
    for (const shortId of shortIds) {
      this.#alive[shortId] = 0
      if (this.#isAlive(shortId)) this.#documentCount++
      this.#nextId = Math.max(this.#nextId, shortId + 1)
    }
  }

  /** A document about to be discarded from the index. */
  discarded(shortId: number): void {
    if (shortId >= this.#alive.length) return
    if (this.#alive[shortId] === 1) this.#documentCount--
    this.#alive[shortId] = 2
  }

  /**
   * Every document of an index just opened from storage: short ids in stored order and their
   * field lengths (`none` where a document has no length for a field), as packed.ts stores them.
   */
  opened(shortIds: Uint32Array, fieldLengths: Uint32Array, none: number): void {
    const s = this.#search
    const fields = s._options.fields.length
    this.#fitDocuments(s._nextId)
    this.#alive.fill(2)
    for (let d = 0; d < shortIds.length; d++) {
      const shortId = shortIds[d]!
      this.#alive[shortId] = 1
      for (let f = 0; f < fields; f++) {
        const length = fieldLengths[d * fields + f]!
        this.#lengths[shortId * fields + f] = length === none ? 0 : length
      }
    }
    this.#documentCount = s._documentCount
    this.#nextId = s._nextId
  }

  run(query: QueryNode): Scored {
    const s = this.#search
    // Postings and expansions from before documents came or went, or before MiniSearch vacuumed
    // discarded ones from its terms, are stale (the index's owner also says so).
    const basis = `${s._documentCount}|${s._nextId}|${s._dirtCount}`
    if (basis !== this.#basis) {
      this.changed()
      this.#basis = basis
    }
    this.#grow(s._nextId)
    this.#readDocuments()
    const distinct: string[] = []
    const collect = (node: QueryNode): void => {
      if (!isTerm(node)) node.children.forEach(collect)
      else if (!distinct.includes(node.term)) distinct.push(node.term)
    }
    collect(query)
    const words = Math.max(1, Math.ceil(distinct.length / 32))
    this.#expansions = distinct.map(() => [])
    const result = this.#node(query, distinct, words)
    // As MiniSearch's `search`: the score times the number of distinct query terms matched.
    for (let i = 0; i < result.length; i++) {
      let matched = 0
      for (let w = 0; w < words; w++) matched += popcount(result.masks[i * words + w]!)
      result.scores[i]! *= matched || 1
    }
    return { ...result, words }
  }

  /**
   * The document's terms the last query matched it by (for marking them in snippets), given its
   * short id and its mask in that query's result.
   */
  matched(shortId: number, mask: Uint32Array): Set<string> {
    const found = new Set<string>()
    this.#expansions.forEach((expansions, t) => {
      if (!((mask[t >>> 5]! >>> (t & 31)) & 1)) return
      for (const { term, data } of expansions)
        if (this.#postings(term, data).some((p) => p !== null && has(p.ids, shortId)))
          found.add(term)
    })
    return found
  }

  /**
   * Sizes the arrays by short id. Short ids only grow and a document's field lengths never change,
   * so what was read stays true, except that a document may have been discarded since: when
   * MiniSearch's count of documents grew by less than its next short id, every document is read
   * again as it is met.
   */
  #readDocuments(): void {
    const s = this.#search
    const size = s._nextId
    this.#fitDocuments(size)
    if (s._documentCount - this.#documentCount < size - this.#nextId) this.#alive.fill(0)
    this.#documentCount = s._documentCount
    this.#nextId = size
  }

  #fitDocuments(size: number): void {
    if (this.#alive.length >= size) return
    const fields = this.#search._options.fields.length
    const length = Math.max(size, Math.ceil(this.#alive.length * 1.5))
    const alive = new Uint8Array(length)
    alive.set(this.#alive)
    const lengths = new Uint32Array(length * fields)
    lengths.set(this.#lengths)
    this.#alive = alive
    this.#lengths = lengths
  }

  /** Whether a document is in the index (not discarded), reading its field lengths once. */
  #isAlive(shortId: number): boolean {
    const known = this.#alive[shortId]!
    if (known !== 0) return known === 1
    const lengths = this.#search._fieldLength.get(shortId)
    this.#alive[shortId] = lengths ? 1 : 2
    if (!lengths) return false
    const fields = this.#search._options.fields.length
    for (let f = 0; f < fields; f++) this.#lengths[shortId * fields + f] = lengths[f] ?? 0
    return true
  }

  #grow(size: number): void {
    if (this.#stamp.length >= size) return
    const length = Math.max(size, Math.ceil(this.#stamp.length * 1.5), 1024)
    this.#stamp = new Uint32Array(length)
    this.#acc = new Float64Array(length)
    this.#at = new Int32Array(length)
    this.#touched = new Int32Array(length)
    this.#pass = 0
  }

  #nextPass(): number {
    if (++this.#pass === 0xffffffff) {
      this.#stamp.fill(0)
      this.#pass = 1
    }
    return this.#pass
  }

  #node(node: QueryNode, distinct: string[], words: number): Sparse {
    if (isTerm(node)) return this.#term(node, distinct.indexOf(node.term), words)
    // MiniSearch's `combineResults`: children folded left to right; none is no result.
    if (node.children.length === 0)
      return {
        length: 0,
        ids: new Int32Array(0),
        scores: new Float64Array(0),
        masks: new Uint32Array(0),
      }
    let result = this.#node(node.children[0]!, distinct, words)
    for (let c = 1; c < node.children.length; c++) {
      const next = this.#node(node.children[c]!, distinct, words)
      result =
        node.combineWith === 'AND' ? this.#and(result, next, words) : this.#or(result, next, words)
    }
    return result
  }

  /** Marks where each of `a`'s documents is, for a pass. */
  #place(a: Sparse): number {
    const pass = this.#nextPass()
    for (let i = 0; i < a.length; i++) {
      const id = a.ids[i]!
      this.#stamp[id] = pass
      this.#at[id] = i
    }
    return pass
  }

  #and(a: Sparse, b: Sparse, words: number): Sparse {
    const pass = this.#place(a)
    const n = Math.min(a.length, b.length)
    const out: Sparse = {
      length: 0,
      ids: new Int32Array(n),
      scores: new Float64Array(n),
      masks: new Uint32Array(n * words),
    }
    for (let j = 0; j < b.length; j++) {
      const id = b.ids[j]!
      if (this.#stamp[id] !== pass) continue
      const i = this.#at[id]!
      const k = out.length++
      out.ids[k] = id
      out.scores[k] = a.scores[i]! + b.scores[j]!
      for (let w = 0; w < words; w++)
        out.masks[k * words + w] = a.masks[i * words + w]! | b.masks[j * words + w]!
    }
    return out
  }

  #or(a: Sparse, b: Sparse, words: number): Sparse {
    const pass = this.#place(a)
    const n = a.length + b.length
    const out: Sparse = {
      length: a.length,
      ids: new Int32Array(n),
      scores: new Float64Array(n),
      masks: new Uint32Array(n * words),
    }
    out.ids.set(a.ids.subarray(0, a.length))
    out.scores.set(a.scores.subarray(0, a.length))
    out.masks.set(a.masks.subarray(0, a.length * words))
    for (let j = 0; j < b.length; j++) {
      const id = b.ids[j]!
      let k: number
      if (this.#stamp[id] === pass) {
        k = this.#at[id]!
        out.scores[k] = out.scores[k]! + b.scores[j]!
      } else {
        k = out.length++
        out.ids[k] = id
        out.scores[k] = b.scores[j]!
      }
      for (let w = 0; w < words; w++) out.masks[k * words + w]! |= b.masks[j * words + w]!
    }
    return out
  }

  /** The terms a query term stands for, in the order MiniSearch's `executeQuerySpec` scores them. */
  #expand(query: TermQuery): Expansion[] {
    const key = `${query.prefix ? 1 : 0}${query.fuzzy}${query.term}`
    let found = this.#expanded.get(key)
    if (!found) {
      found = this.#expandNow(query)
      if (this.#expanded.size >= MAX_EXPANDED) this.#expanded.clear()
      this.#expanded.set(key, found)
    }
    return found
  }

  #expandNow(query: TermQuery): Expansion[] {
    const tree = this.#search._index
    const found: Expansion[] = [{ term: query.term, data: tree.get(query.term), weight: 1 }]
    const prefixed = query.prefix ? tree.atPrefix(query.term) : null
    const fuzzy = query.fuzzy > 0 ? tree.fuzzyGet(query.term, query.fuzzy) : null
    if (prefixed)
      for (const [term, data] of prefixed) {
        const distance = term.length - query.term.length
        if (!distance) continue
        fuzzy?.delete(term)
        const weight = (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * distance)
        found.push({ term, data, weight })
      }
    if (fuzzy)
      for (const [term, [data, distance]] of fuzzy) {
        if (!distance) continue
        found.push({ term, data, weight: (FUZZY_WEIGHT * term.length) / (term.length + distance) })
      }
    return found
  }

  /** One query term: MiniSearch's `termResults` for each term it stands for, field by field. */
  #term(query: TermQuery, index: number, words: number): Sparse {
    const s = this.#search
    const expansions = this.#expand(query)
    this.#expansions[index]!.push(...expansions)
    const boosts = s._options.searchOptions?.boost ?? {}
    const fields = s._options.fields.map((field) => ({
      id: s._fieldIds[field]!,
      boost: boosts[field] || 1,
    }))
    const pass = this.#nextPass()
    const stamp = this.#stamp
    const acc = this.#acc
    const touched = this.#touched
    const lengths = this.#lengths
    const fieldCount = s._options.fields.length
    const { k, b, d } = BM25
    let length = 0
    for (const { term, data, weight } of expansions) {
      if (!data) continue
      const postings = this.#postings(term, data)
      for (const { id: fieldId, boost } of fields) {
        const p = postings[fieldId]
        if (!p) continue
        // As MiniSearch: termWeight * termBoost * fieldBoost * docBoost * BM25 (both boosts 1).
        const factor = weight * boost
        const { ids, frequencies } = p
        const count = ids.length
        const average = s._avgFieldLength[fieldId]!
        // MiniSearch's `calcBM25Score`, step for step (the same floating-point operations).
        const invDocFreq = Math.log(1 + (s._documentCount - count + 0.5) / (count + 0.5))
        for (let i = 0; i < count; i++) {
          const id = ids[i]!
          const termFreq = frequencies[i]!
          const fieldLength = lengths[id * fieldCount + fieldId]!
          const bm25 =
            invDocFreq *
            (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * fieldLength) / average)))
          const score = factor * bm25
          if (stamp[id] === pass) acc[id] = acc[id]! + score
          else {
            stamp[id] = pass
            acc[id] = score
            touched[length++] = id
          }
        }
      }
    }
    const out: Sparse = {
      length,
      ids: touched.slice(0, length),
      scores: new Float64Array(length),
      masks: new Uint32Array(length * words),
    }
    const word = index >>> 5
    const bit = 1 << (index & 31)
    for (let i = 0; i < length; i++) {
      out.scores[i] = acc[out.ids[i]!]!
      out.masks[i * words + word] = bit
    }
    return out
  }

  /** A term's live postings per field id, copied from MiniSearch's Maps the first time. */
  #postings(term: string, data: TermData | undefined): (FieldPostings | null)[] {
    const known = this.#cache.get(term)
    if (known) return known
    const s = this.#search
    const fields: (FieldPostings | null)[] = s._options.fields.map(() => null)
    if (!data) return fields
    for (const [fieldId, postings] of data) {
      const size = postingCount(postings)
      const ids = new Int32Array(size)
      const frequencies = new Uint32Array(size)
      copyPostings(postings, ids, frequencies)
      // Discarded documents stay in the postings until MiniSearch vacuums them.
      let count = 0
      let sorted = true
      for (let i = 0; i < size; i++) {
        const id = ids[i]!
        if (!this.#isAlive(id)) continue
        if (count > 0 && id < ids[count - 1]!) sorted = false
        ids[count] = id
        frequencies[count++] = frequencies[i]!
      }
      let p: FieldPostings
      if (sorted) p = { ids: ids.slice(0, count), frequencies: frequencies.slice(0, count) }
      else {
        const order = Array.from({ length: count }, (_, i) => i)
        order.sort((x, y) => ids[x]! - ids[y]!)
        p = { ids: new Int32Array(count), frequencies: new Uint32Array(count) }
        order.forEach((from, i) => {
          p.ids[i] = ids[from]!
          p.frequencies[i] = frequencies[from]!
        })
      }
      fields[fieldId] = p
      this.#cached += count
    }
    if (this.#cached > CACHE_POSTINGS) this.changed()
    this.#cache.set(term, fields)
    return fields
  }
}

/** Whether the sorted `ids` hold `id`. */
function has(ids: Int32Array, id: number): boolean {
  let low = 0
  let high = ids.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if (ids[mid]! < id) low = mid + 1
    else high = mid
  }
  return low < ids.length && ids[low] === id
}

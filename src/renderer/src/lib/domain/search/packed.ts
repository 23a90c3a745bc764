/**
 * A MiniSearch index packed for storing (postings in one Uint32Array) and unpacked by setting
 * MiniSearch 7.2's own index fields, each term's postings decoded when first read and each
 * document's id and field lengths read from typed arrays, so opening costs little more than the
 * list of terms (docs/decisions/0020, 0024). packed.test.ts holds the round trip to MiniSearch's
 * own JSON, so an upgrade that changes those fields fails there.
 */
import MiniSearch, { type Options } from 'minisearch'

/** The fields of a MiniSearch instance that make up its index (see MiniSearch's toJSON). */
export interface Internals {
  _documentCount: number
  _nextId: number
  _dirtCount: number
  _documentIds: Map<number, string>
  _idToShortId: Map<string, number>
  _fieldIds: Record<string, number>
  _fieldLength: Map<number, (number | undefined)[]>
  _avgFieldLength: number[]
  _index: {
    set(term: string, data: Map<number, Map<number, number>>): unknown
    [Symbol.iterator](): Iterator<[string, Map<number, Map<number, number>>]>
  }
}

export interface PackedIndex {
  documentCount: number
  nextId: number
  dirtCount: number
  avgFieldLength: number[]
  fieldIds: Record<string, number>
  /** Per document, in the order of the ids given to packIndex (stored beside, not here). */
  shortIds: Uint32Array
  /** Per document (in `shortIds` order), one length per field; NO_LENGTH where it has none. */
  fieldLengths: Uint32Array
  terms: string[]
  /** Per term: field count, then per field: field id, posting count, (short id, frequency)… */
  postings: Uint32Array
}

/** A document's length in a field it has none of (MiniSearch keeps none for it). */
export const NO_LENGTH = 0xffffffff

function internals<T>(search: MiniSearch<T>): Internals {
  return search as unknown as Internals
}

/** A growable Uint32Array. */
class Words {
  data = new Uint32Array(1 << 16)
  length = 0
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Uint32Array(this.data.length * 2)
      next.set(this.data)
      this.data = next
    }
    this.data[this.length++] = value
  }
  done(): Uint32Array {
    return this.data.slice(0, this.length)
  }
}

/**
 * A Map filled by `fill` the first time any of its methods is called: most of what a stored
 * index holds is never read in a session.
 */
class FilledWhenUsed<K, V> extends Map<K, V> {
  #fill: ((set: (key: K, value: V) => void) => void) | null

  constructor(fill: (set: (key: K, value: V) => void) => void) {
    super()
    this.#fill = fill
  }

  /** False until the first use. */
  protected get filled(): boolean {
    return this.#fill === null
  }

  #filled(): void {
    const fill = this.#fill
    if (!fill) return
    this.#fill = null
    fill((key, value) => void Map.prototype.set.call(this, key, value))
  }

  override get size(): number {
    this.#filled()
    return super.size
  }
  override get(key: K): V | undefined {
    this.#filled()
    return super.get(key)
  }
  override has(key: K): boolean {
    this.#filled()
    return super.has(key)
  }
  override set(key: K, value: V): this {
    this.#filled()
    return super.set(key, value)
  }
  override delete(key: K): boolean {
    this.#filled()
    return super.delete(key)
  }
  override clear(): void {
    this.#fill = null
    super.clear()
  }
  override forEach(callback: (value: V, key: K, map: Map<K, V>) => void, thisArg?: unknown): void {
    this.#filled()
    super.forEach(callback, thisArg)
  }
  override keys(): MapIterator<K> {
    this.#filled()
    return super.keys()
  }
  override values(): MapIterator<V> {
    this.#filled()
    return super.values()
  }
  override entries(): MapIterator<[K, V]> {
    this.#filled()
    return super.entries()
  }
  override [Symbol.iterator](): MapIterator<[K, V]> {
    this.#filled()
    return super[Symbol.iterator]()
  }
}

/** One term's postings in one field (short id → frequency), decoded from the packed array. */
class PackedPostings extends FilledWhenUsed<number, number> {
  readonly #packed: Uint32Array
  readonly #at: number
  readonly #count: number

  constructor(packed: Uint32Array, at: number, count: number) {
    super((set) => {
      for (let i = 0, k = at; i < count; i++, k += 2) set(packed[k]!, packed[k + 1]!)
    })
    this.#packed = packed
    this.#at = at
    this.#count = count
  }

  /** The size, without decoding the postings. */
  get count(): number {
    return this.filled ? this.size : this.#count
  }

  /** The packed (short id, frequency) pairs, while not decoded yet. */
  get pairs(): { packed: Uint32Array; at: number; count: number } | null {
    return this.filled ? null : { packed: this.#packed, at: this.#at, count: this.#count }
  }
}

/**
 * A Map by short id whose entries are read from stored rows (`read(d)` for the d-th stored
 * document) until something walks all of it: `get`, `has`, `set` and `delete` touch one entry,
 * which keeps a query's per-posting look-ups off a 160,000-entry Map built on opening.
 */
class ByShortId<V> extends Map<number, V> {
  /** Short id → stored row, -1 where none (or no longer); null once copied into the Map. */
  #rows: Int32Array | null
  #stored: number
  readonly #read: (d: number) => V

  constructor(shortIds: Uint32Array, nextId: number, read: (d: number) => V) {
    super()
    const rows = new Int32Array(nextId).fill(-1)
    shortIds.forEach((shortId, d) => (rows[shortId] = d))
    this.#rows = rows
    this.#stored = shortIds.length
    this.#read = read
  }

  #row(key: number): number {
    return this.#rows && key >= 0 && key < this.#rows.length ? this.#rows[key]! : -1
  }

  /** Copies the stored entries in, in short-id order before the ones set since opening. */
  #fill(): void {
    const rows = this.#rows
    if (!rows) return
    this.#rows = null
    const added = [...super.entries()]
    super.clear()
    rows.forEach((d, key) => {
      if (d >= 0) super.set(key, this.#read(d))
    })
    for (const [key, value] of added) super.set(key, value)
  }

  override get size(): number {
    return super.size + (this.#rows ? this.#stored : 0)
  }
  override get(key: number): V | undefined {
    const d = this.#row(key)
    return d >= 0 ? this.#read(d) : super.get(key)
  }
  override has(key: number): boolean {
    return this.#row(key) >= 0 || super.has(key)
  }
  override set(key: number, value: V): this {
    this.#forget(key)
    return super.set(key, value)
  }
  override delete(key: number): boolean {
    return this.#forget(key) || super.delete(key)
  }
  /** Drops the stored entry for `key`, if there is one. */
  #forget(key: number): boolean {
    if (this.#row(key) < 0) return false
    this.#rows![key] = -1
    this.#stored--
    return true
  }
  override clear(): void {
    this.#rows = null
    super.clear()
  }
  override forEach(
    callback: (value: V, key: number, map: Map<number, V>) => void,
    thisArg?: unknown,
  ): void {
    this.#fill()
    super.forEach(callback, thisArg)
  }
  override keys(): MapIterator<number> {
    this.#fill()
    return super.keys()
  }
  override values(): MapIterator<V> {
    this.#fill()
    return super.values()
  }
  override entries(): MapIterator<[number, V]> {
    this.#fill()
    return super.entries()
  }
  override [Symbol.iterator](): MapIterator<[number, V]> {
    this.#fill()
    return super[Symbol.iterator]()
  }
}

/** `ids`: every document's id, in the order they are stored in; their short ids follow it. */
export function packIndex<T>(search: MiniSearch<T>, ids: readonly string[]): PackedIndex {
  const s = internals(search)
  if (ids.length !== s._documentIds.size)
    throw new Error('The search index holds other documents than those stored')
  const fieldCount = Object.keys(s._fieldIds).length
  const shortIds = new Uint32Array(ids.length)
  const fieldLengths = new Uint32Array(ids.length * fieldCount).fill(NO_LENGTH)
  ids.forEach((id, d) => {
    const shortId = s._idToShortId.get(id)
    if (shortId === undefined) throw new Error(`Search document ${id} is not in the index`)
    shortIds[d] = shortId
    const lengths = s._fieldLength.get(shortId) ?? []
    for (let f = 0; f < fieldCount; f++) {
      const length = lengths[f]
      if (length !== undefined) fieldLengths[d * fieldCount + f] = length
    }
  })
  const terms: string[] = []
  const postings = new Words()
  for (const [term, data] of s._index) {
    terms.push(term)
    postings.push(data.size)
    for (const [fieldId, freqs] of data) {
      postings.push(fieldId)
      postings.push(freqs.size)
      for (const [shortId, freq] of freqs) {
        postings.push(shortId)
        postings.push(freq)
      }
    }
  }
  return {
    documentCount: s._documentCount,
    nextId: s._nextId,
    dirtCount: s._dirtCount,
    avgFieldLength: [...s._avgFieldLength],
    fieldIds: { ...s._fieldIds },
    shortIds,
    fieldLengths,
    terms,
    postings: postings.done(),
  }
}

/** How many documents a term's postings in one field hold, without decoding stored ones. */
export function postingCount(postings: Map<number, number>): number {
  return postings instanceof PackedPostings ? postings.count : postings.size
}

/**
 * Copies a term's postings in one field into `ids` and `frequencies` (both `postingCount` long),
 * in the Map's order, reading stored ones from their packed pairs without decoding them.
 */
export function copyPostings(
  postings: Map<number, number>,
  ids: Int32Array,
  frequencies: Uint32Array,
): void {
  const stored = postings instanceof PackedPostings ? postings.pairs : null
  if (!stored) {
    let i = 0
    postings.forEach((frequency, shortId) => {
      ids[i] = shortId
      frequencies[i++] = frequency
    })
    return
  }
  const { packed, at, count } = stored
  for (let i = 0, p = at; i < count; i++, p += 2) {
    ids[i] = packed[p]!
    frequencies[i] = packed[p + 1]!
  }
}

/**
 * The index packed by `packIndex`, with the options it was built with; `idAt(d)` gives the id of
 * the d-th document of the ids it was packed with.
 */
export function unpackIndex<T>(
  packed: PackedIndex,
  options: Options<T>,
  idAt: (d: number) => string,
): MiniSearch<T> {
  const search = new MiniSearch(options)
  const s = internals(search)
  if (JSON.stringify(s._fieldIds) !== JSON.stringify(packed.fieldIds))
    throw new Error('The stored search index was built with other fields')
  s._documentCount = packed.documentCount
  s._nextId = packed.nextId
  s._dirtCount = packed.dirtCount
  s._avgFieldLength = [...packed.avgFieldLength]
  const fieldCount = Object.keys(packed.fieldIds).length
  const { shortIds, fieldLengths } = packed
  s._documentIds = new ByShortId(shortIds, packed.nextId, idAt)
  s._fieldLength = new ByShortId(shortIds, packed.nextId, (d) => {
    const lengths: (number | undefined)[] = []
    for (let f = 0; f < fieldCount; f++) {
      const length = fieldLengths[d * fieldCount + f]!
      if (length !== NO_LENGTH) lengths[f] = length
    }
    return lengths
  })
  s._idToShortId = new FilledWhenUsed<string, number>((set) => {
    for (let d = 0; d < shortIds.length; d++) set(idAt(d), shortIds[d]!)
  })
  const p = packed.postings
  let at = 0
  for (const term of packed.terms) {
    const data = new Map<number, Map<number, number>>()
    const fields = p[at++]!
    for (let f = 0; f < fields; f++) {
      const fieldId = p[at++]!
      const count = p[at++]!
      data.set(fieldId, new PackedPostings(p, at, count))
      at += count * 2
    }
    s._index.set(term, data)
  }
  return search
}

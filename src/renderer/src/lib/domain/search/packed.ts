/**
 * A MiniSearch index packed for storing (postings in one Uint32Array) and unpacked by setting
 * MiniSearch 7.2's own index fields, each term's postings decoded when first read, so opening
 * costs little more than the list of terms (docs/decisions/0020). packed.test.ts holds the round
 * trip to MiniSearch's own JSON, so an upgrade that changes those fields fails there.
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
  /** Short ids and the document ids they stand for, in the same order. */
  shortIds: Uint32Array
  documentIds: string[]
  /** Per document (in `shortIds` order), one length per field; NO_LENGTH where it has none. */
  fieldLengths: Uint32Array
  terms: string[]
  /** Per term: field count, then per field: field id, posting count, (short id, frequency)… */
  postings: Uint32Array
}

const NO_LENGTH = 0xffffffff

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
 * One term's postings in one field (short id → frequency), decoded from the packed array the
 * first time any of Map's methods is called: most terms are never read in a session.
 */
class PackedPostings extends Map<number, number> {
  #packed: Uint32Array | null
  #at: number
  #count: number

  constructor(packed: Uint32Array, at: number, count: number) {
    super()
    this.#packed = packed
    this.#at = at
    this.#count = count
  }

  #fill(): void {
    const p = this.#packed
    if (!p) return
    this.#packed = null
    for (let i = 0, at = this.#at; i < this.#count; i++, at += 2) super.set(p[at]!, p[at + 1]!)
  }

  override get size(): number {
    this.#fill()
    return super.size
  }

  /** The size, without decoding the postings. */
  get count(): number {
    return this.#packed ? this.#count : super.size
  }

  /** The packed (short id, frequency) pairs, while not decoded yet. */
  get pairs(): { packed: Uint32Array; at: number; count: number } | null {
    return this.#packed ? { packed: this.#packed, at: this.#at, count: this.#count } : null
  }
  override get(key: number): number | undefined {
    this.#fill()
    return super.get(key)
  }
  override has(key: number): boolean {
    this.#fill()
    return super.has(key)
  }
  override set(key: number, value: number): this {
    this.#fill()
    return super.set(key, value)
  }
  override delete(key: number): boolean {
    this.#fill()
    return super.delete(key)
  }
  override clear(): void {
    this.#packed = null
    super.clear()
  }
  override forEach(
    callback: (value: number, key: number, map: Map<number, number>) => void,
    thisArg?: unknown,
  ): void {
    this.#fill()
    super.forEach(callback, thisArg)
  }
  override keys(): MapIterator<number> {
    this.#fill()
    return super.keys()
  }
  override values(): MapIterator<number> {
    this.#fill()
    return super.values()
  }
  override entries(): MapIterator<[number, number]> {
    this.#fill()
    return super.entries()
  }
  override [Symbol.iterator](): MapIterator<[number, number]> {
    this.#fill()
    return super[Symbol.iterator]()
  }
}

export function packIndex<T>(search: MiniSearch<T>): PackedIndex {
  const s = internals(search)
  const fieldCount = Object.keys(s._fieldIds).length
  const shortIds = new Uint32Array(s._documentIds.size)
  const documentIds: string[] = []
  const fieldLengths = new Uint32Array(s._documentIds.size * fieldCount).fill(NO_LENGTH)
  let d = 0
  for (const [shortId, id] of s._documentIds) {
    shortIds[d] = shortId
    documentIds.push(id)
    const lengths = s._fieldLength.get(shortId) ?? []
    for (let f = 0; f < fieldCount; f++) {
      const length = lengths[f]
      if (length !== undefined) fieldLengths[d * fieldCount + f] = length
    }
    d++
  }
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
    documentIds,
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

/** The index packed by `packIndex`, with the options it was built with. */
export function unpackIndex<T>(packed: PackedIndex, options: Options<T>): MiniSearch<T> {
  const search = new MiniSearch(options)
  const s = internals(search)
  if (JSON.stringify(s._fieldIds) !== JSON.stringify(packed.fieldIds))
    throw new Error('The stored search index was built with other fields')
  s._documentCount = packed.documentCount
  s._nextId = packed.nextId
  s._dirtCount = packed.dirtCount
  s._avgFieldLength = [...packed.avgFieldLength]
  const fieldCount = Object.keys(packed.fieldIds).length
  for (let d = 0; d < packed.shortIds.length; d++) {
    const shortId = packed.shortIds[d]!
    const id = packed.documentIds[d]!
    s._documentIds.set(shortId, id)
    s._idToShortId.set(id, shortId)
    const lengths: (number | undefined)[] = []
    for (let f = 0; f < fieldCount; f++) {
      const length = packed.fieldLengths[d * fieldCount + f]!
      if (length !== NO_LENGTH) lengths[f] = length
    }
    s._fieldLength.set(shortId, lengths)
  }
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

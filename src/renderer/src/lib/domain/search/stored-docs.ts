/**
 * The search documents as stored: every text in one long string with the ends of each piece, the
 * numbers in typed arrays. IndexedDB copies one long string far faster than a hundred thousand
 * objects, and a document is rebuilt from its slices only when a query first needs it.
 */
import type { SearchDoc } from './engine'
import type { SearchKind } from './sources'

export interface PackedDocs {
  ids: string[]
  /** Per document, TEXTS pieces in order, end to end. */
  strings: string
  /** The end of each piece in `strings`, TEXTS per document. */
  ends: Uint32Array
  kinds: Uint8Array
  /** NaN where the document has none. */
  offsets: Float64Array
  dates: Float64Array
  /** Bit 1: no event id; bit 2: no folded text. */
  nulls: Uint8Array
}

/** The kinds, in the order stored (and in the order ranking numbers them). */
export const KINDS: SearchKind[] = ['passage', 'event', 'note', 'highlight', 'entity']
const TEXTS = 9
/** Between the items of a list (article ids, tags): a character no id or tag holds. */
const LIST = '\u0001'
const NO_EVENT = 1
const NO_FOLDED = 2

const list = (text: string): string[] => (text ? text.split(LIST) : [])

/** Documents with their folded text (null where folding changed nothing). */
export function packDocs(docs: readonly (readonly [SearchDoc, string | null])[]): PackedDocs {
  const n = docs.length
  const packed: PackedDocs = {
    ids: [],
    strings: '',
    ends: new Uint32Array(n * TEXTS),
    kinds: new Uint8Array(n),
    offsets: new Float64Array(n),
    dates: new Float64Array(n),
    nulls: new Uint8Array(n),
  }
  const pieces: string[] = []
  let end = 0
  docs.forEach(([doc, folded], i) => {
    packed.ids.push(doc.id)
    const texts = [
      doc.source,
      doc.label,
      doc.title,
      doc.text,
      doc.note,
      folded ?? '',
      doc.eventId ?? '',
      doc.articleIds.join(LIST),
      doc.tags.join(LIST),
    ]
    texts.forEach((text, t) => {
      pieces.push(text)
      end += text.length
      packed.ends[i * TEXTS + t] = end
    })
    packed.kinds[i] = KINDS.indexOf(doc.kind)
    packed.offsets[i] = doc.offset ?? NaN
    packed.dates[i] = doc.date ?? NaN
    packed.nulls[i] = (doc.eventId === null ? NO_EVENT : 0) | (folded === null ? NO_FOLDED : 0)
  })
  packed.strings = pieces.join('')
  return packed
}

/** Document `i` of the packed ones, with its folded text. */
export function unpackDoc(packed: PackedDocs, i: number): [SearchDoc, string | null] {
  const at = (t: number): string => piece(packed, i, t)
  const offset = packed.offsets[i]!
  const date = packed.dates[i]!
  const nulls = packed.nulls[i]!
  const doc: SearchDoc = {
    id: packed.ids[i]!,
    source: at(0),
    kind: KINDS[packed.kinds[i]!]!,
    label: at(1),
    title: at(2),
    text: at(3),
    note: at(4),
    eventId: nulls & NO_EVENT ? null : at(6),
    articleIds: list(at(7)),
    offset: Number.isNaN(offset) ? null : offset,
    date: Number.isNaN(date) ? null : date,
    tags: list(at(8)),
  }
  return [doc, nulls & NO_FOLDED ? null : at(5)]
}

function piece(packed: PackedDocs, i: number, t: number): string {
  const k = i * TEXTS + t
  return packed.strings.slice(k === 0 ? 0 : packed.ends[k - 1]!, packed.ends[k]!)
}

/** What ranking and the timeline toggle need of document `i`, without rebuilding it. */
export function storedFacts(
  packed: PackedDocs,
  i: number,
): { kind: SearchKind; eventId: string | null; date: number | null } {
  const date = packed.dates[i]!
  return {
    kind: KINDS[packed.kinds[i]!]!,
    eventId: packed.nulls[i]! & NO_EVENT ? null : piece(packed, i, 6),
    date: Number.isNaN(date) ? null : date,
  }
}

/** Document `i`'s folded text, or null where folding changed nothing. */
export function storedFolded(packed: PackedDocs, i: number): string | null {
  return packed.nulls[i]! & NO_FOLDED ? null : piece(packed, i, 5)
}

/** Document `i`'s title, text and note, as stored. */
export function storedTexts(
  packed: PackedDocs,
  i: number,
): { title: string; text: string; note: string } {
  return { title: piece(packed, i, 2), text: piece(packed, i, 3), note: piece(packed, i, 4) }
}

/** Document `i`'s article ids and tags, as stored. */
export function storedLists(
  packed: PackedDocs,
  i: number,
): { articleIds: string[]; tags: string[] } {
  return { articleIds: list(piece(packed, i, 7)), tags: list(piece(packed, i, 8)) }
}

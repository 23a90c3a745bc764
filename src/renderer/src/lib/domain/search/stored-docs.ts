/**
 * The search documents as stored: ids end to end in one string, texts in two long strings (one of
 * documents written in characters that fit one byte, which IndexedDB keeps one byte a character,
 * one of the rest), numbers in typed arrays. Opening reads a few large values instead of hundreds
 * of thousands of small ones; a document is rebuilt from its slices only when a query needs it.
 */
import type { SearchDoc } from './engine'
import type { SearchKind } from './sources'

export interface PackedDocs {
  /** Every document's id, end to end; `idEnds[i]` is where id i ends. */
  ids: string
  idEnds: Uint32Array
  /** The texts of documents whose characters all fit in one byte (Latin-1), end to end. */
  narrow: string
  /** The texts of the other documents (Khmer, Thai, typographic quotes…). */
  wide: string
  /** Where document i's first piece starts in its string (`narrow`, or `wide` when WIDE). */
  starts: Uint32Array
  /** The end of each piece in its document's string, TEXTS per document. */
  ends: Uint32Array
  kinds: Uint8Array
  /** NaN where the document has none. */
  offsets: Float64Array
  dates: Float64Array
  /** Bit 1: no event id; bit 2: no folded text; bit 4: the texts are in `wide`. */
  nulls: Uint8Array
}

/** The kinds, in the order stored (and in the order ranking numbers them). */
export const KINDS: SearchKind[] = ['passage', 'event', 'note', 'highlight', 'entity']
const TEXTS = 9
/** Between the items of a list (article ids, tags, document ids): a character no id or tag holds. */
const LIST = '\u0001'
const NO_EVENT = 1
const NO_FOLDED = 2
const WIDE = 4
const BEYOND_ONE_BYTE = /[\u0100-\uffff]/

const list = (text: string): string[] => (text ? text.split(LIST) : [])

/**
 * `text` (all of it below U+0100) as a one-byte string. A slice of a string holding Khmer stays
 * two bytes a character even where it has none, and is cloned so; String.fromCharCode makes
 * one-byte strings wherever it can.
 */
function oneByte(text: string): string {
  const CHUNK = 8192
  let out = ''
  for (let from = 0; from < text.length; from += CHUNK) {
    const codes: number[] = []
    for (let i = from; i < Math.min(from + CHUNK, text.length); i++) codes.push(text.charCodeAt(i))
    out += String.fromCharCode.apply(null, codes)
  }
  return out
}

/** Builds packed documents one at a time, from documents or from another packing's rows. */
export class DocsWriter {
  #ids: string[] = []
  #narrow: string[] = []
  #wide: string[] = []
  #narrowLength = 0
  #wideLength = 0
  #starts: number[] = []
  #ends: number[] = []
  #kinds: number[] = []
  #offsets: number[] = []
  #dates: number[] = []
  #nulls: number[] = []

  /** A document with its folded text (null where folding changed nothing). */
  add(doc: SearchDoc, folded: string | null): void {
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
    const nulls = (doc.eventId === null ? NO_EVENT : 0) | (folded === null ? NO_FOLDED : 0)
    const wide = texts.some((text) => BEYOND_ONE_BYTE.test(text))
    this.#push(
      doc.id,
      wide ? texts : texts.map(oneByte),
      wide,
      KINDS.indexOf(doc.kind),
      doc.offset ?? NaN,
      doc.date ?? NaN,
      nulls,
    )
  }

  /** Row `i` of `from`, copied as it is stored. */
  copy(from: PackedDocs, i: number): void {
    const texts = Array.from({ length: TEXTS }, (_, t) => piece(from, i, t))
    const nulls = from.nulls[i]!
    const wide = (nulls & WIDE) !== 0
    this.#push(docId(from, i), texts, wide, from.kinds[i]!, from.offsets[i]!, from.dates[i]!, nulls)
  }

  #push(
    id: string,
    texts: string[],
    wide: boolean,
    kind: number,
    offset: number,
    date: number,
    nulls: number,
  ): void {
    this.#ids.push(id)
    const pieces = wide ? this.#wide : this.#narrow
    let end = wide ? this.#wideLength : this.#narrowLength
    this.#starts.push(end)
    for (const text of texts) {
      pieces.push(text)
      end += text.length
      this.#ends.push(end)
    }
    if (wide) this.#wideLength = end
    else this.#narrowLength = end
    this.#kinds.push(kind)
    this.#offsets.push(offset)
    this.#dates.push(date)
    this.#nulls.push((nulls & ~WIDE) | (wide ? WIDE : 0))
  }

  get size(): number {
    return this.#ids.length
  }

  /** The ids of the documents added so far, in order. */
  get ids(): readonly string[] {
    return this.#ids
  }

  done(): PackedDocs {
    const idEnds = new Uint32Array(this.#ids.length)
    let end = 0
    this.#ids.forEach((id, i) => (idEnds[i] = end += id.length))
    return {
      ids: this.#ids.join(''),
      idEnds,
      narrow: this.#narrow.join(''),
      wide: this.#wide.join(''),
      starts: Uint32Array.from(this.#starts),
      ends: Uint32Array.from(this.#ends),
      kinds: Uint8Array.from(this.#kinds),
      offsets: Float64Array.from(this.#offsets),
      dates: Float64Array.from(this.#dates),
      nulls: Uint8Array.from(this.#nulls),
    }
  }
}

/** Strings (keys, signatures) as one, for storing. */
export function joinList(items: readonly string[]): string {
  return items.join(LIST)
}

export function splitList(text: string): string[] {
  return list(text)
}

export function docId(packed: PackedDocs, i: number): string {
  return packed.ids.slice(i === 0 ? 0 : packed.idEnds[i - 1]!, packed.idEnds[i]!)
}

/** Document `i` of the packed ones, with its folded text. */
export function unpackDoc(packed: PackedDocs, i: number): [SearchDoc, string | null] {
  const at = (t: number): string => piece(packed, i, t)
  const offset = packed.offsets[i]!
  const date = packed.dates[i]!
  const nulls = packed.nulls[i]!
  const doc: SearchDoc = {
    id: docId(packed, i),
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
  const text = packed.nulls[i]! & WIDE ? packed.wide : packed.narrow
  return text.slice(t === 0 ? packed.starts[i]! : packed.ends[k - 1]!, packed.ends[k]!)
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

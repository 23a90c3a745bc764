/**
 * The row images the undo history keeps for one bulk request, packed: the rows as one string of
 * JSON with each row's end offset, where JSON.parse gives back exactly what structuredClone would.
 * A large import's images are then a few objects per request instead of a deep copy of every
 * row, which made every major garbage collection longer
 * (docs/decisions/0033-undo-history-packed-per-request.md). Rows JSON cannot carry exactly (a
 * Date, binary data, an undefined property, -0) stay structured clones.
 */
import { jsonLength } from './keyed-ranges'

/** One side (before or after) of a request's rows; a row that is absent has no image. */
export type Images =
  | { readonly kind: 'absent' }
  | { readonly kind: 'json'; readonly json: string; readonly ends: Uint32Array }
  | { readonly kind: 'values'; readonly values: readonly unknown[] }

/** Every row absent: a request's before-images when it added rows, after-images when it deleted. */
export const ABSENT: Images = { kind: 'absent' }

const NOT_EXACT = new Error('not exact JSON')

/**
 * JSON.stringify's replacer: throws (ending the work at once) on anything JSON would not give
 * back as it is. Reads the holder's own value, because Date's toJSON has already run on `value`.
 */
function exactOnly(this: unknown, key: string, value: unknown): unknown {
  const raw = (this as Record<string, unknown>)[key]
  switch (typeof raw) {
    case 'string':
    case 'boolean':
      return value
    case 'number':
      if (Number.isFinite(raw) && !Object.is(raw, -0)) return value
      break
    case 'object': {
      if (raw === null) return value
      const proto: unknown = Object.getPrototypeOf(raw)
      if (proto === Object.prototype) return value
      // A hole or a named property on an array: JSON drops both, a structured clone keeps them.
      if (proto === Array.prototype && Object.keys(raw).length === (raw as unknown[]).length)
        return value
      break
    }
  }
  throw NOT_EXACT
}

/** The JSON text of `value` when JSON.parse of it equals its structured clone; else null. */
export function exactJson(value: unknown): string | null {
  try {
    return JSON.stringify(value, exactOnly)
  } catch {
    // NOT_EXACT, a BigInt, or text longer than a string may be.
    return null
  }
}

/**
 * `values` (undefined: the row is absent) as Images: packed when every present one is exact
 * JSON, else structured clones of them (`copy`), or the values themselves when they are already
 * private copies (rows just read from IndexedDB).
 */
export function packImages(values: readonly unknown[], copy: boolean): Images {
  if (values.every((v) => v === undefined)) return ABSENT
  const packed = packJson(values)
  if (packed) return packed
  return {
    kind: 'values',
    values: copy ? values.map((v) => (v === undefined ? undefined : structuredClone(v))) : values,
  }
}

function packJson(values: readonly unknown[]): Images | null {
  const pieces: string[] = []
  const ends = new Uint32Array(values.length)
  let length = 0
  for (let i = 0; i < values.length; i++) {
    const value = values[i]
    if (value !== undefined) {
      const json = exactJson(value)
      if (json === null) return null
      pieces.push(json)
      length += json.length
      if (length > 0xffffffff) return null
    }
    ends[i] = length
  }
  try {
    return { kind: 'json', json: pieces.join(''), ends }
  } catch {
    return null // longer than a string may be
  }
}

/** Whether row `i` has an image on this side. */
export function isPresent(images: Images, i: number): boolean {
  switch (images.kind) {
    case 'absent':
      return false
    case 'values':
      return images.values[i] !== undefined
    case 'json':
      return images.ends[i]! > (i === 0 ? 0 : images.ends[i - 1]!)
  }
}

/**
 * Row `i`'s image (undefined: absent). Packed rows are parsed each time they are asked for: a
 * fresh value the caller may hand to IndexedDB, and nothing kept on the heap after.
 */
export function imageAt(images: Images, i: number): unknown {
  switch (images.kind) {
    case 'absent':
      return undefined
    case 'values':
      return images.values[i]
    case 'json': {
      const start = i === 0 ? 0 : images.ends[i - 1]!
      const end = images.ends[i]!
      return end > start ? JSON.parse(images.json.slice(start, end)) : undefined
    }
  }
}

/** About how many characters of JSON row `i` weighs (1 when absent): to size write requests. */
export function weightAt(images: Images, i: number): number {
  switch (images.kind) {
    case 'absent':
      return 1
    case 'values':
      return jsonLength(images.values[i])
    case 'json':
      return Math.max(1, images.ends[i]! - (i === 0 ? 0 : images.ends[i - 1]!))
  }
}

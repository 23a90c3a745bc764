/**
 * One meaning of "the same content" for stored and exported values: key order never matters,
 * and a key holding undefined counts as absent (as it would be once written to a file). Used by
 * the project file (stable text), the merge (skip what is there, hash copies) and undo (has a row
 * changed since?). Pure.
 */

/** The value with the keys of every object sorted in code-unit order (as IndexedDB sorts). */
export function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep)
  if (!isPlainRecord(value)) return value
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(value).sort()) {
    if (value[key] !== undefined) out[key] = sortKeysDeep(value[key])
  }
  return out
}

/**
 * JSON with keys sorted at every level, so equal content gives equal text. Written out by hand:
 * JSON.stringify would put integer-like keys ("2", "10") first whatever order they were given in.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (isPlainRecord(value)) {
    const keys = Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort()
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

/**
 * Structural equality of stored values (JSON-like or structured-clone data: no functions, no
 * cycles). Dates compare by time and binary data by its bytes.
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (a instanceof Date || b instanceof Date)
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime()
  const bytesA = bytesOf(a)
  const bytesB = bytesOf(b)
  if (bytesA || bytesB)
    return (
      !!bytesA &&
      !!bytesB &&
      bytesA.length === bytesB.length &&
      bytesA.every((x, i) => x === bytesB[i])
    )
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]))
  const ra = a as Record<string, unknown>
  const rb = b as Record<string, unknown>
  const keysA = Object.keys(ra).filter((k) => ra[k] !== undefined)
  const keysB = Object.keys(rb).filter((k) => rb[k] !== undefined)
  return (
    keysA.length === keysB.length &&
    keysA.every((k) => Object.prototype.hasOwnProperty.call(rb, k) && deepEqual(ra[k], rb[k]))
  )
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return (
    value !== null &&
    typeof value === 'object' &&
    !(value instanceof Date) &&
    bytesOf(value) === null
  )
}

function bytesOf(value: object): Uint8Array | null {
  if (value instanceof ArrayBuffer) return new Uint8Array(value)
  if (ArrayBuffer.isView(value))
    return new Uint8Array(value.buffer, value.byteOffset, value.byteLength)
  return null
}

/**
 * Every text export as a stream of pieces: the same bytes as `buildExportText`, handed out a
 * piece at a time with progress, so a large file is built in chunks (in a Worker, see
 * lib/exports/run-export.ts) without one giant string or one long task. `joinPieces` of a
 * format's pieces is its file; JSON pieces re-indent each array element exactly as
 * `JSON.stringify(value, null, 2)` would.
 */
import { reportPieces } from './markdown'
import { csvPieces } from './csv'
import { standaloneHtmlPieces } from './html'
import { buildTimelineJs } from './timelinejs'
import { buildWebAnnotations } from './annotations'
import { buildCslJson } from './csl'
import type { ExportInput } from './input'
import type { Tick } from './common'

export { joinPieces } from './common'

/** A format's pieces and how many ticks it will give while handing them out. */
export interface ExportPieces {
  total: number
  pieces: Iterable<string>
}

export type StreamedKind = 'markdown' | 'csv' | 'timelinejs' | 'annotations' | 'csl' | 'html'

export function exportPieces(kind: StreamedKind, input: ExportInput, tick: Tick): ExportPieces {
  switch (kind) {
    case 'markdown':
      return { total: input.events.length, pieces: reportPieces(input, tick) }
    case 'csv':
      return { total: input.events.length, pieces: csvPieces(input, tick) }
    case 'html':
      return { total: input.events.length, pieces: standaloneHtmlPieces(input, tick) }
    case 'timelinejs':
      return jsonFile(buildTimelineJs(input), tick)
    case 'annotations':
      return jsonFile(buildWebAnnotations(input), tick)
    case 'csl':
      return jsonFile(buildCslJson(input), tick)
  }
}

/** How deep JSON pieces go before an element is stringified whole: deep enough for every list. */
const JSON_DEPTH = 3

/** A value as the file `JSON.stringify(value, null, 2) + '\\n'` writes, in pieces. */
export function jsonFile(value: unknown, tick: Tick): ExportPieces {
  return { total: jsonElementCount(value, 0), pieces: jsonFilePieces(value, tick) }
}

function* jsonFilePieces(value: unknown, tick: Tick): Generator<string> {
  yield* jsonPieces(value, tick)
  yield '\n'
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const proto = Object.getPrototypeOf(value) as unknown
  return (proto === Object.prototype || proto === null) && !('toJSON' in value)
}

/** Array elements `jsonPieces` hands out one by one (the ticks it gives). */
function jsonElementCount(value: unknown, depth: number): number {
  if (depth >= JSON_DEPTH) return 0
  if (Array.isArray(value)) {
    let count = value.length
    for (const element of value) count += jsonElementCount(element, depth + 1)
    return count
  }
  if (isPlainObject(value)) {
    let count = 0
    for (const key of Object.keys(value)) count += jsonElementCount(value[key], depth + 1)
    return count
  }
  return 0
}

/** Values JSON.stringify leaves out of an object and writes as null in an array. */
function unwritten(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol'
}

/** JSON.stringify's text for a value, re-indented to sit at `indent`. */
function whole(value: unknown, indent: string): string {
  const text = JSON.stringify(value, null, 2) as string | undefined
  return text === undefined ? 'null' : text.replace(/\n/g, `\n${indent}`)
}

/**
 * `JSON.stringify(value, null, 2)` in pieces: arrays and plain objects near the top are walked,
 * deeper values stringified whole and re-indented (JSON strings hold no raw line breaks, so
 * every '\n' in a stringified value is its own indentation). Ticks once per array element walked.
 */
export function* jsonPieces(value: unknown, tick: Tick = () => {}, depth = 0): Generator<string> {
  const indent = '  '.repeat(depth)
  const inner = `${indent}  `
  if (depth < JSON_DEPTH && Array.isArray(value)) {
    if (value.length === 0) {
      yield '[]'
      return
    }
    yield '['
    for (let i = 0; i < value.length; i++) {
      yield `${i === 0 ? '' : ','}\n${inner}`
      const element: unknown = value[i]
      // In an array, what JSON leaves out of an object (undefined, functions) is written null.
      if (unwritten(element)) yield 'null'
      else yield* jsonPieces(element, tick, depth + 1)
      tick()
    }
    yield `\n${indent}]`
    return
  }
  if (depth < JSON_DEPTH && isPlainObject(value)) {
    let first = true
    for (const key of Object.keys(value)) {
      const member = value[key]
      if (unwritten(member)) continue
      yield `${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `
      first = false
      yield* jsonPieces(member, tick, depth + 1)
    }
    yield first ? '{}' : `\n${indent}}`
    return
  }
  yield whole(value, indent)
}

/**
 * The pieces gathered into chunks of about `size` UTF-16 units, never splitting a surrogate
 * pair, so each chunk can be encoded to UTF-8 on its own.
 */
export function* chunked(pieces: Iterable<string>, size: number): Generator<string> {
  let buffer = ''
  for (const piece of pieces) {
    buffer += piece
    if (buffer.length < size) continue
    const last = buffer.charCodeAt(buffer.length - 1)
    const keep = last >= 0xd800 && last <= 0xdbff ? 1 : 0
    yield buffer.slice(0, buffer.length - keep)
    buffer = buffer.slice(buffer.length - keep)
  }
  if (buffer !== '') yield buffer
}

/**
 * A text export as UTF-8 bytes, built and encoded a chunk at a time: the same bytes as
 * encoding `buildExportText`, without holding the whole file as one string. `onprogress`
 * hears each tick as (done, total).
 */
export function encodeExport(
  kind: StreamedKind,
  input: ExportInput,
  onprogress: (done: number, total: number) => void = () => {},
  chunkSize = 1 << 20,
): Uint8Array<ArrayBuffer> {
  return encodePieces((tick) => exportPieces(kind, input, tick), onprogress, chunkSize)
}

/** Any file in pieces as UTF-8 bytes, a chunk at a time (see encodeExport). */
export function encodePieces(
  make: (tick: Tick) => ExportPieces,
  onprogress: (done: number, total: number) => void = () => {},
  chunkSize = 1 << 20,
): Uint8Array<ArrayBuffer> {
  let done = 0
  let total = 0
  const made = make(() => onprogress(++done, total))
  total = made.total
  const encoder = new TextEncoder()
  const parts: Uint8Array[] = []
  let length = 0
  for (const chunk of chunked(made.pieces, chunkSize)) {
    const bytes = encoder.encode(chunk)
    parts.push(bytes)
    length += bytes.byteLength
  }
  const file = new Uint8Array(length)
  let at = 0
  for (const part of parts) {
    file.set(part, at)
    at += part.byteLength
  }
  return file
}

/**
 * Quote selectors: W3C TextQuote/TextPosition selectors over an article body, made from a
 * selection and checked in place. Positions stored in data are Unicode code points (as the W3C
 * model says); everything that slices JavaScript strings works in UTF-16 indices, so the
 * conversion lives here. Also the paragraph split and mark segmentation the reader draws from.
 * Finding a quote that is no longer where it was is anchoring.ts's one job.
 */
import type { TextPositionSelector, TextQuoteSelector } from '$shared/corpus'

/** A span of a string in UTF-16 indices, end exclusive. */
export interface TextRange {
  start: number
  end: number
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff

/** True when index falls between the two halves of a surrogate pair. */
export function splitsPair(text: string, index: number): boolean {
  return (
    index > 0 &&
    index < text.length &&
    isHighSurrogate(text.charCodeAt(index - 1)) &&
    isLowSurrogate(text.charCodeAt(index))
  )
}

/** UTF-16 index of code point offset cp. Throws RangeError outside 0..(code points in text). */
export function codePointToIndex(text: string, cp: number): number {
  if (!Number.isInteger(cp) || cp < 0) throw new RangeError(`invalid code point offset ${cp}`)
  let index = 0
  for (let seen = 0; seen < cp; seen++) {
    if (index >= text.length) {
      throw new RangeError(`code point offset ${cp} is past the end of the text (${seen})`)
    }
    index += isHighSurrogate(text.charCodeAt(index)) && splitsPair(text, index + 1) ? 2 : 1
  }
  return index
}

/**
 * Code point offset of UTF-16 index. An index inside a surrogate pair counts that pair, so it
 * maps to the offset just after it. Throws RangeError outside 0..text.length.
 */
export function indexToCodePoint(text: string, index: number): number {
  if (!Number.isInteger(index) || index < 0 || index > text.length) {
    throw new RangeError(`invalid UTF-16 index ${index} for a text of length ${text.length}`)
  }
  let cp = 0
  for (let i = 0; i < index; i++) {
    if (!splitsPair(text, i)) cp++
  }
  return cp
}

/** The UTF-16 range a position selector points at, or null when it does not fit the text. */
export function positionToRange(body: string, position: TextPositionSelector): TextRange | null {
  if (position.end <= position.start) return null
  try {
    return {
      start: codePointToIndex(body, position.start),
      end: codePointToIndex(body, position.end),
    }
  } catch {
    return null
  }
}

/**
 * Selectors for body[startIndex, endIndex). A range edge inside a surrogate pair is widened to
 * take the whole character, since code point positions cannot express half of one. Context is at
 * most `context` UTF-16 units each side and never starts or ends on half a pair.
 */
export function selectorsForRange(
  body: string,
  startIndex: number,
  endIndex: number,
  context = 32,
): { quote: TextQuoteSelector; position: TextPositionSelector } {
  if (!Number.isInteger(startIndex) || !Number.isInteger(endIndex)) {
    throw new RangeError('range indexes must be integers')
  }
  if (startIndex < 0 || endIndex > body.length || endIndex <= startIndex) {
    throw new RangeError(
      `invalid range ${startIndex}–${endIndex} for a text of length ${body.length}`,
    )
  }
  const start = splitsPair(body, startIndex) ? startIndex - 1 : startIndex
  const end = splitsPair(body, endIndex) ? endIndex + 1 : endIndex
  const room = Math.max(0, Math.floor(context))

  let prefixStart = Math.max(0, start - room)
  if (splitsPair(body, prefixStart)) prefixStart++
  let suffixEnd = Math.min(body.length, end + room)
  if (splitsPair(body, suffixEnd)) suffixEnd--

  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: body.slice(start, end),
      prefix: body.slice(prefixStart, start),
      suffix: body.slice(end, suffixEnd),
    },
    position: {
      type: 'TextPositionSelector',
      start: indexToCodePoint(body, start),
      end: indexToCodePoint(body, end),
    },
  }
}

/** The text a position selector points at. Throws RangeError when it does not fit the body. */
export function textAtPosition(body: string, position: TextPositionSelector): string {
  const range = positionToRange(body, position)
  if (!range) {
    throw new RangeError(
      `position ${position.start}–${position.end} does not fit a text of ` +
        `${indexToCodePoint(body, body.length)} code points`,
    )
  }
  return body.slice(range.start, range.end)
}

/** The quote stands at the position, with its prefix and suffix right before and after it. */
export function verifyEvidence(
  body: string,
  quote: TextQuoteSelector,
  position: TextPositionSelector,
): boolean {
  const range = positionToRange(body, position)
  return (
    range !== null &&
    body.slice(range.start, range.end) === quote.exact &&
    body.slice(0, range.start).endsWith(quote.prefix) &&
    body.startsWith(quote.suffix, range.end)
  )
}

export interface Paragraph extends TextRange {
  text: string
}

/**
 * Paragraphs separated by one or more blank (empty or whitespace-only) lines. Each text is the
 * exact slice body[start, end), without the line break (or a trailing \r) that ends it.
 */
export function paragraphs(body: string): Paragraph[] {
  const result: Paragraph[] = []
  let paraStart = -1
  let paraEnd = -1
  let lineStart = 0
  while (lineStart <= body.length) {
    const newline = body.indexOf('\n', lineStart)
    const lineEnd = newline === -1 ? body.length : newline
    const line = body.slice(lineStart, lineEnd)
    if (/^\s*$/.test(line)) {
      if (paraStart !== -1) result.push({ start: paraStart, end: paraEnd, text: '' })
      paraStart = -1
    } else {
      if (paraStart === -1) paraStart = lineStart
      paraEnd = line.endsWith('\r') ? lineEnd - 1 : lineEnd
    }
    if (newline === -1) break
    lineStart = newline + 1
  }
  if (paraStart !== -1) result.push({ start: paraStart, end: paraEnd, text: '' })
  for (const p of result) p.text = body.slice(p.start, p.end)
  return result
}

export interface Mark extends TextRange {
  id: string
}

export interface Segment extends TextRange {
  text: string
  /** Marks covering the whole segment, by mark start then id. */
  markIds: string[]
}

/**
 * Cuts text (which starts at `offset` in the body; marks and results are in body indices) into
 * consecutive runs covered by the same set of marks. Marks may overlap or nest; parts outside the
 * text are ignored. The runs cover the text without gaps.
 */
export function segmentText(text: string, marks: readonly Mark[], offset = 0): Segment[] {
  const textEnd = offset + text.length
  // Sorted by the marks' own starts, so a mark running on from an earlier paragraph keeps its
  // place before marks that begin in this one.
  const clipped = [...marks]
    .sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((m) => ({ id: m.id, start: Math.max(m.start, offset), end: Math.min(m.end, textEnd) }))
    .filter((m) => m.start < m.end)

  const cuts = new Set<number>([offset, textEnd])
  for (const m of clipped) {
    cuts.add(m.start)
    cuts.add(m.end)
  }
  const points = [...cuts].sort((a, b) => a - b)

  const segments: Segment[] = []
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] as number
    const end = points[i + 1] as number
    segments.push({
      start,
      end,
      text: text.slice(start - offset, end - offset),
      markIds: clipped.filter((m) => m.start <= start && m.end >= end).map((m) => m.id),
    })
  }
  return segments
}

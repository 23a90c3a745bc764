import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { TextPositionSelector, TextQuoteSelector } from '$shared/corpus'
import {
  codePointToIndex,
  indexToCodePoint,
  paragraphs,
  segmentText,
  selectorsForRange,
  textAtPosition,
  verifyEvidence,
  type Mark,
} from './quotes'
import { reanchor } from './anchoring'

const quote = (exact: string, prefix = '', suffix = ''): TextQuoteSelector => ({
  type: 'TextQuoteSelector',
  exact,
  prefix,
  suffix,
})
const position = (start: number, end: number): TextPositionSelector => ({
  type: 'TextPositionSelector',
  start,
  end,
})

/** Text mixing ASCII, accents, line breaks and astral characters (emoji, CJK extension B). */
const text = fc
  .array(
    fc.oneof(
      fc.constantFrom('a', 'b', ' ', '\n', 'é', '’', '😀', '👍🏽', '𠜎', 'x'),
      fc.string({ unit: 'grapheme', maxLength: 3 }),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''))

/** A text with a non-empty range on code point boundaries, as UTF-16 indexes. */
const textWithRange = text
  .filter((t) => t.length > 0)
  .chain((t) => {
    const cps = [...t].length
    return fc
      .tuple(fc.integer({ min: 0, max: cps - 1 }), fc.integer({ min: 1, max: cps }))
      .filter(([a, b]) => a < b)
      .map(([a, b]) => ({ t, start: codePointToIndex(t, a), end: codePointToIndex(t, b) }))
  })

describe('code points and UTF-16 indexes', () => {
  it('count a surrogate pair as one code point', () => {
    const s = 'a😀b'
    expect(codePointToIndex(s, 0)).toBe(0)
    expect(codePointToIndex(s, 1)).toBe(1)
    expect(codePointToIndex(s, 2)).toBe(3)
    expect(codePointToIndex(s, 3)).toBe(4)
    expect(indexToCodePoint(s, 3)).toBe(2)
    expect(indexToCodePoint(s, 4)).toBe(3)
    // Inside the pair: the pair counts as begun.
    expect(indexToCodePoint(s, 2)).toBe(2)
    expect(() => codePointToIndex(s, 4)).toThrow(RangeError)
    expect(() => codePointToIndex(s, -1)).toThrow(RangeError)
    expect(() => indexToCodePoint(s, 5)).toThrow(RangeError)
  })

  it('round-trip on every code point boundary', () => {
    fc.assert(
      fc.property(text, (t) => {
        const cps = [...t].length
        for (let cp = 0; cp <= cps; cp++) {
          expect(indexToCodePoint(t, codePointToIndex(t, cp))).toBe(cp)
        }
        expect(codePointToIndex(t, cps)).toBe(t.length)
      }),
    )
  })

  it('treat a lone surrogate as a code point of its own', () => {
    const s = 'a\ud83db\ude00'
    expect(indexToCodePoint(s, s.length)).toBe(4)
    expect(codePointToIndex(s, 2)).toBe(2)
  })
})

describe('selectorsForRange', () => {
  it('gives the quote, its context and its code point position', () => {
    const body = 'The 😀 cat sat on the mat.'
    const start = body.indexOf('cat')
    const { quote: q, position: p } = selectorsForRange(body, start, start + 3, 4)
    expect(q).toEqual(quote('cat', ' 😀 ', ' sat'))
    expect(p).toEqual(position(6, 9))
    expect(textAtPosition(body, p)).toBe('cat')
  })

  it('never cuts a surrogate pair in its context', () => {
    const body = '😀😀cat😀😀'
    const { quote: q } = selectorsForRange(body, 4, 7, 3)
    expect(q.prefix).toBe('😀')
    expect(q.suffix).toBe('😀')
  })

  it('widens a range edge inside a surrogate pair to the whole character', () => {
    const body = 'a😀b'
    const { quote: q, position: p } = selectorsForRange(body, 2, 3)
    expect(q.exact).toBe('😀')
    expect(p).toEqual(position(1, 2))
  })

  it('refuses empty and out-of-range ranges', () => {
    expect(() => selectorsForRange('abc', 1, 1)).toThrow(RangeError)
    expect(() => selectorsForRange('abc', 2, 4)).toThrow(RangeError)
    expect(() => selectorsForRange('abc', -1, 2)).toThrow(RangeError)
  })

  it('makes selectors that verify and locate back to the same range', () => {
    fc.assert(
      fc.property(textWithRange, fc.integer({ min: 0, max: 40 }), ({ t, start, end }, context) => {
        const { quote: q, position: p } = selectorsForRange(t, start, end, context)
        expect(verifyEvidence(t, q, p)).toBe(true)
        expect(reanchor(t, q, p)).toEqual({ status: 'exact', start, end })
        expect(textAtPosition(t, p)).toBe(t.slice(start, end))
        expect(q.prefix.length).toBeLessThanOrEqual(context)
        expect(q.suffix.length).toBeLessThanOrEqual(context)
      }),
      { numRuns: 500 },
    )
  })
})

describe('verifyEvidence', () => {
  const body = 'one two three two one'
  it('needs the exact text, prefix and suffix in place', () => {
    expect(verifyEvidence(body, quote('two', 'one ', ' three'), position(4, 7))).toBe(true)
    expect(verifyEvidence(body, quote('two', 'one ', ' three'), position(14, 17))).toBe(false)
    expect(verifyEvidence(body, quote('two', 'xne ', ''), position(4, 7))).toBe(false)
    expect(verifyEvidence(body, quote('two', '', ' thrxx'), position(4, 7))).toBe(false)
    expect(verifyEvidence(body, quote('two'), position(100, 103))).toBe(false)
  })
})

describe('paragraphs', () => {
  it('splits on blank and whitespace-only lines, with exact offsets', () => {
    const body = 'First line\nsecond line\n\n  \nSecond para\n \t \nThird'
    const result = paragraphs(body)
    expect(result.map((p) => p.text)).toEqual(['First line\nsecond line', 'Second para', 'Third'])
    for (const p of result) expect(body.slice(p.start, p.end)).toBe(p.text)
  })

  it('ignores leading and trailing blank lines', () => {
    const body = '\n\nOnly\n\n'
    expect(paragraphs(body)).toEqual([{ start: 2, end: 6, text: 'Only' }])
    expect(paragraphs('')).toEqual([])
    expect(paragraphs(' \n ')).toEqual([])
  })

  it('leaves a carriage return out of the paragraph', () => {
    expect(paragraphs('a\r\n\r\nb').map((p) => p.text)).toEqual(['a', 'b'])
  })
})

describe('segmentText', () => {
  it('cuts runs at mark edges, with nested and overlapping marks', () => {
    const segments = segmentText(
      'abcdefghij',
      [
        { id: 'outer', start: 12, end: 20 },
        { id: 'inner', start: 14, end: 16 },
        { id: 'cross', start: 15, end: 30 },
      ],
      10,
    )
    expect(segments).toEqual([
      { start: 10, end: 12, text: 'ab', markIds: [] },
      { start: 12, end: 14, text: 'cd', markIds: ['outer'] },
      { start: 14, end: 15, text: 'e', markIds: ['outer', 'inner'] },
      { start: 15, end: 16, text: 'f', markIds: ['outer', 'inner', 'cross'] },
      { start: 16, end: 20, text: 'ghij', markIds: ['outer', 'cross'] },
    ])
  })

  it('orders mark ids by start then id, and ignores marks outside the text', () => {
    const segments = segmentText('abc', [
      { id: 'b', start: 0, end: 3 },
      { id: 'a', start: 0, end: 3 },
      { id: 'z', start: 5, end: 9 },
      { id: 'empty', start: 1, end: 1 },
    ])
    expect(segments).toEqual([{ start: 0, end: 3, text: 'abc', markIds: ['a', 'b'] }])
    // A mark that began before this text still sorts by where it began.
    expect(
      segmentText(
        'abc',
        [
          { id: 'a', start: 10, end: 13 },
          { id: 'z', start: 2, end: 13 },
        ],
        10,
      )[0]?.markIds,
    ).toEqual(['z', 'a'])
    expect(segmentText('', [{ id: 'a', start: 0, end: 1 }])).toEqual([])
  })

  const marks = fc.array(
    fc
      .record({
        id: fc.string({ minLength: 1, maxLength: 3 }),
        start: fc.integer({ min: -5, max: 70 }),
        length: fc.integer({ min: 0, max: 30 }),
      })
      .map(({ id, start, length }): Mark => ({ id, start, end: start + length })),
    { maxLength: 8 },
  )

  it('covers the text exactly, and every run carries the marks covering it', () => {
    fc.assert(
      fc.property(text, marks, fc.integer({ min: 0, max: 10 }), (t, ms, offset) => {
        const segments = segmentText(t, ms, offset)
        expect(segments.map((s) => s.text).join('')).toBe(t)
        let at = offset
        for (const s of segments) {
          expect(s.start).toBe(at)
          expect(s.end).toBeGreaterThan(s.start)
          expect(s.text).toBe(t.slice(s.start - offset, s.end - offset))
          at = s.end
          const covering = ms
            .filter((m) => m.start <= s.start && m.end >= s.end)
            .sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
          expect(s.markIds).toEqual(covering.map((m) => m.id))
        }
        expect(at).toBe(offset + t.length)
      }),
      { numRuns: 500 },
    )
  })
})

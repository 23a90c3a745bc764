import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fold, normalise, normalisedIndex, originalRange, QUOTE_FOLDING } from './normalise'
import { findAll, findText } from './find'
import { words } from './words'

const ZWSP = '\u200B'

describe('normalise', () => {
  it('folds case without changing where things are: İ is one character of the original', () => {
    const n = normalise('İİİ task force')
    expect(n.text).toBe('iii task force')
    const at = n.text.indexOf('task')
    expect(originalRange(n, at, at + 4)).toEqual({ start: 4, end: 8 })
  })

  it('drops invisible characters and folds quotes, dashes, accents and white space', () => {
    expect(fold(`a${ZWSP}b\u00ADc\uFEFFd\u200Ce`)).toBe('abcde')
    expect(fold('“Café” – naïve ‘x’')).toBe('"cafe" - naive \'x\'')
    expect(fold('a \n\t  b')).toBe('a b')
    expect(fold('ΣΟΦΟΣ')).toBe('σοφοσ')
    expect(fold('ILIK ılık İzmir')).toBe('ilik ilik izmir')
    expect(fold('ﬁle ＡＢＣ')).toBe('file abc')
    expect(fold('كَتَبَ')).toBe('كتب')
  })

  it('keeps Khmer and Thai vowel signs, which are letters of the word', () => {
    expect(fold('ក្រសួង')).toBe('ក្រសួង')
    expect(fold('ภาษาไทย')).toBe('ภาษาไทย')
  })

  it('composes decomposed text (NFC) and keeps case for quote matching', () => {
    expect(normalise('Cafe\u0301 “X”', QUOTE_FOLDING).text).toBe('Café "X"')
    const n = normalise('e\u0301x', QUOTE_FOLDING)
    expect(originalRange(n, 0, 1)).toEqual({ start: 0, end: 2 })
  })

  it('maps indexes of the original to the first normalised character at or after them', () => {
    const n = normalise(`a${ZWSP}b`)
    expect(normalisedIndex(n, 0)).toBe(0)
    expect(normalisedIndex(n, 1)).toBe(1)
    expect(normalisedIndex(n, 2)).toBe(1)
    expect(normalisedIndex(n, 3)).toBe(2)
  })
})

describe('words', () => {
  it('splits spaced scripts on spaces and punctuation', () => {
    expect(words('Sar Kheng, minister.').map((w) => w.text)).toEqual(['Sar', 'Kheng', 'minister'])
  })

  it('segments Khmer, Thai and Japanese with dictionaries', () => {
    expect(words('ការជួញដូរមនុស្ស').map((w) => w.text)).toEqual(['ការ', 'ជួញដូរ', 'មនុស្ស'])
    expect(words('ภาษาไทย').map((w) => w.text)).toEqual(['ภาษา', 'ไทย'])
    expect(words('東京都').length).toBeGreaterThan(0)
  })

  it('gives ranges that slice back to each word', () => {
    const text = 'Hun Sen ការជួញដូរ ภาษาไทย 😀 İzmir'
    for (const w of words(text)) expect(text.slice(w.start, w.end)).toBe(w.text)
  })
})

// ---- Property: every range found covers exactly the words matched ----

const WORDS = [
  'ការ',
  'ជួញដូរ',
  'មនុស្ស',
  'ภาษา',
  'ไทย',
  'مرحبا',
  'كَتَبَ',
  'İzmir',
  'ılık',
  'İSTANBUL',
  'cafe\u0301',
  'naïve',
  '😀',
  '👍🏽',
  'task',
  'force',
  'ΣΟΦΟΣ',
]
const SEPARATORS = [' ', ZWSP, ' \u00AD', '\n', ', ']

const article = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), {
    minLength: 1,
    maxLength: 25,
  })
  .chain((parts) =>
    fc
      .tuple(
        fc.integer({ min: 0, max: parts.length - 1 }),
        fc.integer({ min: 1, max: 3 }),
        fc.boolean(),
      )
      .map(([from, count, shout]) => {
        let text = ''
        const starts: number[] = []
        const ends: number[] = []
        for (const [word, sep] of parts) {
          starts.push(text.length)
          text += word
          ends.push(text.length)
          text += sep
        }
        const last = Math.min(parts.length - 1, from + count - 1)
        // What a user types: the words, spaced or not, in any case, without invisibles.
        const typed = parts
          .slice(from, last + 1)
          .map(([word, sep], i) => {
            const cased = shout ? word.toUpperCase() : word.toLowerCase()
            const gap = sep.replace(/[\u200B\u00AD]/g, '').replace(/\n/g, ' ')
            return i + from < last ? cased + gap : cased
          })
          .join('')
        return { text, typed, start: starts[from]!, end: ends[last]! }
      }),
  )

describe('finding typed words', () => {
  it('reports ranges that start and end on characters and hold what was typed', () => {
    fc.assert(
      fc.property(article, ({ text, typed }) => {
        const folded = fold(typed).replace(/ /g, '')
        for (const range of findAll(text, typed)) {
          const slice = text.slice(range.start, range.end)
          // The range holds exactly the typed words (spaces aside) and nothing more.
          expect(fold(slice).replace(/ /g, '')).toBe(folded)
          expect(fold(slice.slice(1)).replace(/ /g, '')).not.toBe(folded)
          // Never half a surrogate pair or a mark without its letter.
          expect(/^[\p{M}\uDC00-\uDFFF]/u.test(slice)).toBe(false)
        }
      }),
      { numRuns: 300 },
    )
  })

  it('finds the words typed where they are, ignoring U+200B, case and accents', () => {
    fc.assert(
      fc.property(article, ({ text, typed, start, end }) => {
        const found = findAll(text, typed)
        expect(found).toContainEqual({ start, end })
      }),
      { numRuns: 300 },
    )
  })

  it('wraps round to the start after the last occurrence', () => {
    const text = 'task force; task force'
    expect(findText(text, 'TASK', 1)).toEqual({ start: 12, end: 16 })
    expect(findText(text, 'TASK', 13)).toEqual({ start: 0, end: 4 })
    expect(findText(text, `${ZWSP} `, 0)).toBeNull()
  })
})

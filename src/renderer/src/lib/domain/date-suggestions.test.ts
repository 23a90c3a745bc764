import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { CorpusManifest, Dating } from '$shared/corpus'
import { cutLines } from './corpus'
import { codePointToIndex } from './quotes'
import {
  NO_ARTICLE_DATE,
  bestSuggestion,
  datedSentences,
  describeSuggestion,
  suggestDates,
  suggestForPassage,
} from './date-suggestions'

const DEC_2009: Dating = { edtf: '2009-12-10/2009-12-31', note: 'December 2009' }
const UNDATED: Dating = { edtf: null, note: 'no date' }

function only(text: string, published: Dating | null) {
  const found = suggestDates(text, published)
  expect(found, JSON.stringify(found)).toHaveLength(1)
  return found[0]!
}

describe('suggestDates', () => {
  it('reads a year, and "since" as the start of an ongoing activity', () => {
    expect(only('She said in 2021 there were more cases', UNDATED)).toMatchObject({
      words: '2021',
      edtf: '2021',
      precision: 'year',
      status: 'resolved',
    })
    expect(only('since 2003 the Ministry has organized campaigns', UNDATED)).toMatchObject({
      words: 'since 2003',
      edtf: '2003',
      qualifiers: ['start of an ongoing activity'],
    })
  })

  it('takes a missing year from the article, saying so', () => {
    const s = only(
      'a press conference on the National Anti-Human Trafficking Day on December 10',
      DEC_2009,
    )
    expect(s).toMatchObject({ words: 'December 10', edtf: '2009-12-10', precision: 'day' })
    expect(describeSuggestion(s)).toBe(
      "10 December 2009 — from “December 10”, year taken from the article's date (December 2009)",
    )
  })

  it("prefers the sentence's own year to the article's", () => {
    const found = suggestDates('The 2007 concert was held on December 12 in the stadium', DEC_2009)
    expect(found.map((s) => [s.words, s.edtf, s.resolution])).toEqual([
      ['2007', '2007', 'the year is in the text'],
      ['December 12', '2007-12-12', 'year taken from the same sentence (2007)'],
    ])
  })

  it('resolves "recently" against the article, and refuses it without one', () => {
    expect(only('recently his ministry signed a memorandum', DEC_2009)).toMatchObject({
      edtf: '[..2009-12]',
      qualifiers: ['on or before the article’s date'],
    })
    expect(only('recently his ministry signed a memorandum', UNDATED)).toMatchObject({
      status: 'unresolved',
      edtf: null,
      resolution: NO_ARTICLE_DATE,
    })
  })

  it('leaves "last year" unresolved in an undated article, and counts it in a dated one', () => {
    expect(only('Last year, both countries exchanged information', UNDATED)).toMatchObject({
      status: 'unresolved',
      resolution: NO_ARTICLE_DATE,
    })
    expect(only('Last year, both countries exchanged information', DEC_2009).edtf).toBe('2008')
  })

  it('counts "the previous year" from the year the sentence is about', () => {
    const found = suggestDates(
      '2021 saw 359 cases, more than double the 155 cases from the previous year',
      UNDATED,
    )
    expect(found.map((s) => [s.words, s.edtf])).toEqual([
      ['2021', '2021'],
      ['the previous year', '2020'],
    ])
    expect(found[1]!.resolution).toBe("counted from the sentence's own year (2021)")
  })

  it('never guesses a numeric date with two readings, but reads one with only one', () => {
    const [ambiguous, clear] = suggestDates('Filed 03/04/2018, heard 13/04/2018.', UNDATED)
    expect(ambiguous).toMatchObject({ status: 'refused', edtf: null, words: '03/04/2018' })
    expect(ambiguous!.resolution).toContain('4 March or 3 April 2018')
    expect(clear).toMatchObject({ status: 'resolved', edtf: '2018-04-13' })
  })

  it('needs a day-exact article date for a weekday', () => {
    expect(only('the meeting on Thursday agreed a plan', UNDATED).resolution).toBe(NO_ARTICLE_DATE)
    const exact: Dating = { edtf: '2024-05-10', note: 'a Friday' }
    expect(only('the meeting on Thursday agreed a plan', exact).edtf).toBe('2024-05-09')
  })

  it('reads years written in Khmer digits', () => {
    expect(only('ឆ្នាំ២០២១ មានករណី', UNDATED)).toMatchObject({ edtf: '2021', words: 'ឆ្នាំ២០២១' })
  })

  it('gives month precision for a month and year', () => {
    expect(only('the Trafficking in Persons Report for July 2022', UNDATED)).toMatchObject({
      edtf: '2022-07',
      precision: 'month',
    })
  })
})

describe('suggestions on the bundled events', () => {
  const root = resolve(process.cwd(), 'resources/corpus')
  const manifest = JSON.parse(readFileSync(resolve(root, 'corpus.json'), 'utf8')) as CorpusManifest
  const articles = new Map(
    manifest.articles.map((a) => [
      a.id,
      { ...a, body: cutLines(readFileSync(resolve(root, a.file), 'utf8'), a.bodyLines) },
    ]),
  )

  it('match the curated date from the event’s own quote and nearby sentence (hit rate printed)', () => {
    const dated = manifest.events.filter((e) => e.date.edtf !== null)
    const misses: string[] = []
    for (const event of dated) {
      const quote = event.evidence[0]!
      const article = articles.get(quote.articleId)!
      const start = codePointToIndex(article.body, quote.position.start)
      const end = codePointToIndex(article.body, quote.position.end)
      const best = bestSuggestion(suggestForPassage(article.body, start, end, article.published))
      if (best?.edtf !== event.date.edtf)
        misses.push(`${event.id}: curated ${event.date.edtf}, suggested ${best?.edtf ?? 'nothing'}`)
    }
    const hits = dated.length - misses.length
    console.info(
      `Date suggestion hit rate on the bundled events: ${hits}/${dated.length} ` +
        `(${Math.round((100 * hits) / dated.length)}%)` +
        (misses.length ? `\nMisses:\n  ${misses.join('\n  ')}` : ''),
    )
    expect(hits / dated.length).toBeGreaterThanOrEqual(0.8)
  })

  it('offer nothing resolved for the undated article’s "last year"', () => {
    const undated = manifest.events.filter((e) => e.date.edtf === null)
    for (const event of undated) {
      const quote = event.evidence[0]!
      const article = articles.get(quote.articleId)!
      const start = codePointToIndex(article.body, quote.position.start)
      const end = codePointToIndex(article.body, quote.position.end)
      const inside = suggestForPassage(article.body, start, end, article.published).filter(
        (s) => !s.nearby,
      )
      expect(bestSuggestion(inside), event.id).toBeNull()
    }
  })
})

describe('datedSentences', () => {
  it('lists the sentences that carry dates, the dateline first', () => {
    const body =
      'PHNOM PENH, December 10, 2009 – The minister spoke. Nothing dated here! ' +
      'Since 2003 campaigns ran.\nLast year more came.'
    const found = datedSentences(body, UNDATED)
    expect(found.map((s) => [s.text, s.suggestions.map((x) => x.edtf)])).toEqual([
      ['PHNOM PENH, December 10, 2009 – The minister spoke.', ['2009-12-10']],
      ['Since 2003 campaigns ran.', ['2003']],
      ['Last year more came.', [null]],
    ])
    expect(body.slice(found[1]!.suggestions[0]!.start, found[1]!.suggestions[0]!.end)).toBe(
      'Since 2003',
    )
  })
})

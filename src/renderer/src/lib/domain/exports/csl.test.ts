import { Cite } from '@citation-js/core'
import '@citation-js/plugin-csl'
import { describe, expect, it } from 'vitest'
import { buildCslJson, bylineAuthors, issuedDate } from './csl'
import type { ExportArticle } from './input'
import { realExportInput } from './test-fixture'

const input = realExportInput()
const items = buildCslJson(input)

function withDate(edtf: string | null, overrides: Partial<ExportArticle> = {}): ExportArticle {
  return { ...input.articles[0]!, published: { edtf, note: 'n' }, ...overrides }
}

describe('buildCslJson', () => {
  it('gives one item per source, with type, title, outlet and a note with date and checksum', () => {
    expect(items.map((i) => i.id)).toEqual(input.articles.map((a) => a.id))
    for (const [i, article] of input.articles.entries()) {
      const item = items[i]!
      expect(item.title).toBe(article.title)
      expect(item['container-title']).toBe(article.outlet ?? undefined)
      expect(item.note).toContain(`SHA-256: ${article.sha256}`)
      expect(item.note).toContain(article.published.note)
    }
    const byId = new Map(items.map((i) => [i.id, i]))
    expect(byId.get('measures-to-prevent-trafficking')?.type).toBe('post-weblog')
    expect(byId.get('khmer-times-china-cooperation')?.type).toBe('article-newspaper')
    expect(byId.get('measures-to-prevent-trafficking')?.note).toMatch(
      /^Date \(EDTF 2009-12-10\/2009-12-31\): Between 10 and 31 December 2009/,
    )
  })

  it('dates sources from EDTF without claiming more than the text gives', () => {
    const byId = new Map(items.map((i) => [i.id, i]))
    expect(byId.get('measures-to-prevent-trafficking')?.issued).toEqual({
      'date-parts': [
        [2009, 12, 10],
        [2009, 12, 31],
      ],
    })
    expect(byId.get('ppp-anti-trafficking-drive')?.issued).toEqual({
      literal: 'on or after 28 March 2023',
    })
    expect(byId.get('khmer-times-china-cooperation')).not.toHaveProperty('issued')
    expect(issuedDate(withDate('2009-12-12'))).toEqual({ 'date-parts': [[2009, 12, 12]] })
    expect(issuedDate(withDate('2022-07'))).toEqual({ 'date-parts': [[2022, 7]] })
    expect(issuedDate(withDate('2010~'))).toEqual({ 'date-parts': [[2010]], circa: true })
    expect(issuedDate(withDate('2010?'))).toEqual({ literal: '2010 (uncertain)' })
    expect(issuedDate(withDate('2009/2011'))).toEqual({ 'date-parts': [[2009], [2011]] })
    expect(issuedDate(withDate('[2009, 2011]'))).toEqual({ literal: '2009 or 2011' })
  })

  it('keeps bylines whole unless they say which part is the family name', () => {
    const byId = new Map(items.map((i) => [i.id, i]))
    expect(byId.get('khmer-times-china-cooperation')?.author).toEqual([{ literal: 'Mom Kunthear' }])
    expect(byId.get('ppp-anti-trafficking-drive')).not.toHaveProperty('author')
    expect(bylineAuthors('By Doe, Jane and Roe, Richard')).toEqual([
      { family: 'Doe', given: 'Jane' },
      { family: 'Roe', given: 'Richard' },
    ])
    expect(bylineAuthors('Jane Doe & Sandra Anderson; Reuters')).toEqual([
      { literal: 'Jane Doe' },
      { literal: 'Sandra Anderson' },
      { literal: 'Reuters' },
    ])
  })

  it('gives the address only when the source has one', () => {
    expect(items.some((i) => 'URL' in i)).toBe(false)
    const [item] = buildCslJson({
      ...input,
      articles: [withDate('2020', { url: 'https://example.org/news/1' })],
    })
    expect(item?.URL).toBe('https://example.org/news/1')
  })

  it('is read by Citation.js and formats as an APA bibliography naming every source', () => {
    const cite = new Cite(items)
    expect(cite.data).toHaveLength(input.articles.length)
    const bibliography = cite.format('bibliography', {
      format: 'text',
      template: 'apa',
      lang: 'en-US',
    })
    for (const article of input.articles) expect(bibliography).toContain(article.title)
    expect(bibliography).toContain('Mom Kunthear. (n.d.). China agrees on anti-human trafficking')
    expect(bibliography).toContain('(2009, December 10–31)')
    expect(bibliography).toContain('(on or after 28 March 2023)')
  })
})

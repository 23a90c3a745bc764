import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { paragraphs } from '../quotes'
import { textToArticle } from './text'

describe('textToArticle', () => {
  it('takes the first line as title and keeps blank-line paragraphs', () => {
    const draft = textToArticle(
      '\n\nChina agrees on anti-human trafficking cooperation\n\nFirst paragraph,\nwrapped.\n\n\n\nSecond paragraph.  \n',
      'kt.txt',
    )
    expect(draft).toEqual({
      title: 'China agrees on anti-human trafficking cooperation',
      outlet: null,
      byline: null,
      published: { text: '', edtf: null },
      url: null,
      body: 'First paragraph,\nwrapped.\n\nSecond paragraph.',
      warnings: [],
      // Too few words to tell: English, marked as assumed.
      language: { tag: 'en', direction: 'ltr', source: 'default' },
      sources: { title: 'from the first line' },
      removed: [],
    })
  })

  it('reads a By line and a date line under the title, leaving them out of the body', () => {
    const draft = textToArticle(
      'Court jails three\nBy Jane Roe\nPublished: 10 December 2009, 14:30\n\nThe court ruled.',
      'x.txt',
    )
    expect(draft).toMatchObject({
      title: 'Court jails three',
      byline: 'Jane Roe',
      published: { text: 'Published: 10 December 2009, 14:30', edtf: '2009-12-10' },
      body: 'The court ruled.',
    })
  })

  it('does not take a sentence that starts with a date for a date line', () => {
    const draft = textToArticle('Title\n2023-03-27 was the day the law changed.', 'x.txt')
    expect(draft.published.text).toBe('')
    expect(draft.body).toBe('2023-03-27 was the day the law changed.')
  })

  it('makes each line a paragraph when the text has no blank lines', () => {
    const draft = textToArticle('Title\r\nLine one.\r\nLine two.\rLine three.', 'x.txt')
    expect(paragraphs(draft.body).map((p) => p.text)).toEqual([
      'Line one.',
      'Line two.',
      'Line three.',
    ])
  })

  it('does not take a long first line as the title, and strips a BOM', () => {
    const long = 'A'.repeat(250)
    const draft = textToArticle(`\uFEFF${long}\n\nMore.`, 'notes on raids.txt')
    expect(draft.title).toBe('notes on raids')
    expect(draft.body).toBe(`${long}\n\nMore.`)
  })

  it('reads a bundled corpus article as its title and text', () => {
    const raw = readFileSync(resolve('resources/corpus/articles/000_a532666c6c64e86f.txt'), 'utf8')
    const draft = textToArticle(raw, '000.txt')
    expect(draft.title).toBe('China agrees on anti-human trafficking cooperation')
    expect(draft.body).toContain('An action plan to strengthen the prevention of human trafficking')
    expect(draft.body.startsWith('Mom Kunthear')).toBe(true)
  })

  it('handles empty and whitespace-only text', () => {
    expect(textToArticle('', 'e.txt')).toMatchObject({ title: 'e', body: '' })
    expect(textToArticle(' \n\t\n', 'e.txt')).toMatchObject({ title: 'e', body: '' })
  })

  it('warns about direction controls and keeps them', () => {
    const draft = textToArticle('Title\n\nNamed \u202Efdp.exe here.', 'x.txt')
    expect(draft.body).toBe('Named \u202Efdp.exe here.')
    expect(draft.warnings[0]).toMatch(/1 invisible direction control/)
  })
})

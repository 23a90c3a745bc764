import { describe, expect, it } from 'vitest'
import type { ImportedArticle } from '../types'
import { paragraphs } from '../quotes'
import fc from 'fast-check'
import { importedToArticle, lineCount } from './to-article'

describe('importedToArticle', () => {
  it('gives an imported article the shape the reader and the exports read articles in', () => {
    const imported: ImportedArticle = {
      id: '0b4e7a52-6c1d-4c49-9a51-3f0f0e1c2d3a',
      title: 'Court jails three',
      outlet: 'The Cambodia Daily',
      byline: null,
      published: { edtf: '2009-12-10', note: 'From the page.' },
      url: 'https://example.org/court',
      language: 'km',
      direction: 'ltr',
      body: 'First.\n\nSecond.',
      original: '<html><body><p>First.</p><p>Second.</p></body></html>',
      originalName: 'court.html',
      mediaType: 'text/html',
      sha256: 'a'.repeat(64),
      importedAt: 1,
      updatedAt: 2,
    }
    const article = importedToArticle(imported)
    expect(article).toEqual({
      id: imported.id,
      file: 'court.html',
      sha256: imported.sha256,
      title: 'Court jails three',
      outlet: 'The Cambodia Daily',
      byline: null,
      published: imported.published,
      bodyLines: [1, 3],
      captionLine: null,
      language: 'km',
      direction: 'ltr',
      raw: imported.original,
      body: imported.body,
      caption: null,
      url: 'https://example.org/court',
    })
    expect(paragraphs(article.body)).toHaveLength(2)
    // Copies (the export Worker's) carry the line count as a plain value.
    expect(structuredClone(article).bodyLines).toEqual([1, 3])
    expect({ ...article }.bodyLines).toEqual([1, 3])
  })

  it('counts lines as splitting at line breaks does, without making the lines', () => {
    for (const text of ['', '\n', 'one', 'a\nb', '\n\nx\n'])
      expect(lineCount(text)).toBe(text.split('\n').length)
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', '\n', '\r', 'ក', ' ')), (parts) => {
        const text = parts.join('')
        expect(lineCount(text)).toBe(text.split('\n').length)
      }),
    )
  })
})

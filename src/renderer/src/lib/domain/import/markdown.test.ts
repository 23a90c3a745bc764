import { describe, expect, it } from 'vitest'
import { paragraphs } from '../quotes'
import { markdownToArticle } from './markdown'

describe('markdownToArticle', () => {
  it('reads front matter and keeps a differing leading heading in the body', () => {
    const md = [
      '---',
      'title: "Anti-trafficking law passed"',
      'date: 2008-02-15',
      'author:',
      '  - Jane Roe',
      '  - "John Doe"',
      "source: 'The Cambodia Daily'",
      'url: https://cambodiadaily.example.com/law # the canonical address',
      'tags: [law, trafficking]',
      '---',
      '# Parliament votes',
      '',
      'The National Assembly passed the law on Friday.',
    ].join('\n')
    expect(markdownToArticle(md, 'law.md')).toEqual({
      title: 'Anti-trafficking law passed',
      outlet: 'The Cambodia Daily',
      byline: 'Jane Roe, John Doe',
      published: { text: '2008-02-15', edtf: '2008-02-15' },
      url: 'https://cambodiadaily.example.com/law',
      body: 'Parliament votes\n\nThe National Assembly passed the law on Friday.',
      warnings: [],
      language: { tag: 'en', direction: 'ltr', source: 'text' },
      sources: {
        title: 'from the front matter',
        outlet: 'from the front matter',
        byline: 'from the front matter',
        published: 'from the front matter',
        url: 'from the front matter',
      },
      removed: [],
    })
  })

  it('takes the title from the first # heading and leaves it out of the body', () => {
    const draft = markdownToArticle('# Court jails three\n\nThe court ruled.\n', 'x.md')
    expect(draft.title).toBe('Court jails three')
    expect(draft.body).toBe('The court ruled.')
    // Front matter repeating the heading: still not twice.
    const same = markdownToArticle(
      '---\ntitle: Court jails three\n---\n# Court jails three\n\nText.',
      'x.md',
    )
    expect(same.body).toBe('Text.')
  })

  it('treats a source that is an address as the url, and a file without metadata by its name', () => {
    const draft = markdownToArticle(
      '---\nsource: https://example.org/a\n---\nJust text.',
      'clip-2023.md',
    )
    expect(draft).toMatchObject({ outlet: null, url: 'https://example.org/a', title: 'clip-2023' })
    expect(draft.warnings).toContain('No title was found; the file name is used instead.')
  })

  it('strips Markdown to readable text: links as words, no images, lists and headings as paragraphs', () => {
    const md = [
      '# Title',
      '',
      'Police **rescued** 40 workers, _officials_ said ([source](https://example.org/s)).',
      'The second line of the same paragraph.  ',
      'After a hard break.',
      '',
      '![A boat](http://example.invalid/boat.png)',
      '',
      '## What happened',
      '',
      '- first point',
      '- second point with `code`',
      '  - nested point',
      '',
      '3. third',
      '4. fourth',
      '',
      '> A quoted',
      '> statement.',
      '',
      '| Year | Cases |',
      '| ---- | ----- |',
      '| 2021 | 34    |',
      '',
      '```',
      'fenced line 1',
      '',
      'fenced line 2',
      '```',
      '',
      '---',
      '',
      'Last paragraph.',
    ].join('\n')
    const draft = markdownToArticle(md, 'x.md')
    expect(paragraphs(draft.body).map((p) => p.text)).toEqual([
      'Police rescued 40 workers, officials said (source). The second line of the same paragraph.\nAfter a hard break.',
      'What happened',
      '• first point',
      '• second point with code',
      '• nested point',
      '3. third',
      '4. fourth',
      'A quoted statement.',
      'Year | Cases',
      '2021 | 34',
      'fenced line 1\nfenced line 2',
      'Last paragraph.',
    ])
    expect(draft.warnings).toEqual([
      '1 image was left out: Sourceline keeps an article’s text only.',
    ])
    expect(draft.body).not.toContain('http')
  })

  it('reduces raw HTML to its text and never keeps markup', () => {
    const md = [
      '# T',
      '',
      '<div class="x"><p>Inside <b>HTML</b> &amp; more</p><script>alert(1)</script></div>',
      '',
      'Inline <span onclick="x()">span</span> and <img src="http://example.invalid/x.png"> done.',
      '<!-- a comment -->',
    ].join('\n')
    const draft = markdownToArticle(md, 'x.md')
    expect(draft.body).toBe('Inside HTML & more\n\nInline span and done.')
    expect(draft.body).not.toMatch(/<[a-z!/]/i)
  })

  it('does not take an unclosed front matter block as metadata, and normalises CRLF and a BOM', () => {
    const draft = markdownToArticle('\uFEFF# Title\r\n\r\nLine one\r\nline two\r\n', 'x.md')
    expect(draft).toMatchObject({ title: 'Title', body: 'Line one line two' })
    const unclosed = markdownToArticle('---\ntitle: Not front matter\n\nBody text.', 'x.md')
    expect(unclosed.title).toBe('x')
    expect(unclosed.body).toContain('Body text.')
  })

  it('never evaluates front matter: it is read as plain key: value lines', () => {
    const draft = markdownToArticle(
      '---\ntitle: !!js/function "function () { throw new Error() }"\ndate: not a date\n---\nText.',
      'x.md',
    )
    expect(draft.title).toBe('!!js/function "function () { throw new Error() }"')
    expect(draft.published).toEqual({ text: 'not a date', edtf: null })
  })
})

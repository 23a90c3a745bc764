import { describe, expect, it } from 'vitest'
import { renderNoteHtml } from './markdown'

describe('renderNoteHtml', () => {
  it('shows raw HTML as text', () => {
    const html = renderNoteHtml('<img src=x onerror=alert(1)>\n\n<script>alert(1)</script>')
    expect(html).not.toContain('<img')
    expect(html).not.toContain('<script')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
  })

  it('makes no link for javascript:, data:, relative or other schemes', () => {
    for (const markdown of [
      '[x](javascript:alert(1))',
      '[x](JAVASCRIPT:alert(1))',
      '[x](java\tscript:alert(1))',
      '[x](vbscript:msgbox)',
      '[x](data:text/html;base64,PHNjcmlwdD4=)',
      '[x](file:///etc/passwd)',
      '[x](/relative/path)',
      '[x](//evil.example)',
      '[x](ftp://example.com)',
      '<javascript:alert(1)>',
    ]) {
      const html = renderNoteHtml(markdown)
      expect(html, markdown).not.toContain('href')
      // The source may show as text; it must never become a link.
      expect(html, markdown).not.toMatch(/<a\b/)
    }
  })

  it('links http(s) and mailto with rel and no target', () => {
    const html = renderNoteHtml('[report](https://example.org/a?b=1) and <mailto:a@example.org>')
    expect(html).toContain(
      '<a href="https://example.org/a?b=1" rel="noopener noreferrer">report</a>',
    )
    expect(html).toContain('<a href="mailto:a@example.org" rel="noopener noreferrer">')
    expect(html).not.toContain('target')
  })

  it('linkifies bare URLs the same way', () => {
    expect(renderNoteHtml('see https://example.org/x')).toContain(
      '<a href="https://example.org/x" rel="noopener noreferrer">https://example.org/x</a>',
    )
  })

  it('loads no images', () => {
    const html = renderNoteHtml('![pixel](https://tracker.example/p.gif)')
    expect(html).not.toContain('<img')
  })

  it('renders ordinary Markdown without typographic replacements', () => {
    expect(renderNoteHtml('## Heading\n\n*a* "quoted" -- b')).toBe(
      '<h2>Heading</h2>\n<p><em>a</em> &quot;quoted&quot; -- b</p>\n',
    )
  })
})

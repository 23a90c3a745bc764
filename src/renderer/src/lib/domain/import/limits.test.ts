import { describe, expect, it } from 'vitest'
import {
  IMPORT_EXTENSIONS,
  MAX_IMPORT_BYTES,
  formatSize,
  mediaTypeFor,
  tooLargeMessage,
  unsupportedTypeMessage,
} from './limits'

describe('import limits', () => {
  it('knows the kinds of file it imports by extension, in any case', () => {
    expect(mediaTypeFor('a.HTML')).toBe('text/html')
    expect(mediaTypeFor('a.htm')).toBe('text/html')
    expect(mediaTypeFor('notes.v2.markdown')).toBe('text/markdown')
    expect(mediaTypeFor('a.md')).toBe('text/markdown')
    expect(mediaTypeFor('a.txt')).toBe('text/plain')
    for (const name of ['a.pdf', 'a.html.exe', 'README', 'a.', '.txt.gz'])
      expect(mediaTypeFor(name)).toBeNull()
    expect(IMPORT_EXTENSIONS).toEqual(['.html', '.htm', '.md', '.markdown', '.txt'])
  })

  it('says sizes in words, rounding up so just over the limit never reads as the limit', () => {
    expect(formatSize(1)).toBe('1 byte')
    expect(formatSize(999)).toBe('999 bytes')
    expect(formatSize(830_200)).toBe('831 KB')
    expect(formatSize(MAX_IMPORT_BYTES)).toBe('10 MB')
    expect(formatSize(MAX_IMPORT_BYTES + 1)).toBe('10.1 MB')
  })

  it('explains a refusal with the file’s name and what is accepted', () => {
    expect(tooLargeMessage('x.html', 52_400_000)).toBe(
      '“x.html” is 52.4 MB; Sourceline imports articles up to 10 MB.',
    )
    expect(unsupportedTypeMessage('report.pdf')).toBe(
      '“report.pdf” is not a kind of file Sourceline imports: choose a web page or text file ' +
        '(.html, .htm, .md, .markdown or .txt).',
    )
  })
})

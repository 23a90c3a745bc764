import { describe, expect, it } from 'vitest'
import {
  IMPORT_EXTENSIONS,
  MAX_IMPORT_BYTES,
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

  it('explains a refusal with the file’s name and what is accepted', () => {
    expect(tooLargeMessage('x.html', 52_400_000)).toBe(
      '“x.html” is 52.4 MB; Sourceline imports articles up to 10 MB.',
    )
    expect(tooLargeMessage('x.html', MAX_IMPORT_BYTES + 1)).toBe(
      '“x.html” is 10.1 MB; Sourceline imports articles up to 10 MB.',
    )
    expect(unsupportedTypeMessage('report.pdf')).toBe(
      '“report.pdf” is not a kind of file Sourceline imports: choose a web page or text file ' +
        '(.html, .htm, .md, .markdown or .txt).',
    )
  })
})

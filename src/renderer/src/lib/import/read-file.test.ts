// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest'
import { sha256Hex } from '../domain/corpus'
import { MAX_IMPORT_BYTES } from '../domain/import/limits'
import { ArticleFileError, readImportFile, type ImportFile } from './read-file'

const PAGE =
  '<!DOCTYPE html><html><head><title>Raid frees 40 workers</title></head><body><article>' +
  '<p>Police freed 40 workers from a fishing boat on Tuesday, officials said.</p></article></body></html>'

/** A file as the picker gives it; `bytes` defaults to the UTF-8 of `text`. */
function file(name: string, text: string, bytes = new TextEncoder().encode(text)): ImportFile {
  return {
    name,
    size: bytes.length,
    text: () => Promise.resolve(new TextDecoder().decode(bytes)),
    arrayBuffer: () => Promise.resolve(bytes.slice().buffer),
  }
}

async function refusal(f: ImportFile): Promise<ArticleFileError> {
  const error: unknown = await readImportFile(f).then(
    () => null,
    (e: unknown) => e,
  )
  if (!(error instanceof ArticleFileError))
    throw new Error(`expected a refusal, got ${String(error)}`)
  return error
}

describe('readImportFile', () => {
  it('reads a web page into a draft, keeping the original and its SHA-256', async () => {
    const read = await readImportFile(file('raid.html', PAGE))
    expect(read.mediaType).toBe('text/html')
    expect(read.original).toBe(PAGE)
    expect(read.sha256).toBe(await sha256Hex(PAGE))
    expect(read.draft).toMatchObject({
      title: 'Raid frees 40 workers',
      body: 'Police freed 40 workers from a fishing boat on Tuesday, officials said.',
      warnings: [],
    })
  })

  it('reads Markdown and plain text by their extensions', async () => {
    const md = await readImportFile(file('a.MD', '# Heading\n\nMarkdown body.'))
    expect(md).toMatchObject({
      mediaType: 'text/markdown',
      draft: { title: 'Heading', body: 'Markdown body.' },
    })
    const txt = await readImportFile(file('a.txt', 'Title line\n\nText body.'))
    expect(txt).toMatchObject({
      mediaType: 'text/plain',
      draft: { title: 'Title line', body: 'Text body.' },
    })
  })

  it('refuses other kinds of file, naming them', async () => {
    const error = await refusal(file('report.pdf', '%PDF-1.7'))
    expect(error.code).toBe('unsupported-type')
    expect(error.message).toMatch(/^“report\.pdf” is not a kind of file Sourceline imports/)
  })

  it('refuses a file over the limit before reading a byte of it', async () => {
    const text = vi.fn(() => Promise.resolve(''))
    const arrayBuffer = vi.fn(() => Promise.resolve(new ArrayBuffer(0)))
    const error = await refusal({ name: 'huge.html', size: 52_400_000, text, arrayBuffer })
    expect(error).toMatchObject({
      code: 'too-large',
      message: '“huge.html” is 52.4 MB; Sourceline imports articles up to 10 MB.',
    })
    expect(text).not.toHaveBeenCalled()
    expect(arrayBuffer).not.toHaveBeenCalled()
    // The limit itself is allowed through to reading.
    expect(
      (await refusal({ name: 'edge.txt', size: MAX_IMPORT_BYTES, text, arrayBuffer })).code,
    ).toBe('empty')
  })

  it('refuses empty files and pages with no article text', async () => {
    expect((await refusal(file('e.txt', ''))).code).toBe('empty')
    expect((await refusal(file('e.md', ' \n\n '))).code).toBe('empty')
    const noText = await refusal(file('script.html', '<script>alert(1)</script><nav>Menu</nav>'))
    expect(noText).toMatchObject({
      code: 'no-text',
      message: 'No article text was found in “script.html”.',
    })
  })

  it('replaces bytes that are not UTF-8 and says how many', async () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('Title\n\nCaf'),
      0xe9,
      0x20,
      0xff,
      0x21,
    ])
    const read = await readImportFile(file('bad.txt', '', bytes))
    expect(read.draft.body).toBe('Caf\uFFFD \uFFFD!')
    expect(read.draft.warnings).toEqual([
      '“bad.txt” is not valid UTF-8: 2 unreadable characters were replaced with “\uFFFD”.',
    ])
    expect(read.sha256).toBe(await sha256Hex(read.original))
  })

  it('reads a page in the charset it declares when it is not UTF-8', async () => {
    const latin1 =
      '<html><head><meta charset="windows-1252"><title>Café</title></head><body><p>Crème brûlée.</p></body></html>'
    const bytes = Uint8Array.from(latin1, (c) => c.charCodeAt(0))
    const read = await readImportFile(file('latin.html', '', bytes))
    expect(read.original).toBe(latin1)
    expect(read.draft).toMatchObject({ title: 'Café', body: 'Crème brûlée.' })
    expect(read.draft.warnings).toEqual([
      '“latin.html” is not UTF-8; it was read as windows-1252, as the page declares.',
    ])
  })

  it('reads UTF-16 with a byte-order mark, and UTF-8 with one', async () => {
    const text = 'Title\n\nBody ü.'
    const utf16 = new Uint8Array([
      0xff,
      0xfe,
      ...Array.from(text).flatMap((c) => [c.charCodeAt(0), 0]),
    ])
    expect((await readImportFile(file('u16.txt', '', utf16))).draft.body).toBe('Body ü.')
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)])
    expect((await readImportFile(file('bom.txt', '', bom))).original).toBe(text)
  })

  it('reads UTF-16 and UTF-32 without a byte-order mark, saying which it was', async () => {
    const text = 'Title\n\nBody ü, 東京.'
    const utf16be = new Uint8Array(
      Array.from(text).flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff]),
    )
    const read = await readImportFile(file('u16.txt', '', utf16be))
    expect(read.original).toBe(text)
    expect(read.draft.warnings).toEqual([
      '“u16.txt” is in UTF-16 (big-endian) without a byte-order mark; it was read as such.',
    ])
    expect(read.sha256).toBe(await sha256Hex(text))
    const utf32le = new Uint8Array(
      Array.from(text).flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8, 0, 0]),
    )
    const page = await readImportFile(file('u32.txt', '', utf32le))
    expect(page.original).toBe(text)
    expect(page.draft.warnings[0]).toMatch(
      /is in UTF-32 \(little-endian\) without a byte-order mark/,
    )
  })

  it('hashes the text, not the file, when a byte-order mark was dropped', async () => {
    const text = 'Title\n\nBody.'
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)])
    expect((await readImportFile(file('bom.txt', '', bom))).sha256).toBe(await sha256Hex(text))
  })

  it('without the bytes, warns when the decoded text has replacement characters', async () => {
    const read = await readImportFile({
      name: 'x.txt',
      size: 20,
      text: () => Promise.resolve('Title\n\nBroken \uFFFD.'),
    })
    expect(read.draft.warnings[0]).toMatch(/contains “\uFFFD” characters/)
  })

  it('reports a file that cannot be read', async () => {
    const error = await refusal({
      name: 'gone.txt',
      size: 10,
      text: () => Promise.reject(new Error('The file was moved')),
    })
    expect(error).toMatchObject({
      code: 'unreadable',
      message: '“gone.txt” could not be read: The file was moved',
    })
  })

  it('reads a real File', async () => {
    const read = await readImportFile(new File([PAGE], 'raid.htm', { type: 'text/html' }))
    expect(read.draft.title).toBe('Raid frees 40 workers')
  })
})

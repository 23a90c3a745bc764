import { describe, expect, it } from 'vitest'
import { readProjectFile } from './read-project-file'

const JSON_TEXT = '{"formatVersion": 1, "note": "Café 東京"}'

function utf16le(text: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(
    Array.from(text).flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]),
  )
}

describe('readProjectFile', () => {
  it('reads UTF-16 without a byte-order mark as what it is, not as UTF-8', async () => {
    const file = new File([utf16le(JSON_TEXT)], 'project.json')
    expect(await readProjectFile(file)).toEqual({ ok: true, text: JSON_TEXT })
  })

  it('reads UTF-8, with or without a byte-order mark', async () => {
    const bytes = new TextEncoder().encode(JSON_TEXT) as Uint8Array<ArrayBuffer>
    expect(await readProjectFile(new File([bytes], 'a.json'))).toEqual({
      ok: true,
      text: JSON_TEXT,
    })
    const marked = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes])
    expect(await readProjectFile(new File([marked], 'b.json'))).toEqual({
      ok: true,
      text: JSON_TEXT,
    })
  })
})

import { describe, expect, it } from 'vitest'
import { decodeAs, detectEncoding, encodingName, misreadEncoding } from './encoding'

const TEXT = '{"title": "Café – 東京 🙂", "n": 1}'

function encode(text: string, bytesPerChar: 2 | 4, littleEndian: boolean, bom = false): Uint8Array {
  const chars = bytesPerChar === 4 ? Array.from(text, (c) => c.codePointAt(0)!) : null
  const units = chars ?? Array.from({ length: text.length }, (_, i) => text.charCodeAt(i))
  const all = bom ? [0xfeff, ...units] : units
  const bytes = new Uint8Array(all.length * bytesPerChar)
  const view = new DataView(bytes.buffer)
  all.forEach((u, i) =>
    bytesPerChar === 2
      ? view.setUint16(i * 2, u, littleEndian)
      : view.setUint32(i * 4, u, littleEndian),
  )
  return bytes
}

describe('detectEncoding and decodeAs', () => {
  it.each([
    ['UTF-16LE', 2, true],
    ['UTF-16BE', 2, false],
    ['UTF-32LE', 4, true],
    ['UTF-32BE', 4, false],
  ] as const)('reads %s with and without a byte-order mark', (encoding, size, little) => {
    for (const bom of [true, false]) {
      const bytes = encode(TEXT, size, little, bom)
      const detected = detectEncoding(bytes)
      expect(detected).toEqual({ encoding, bom: bom ? size : 0 })
      expect(decodeAs(bytes, detected)).toBe(TEXT)
    }
  })

  it('takes anything else as UTF-8, less its byte-order mark', () => {
    const bytes = new TextEncoder().encode(TEXT)
    expect(detectEncoding(bytes)).toEqual({ encoding: 'UTF-8', bom: 0 })
    const marked = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes])
    expect(decodeAs(marked, detectEncoding(marked))).toBe(TEXT)
    expect(detectEncoding(new Uint8Array([0x7b]))).toEqual({ encoding: 'UTF-8', bom: 0 })
  })

  it('says the encoding in words', () => {
    expect(encodingName('UTF-16LE')).toBe('UTF-16 (little-endian)')
    expect(encodingName('UTF-32BE')).toBe('UTF-32 (big-endian)')
    expect(encodingName('UTF-8')).toBe('UTF-8')
  })
})

describe('misreadEncoding', () => {
  const asUtf8 = (bytes: Uint8Array) => new TextDecoder('utf-8').decode(bytes)

  it('sees UTF-16 and UTF-32 in text that was read as UTF-8', () => {
    expect(misreadEncoding(asUtf8(encode(TEXT, 2, true)))).toBe('UTF-16LE')
    expect(misreadEncoding(asUtf8(encode(TEXT, 2, false)))).toBe('UTF-16BE')
    expect(misreadEncoding(asUtf8(encode(TEXT, 4, true)))).toBe('UTF-32LE')
    expect(misreadEncoding(asUtf8(encode(TEXT, 4, false)))).toBe('UTF-32BE')
    expect(misreadEncoding(asUtf8(encode(TEXT, 2, false, true)))).toBe('UTF-16BE')
  })

  it('finds nothing in UTF-8 text', () => {
    expect(misreadEncoding(TEXT)).toBeNull()
    expect(misreadEncoding('')).toBeNull()
  })
})

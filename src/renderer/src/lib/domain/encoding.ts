/**
 * Which Unicode encoding a file's bytes are in, with or without a byte-order mark, and the text
 * they hold: UTF-8, UTF-16 and UTF-32, either byte order. Files without a mark are told apart by
 * where their zero bytes fall, which works for the files Sourceline reads (JSON, HTML, Markdown,
 * text), whose first characters are ASCII. Pure.
 */

export type UnicodeEncoding = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'UTF-32LE' | 'UTF-32BE'

export interface DetectedEncoding {
  encoding: UnicodeEncoding
  /** Length of the byte-order mark the bytes start with; 0 when there is none. */
  bom: number
}

/** How many bytes are looked at to guess an encoding without a byte-order mark. */
const SAMPLE_BYTES = 4096

/** In words, for messages: 'UTF-16 (little-endian)'. */
export function encodingName(encoding: UnicodeEncoding): string {
  const [, bits, order] = /^UTF-(\d+)(LE|BE)?$/.exec(encoding)!
  if (!order) return `UTF-${bits}`
  return `UTF-${bits} (${order === 'LE' ? 'little' : 'big'}-endian)`
}

/**
 * The encoding of `bytes`: the byte-order mark's, or, without one, UTF-16/UTF-32 when zero bytes
 * sit where those put them beside ASCII characters; else UTF-8.
 */
export function detectEncoding(bytes: Uint8Array): DetectedEncoding {
  const [b0, b1, b2, b3] = bytes
  if (b0 === 0x00 && b1 === 0x00 && b2 === 0xfe && b3 === 0xff)
    return { encoding: 'UTF-32BE', bom: 4 }
  if (b0 === 0xff && b1 === 0xfe && b2 === 0x00 && b3 === 0x00)
    return { encoding: 'UTF-32LE', bom: 4 }
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { encoding: 'UTF-8', bom: 3 }
  if (b0 === 0xff && b1 === 0xfe) return { encoding: 'UTF-16LE', bom: 2 }
  if (b0 === 0xfe && b1 === 0xff) return { encoding: 'UTF-16BE', bom: 2 }
  return { encoding: guessWithoutMark(bytes.subarray(0, SAMPLE_BYTES)), bom: 0 }
}

/** Share of zero bytes at each position modulo 4, over the sample. */
function guessWithoutMark(sample: Uint8Array): UnicodeEncoding {
  const length = sample.length - (sample.length % 4)
  if (length < 4) return 'UTF-8'
  const zeros = [0, 0, 0, 0]
  for (let i = 0; i < length; i++) if (sample[i] === 0) zeros[i % 4]! += 1
  const quarter = length / 4
  const mostly = (n: number) => n >= quarter * 0.7
  const rarely = (n: number) => n <= quarter * 0.3
  const [z0, z1, z2, z3] = zeros as [number, number, number, number]
  if (rarely(z0) && mostly(z1) && mostly(z2) && mostly(z3)) return 'UTF-32LE'
  if (mostly(z0) && mostly(z1) && mostly(z2) && rarely(z3)) return 'UTF-32BE'
  if (rarely(z0) && mostly(z1) && rarely(z2) && mostly(z3)) return 'UTF-16LE'
  if (mostly(z0) && rarely(z1) && mostly(z2) && rarely(z3)) return 'UTF-16BE'
  return 'UTF-8'
}

/**
 * The text of `bytes` in `encoding`, less any byte-order mark. UTF-8 and UTF-16 go through
 * TextDecoder (bad sequences become U+FFFD); UTF-32, which TextDecoder does not know, is read here.
 */
export function decodeAs(bytes: Uint8Array, detected: DetectedEncoding): string {
  const body = bytes.subarray(detected.bom)
  switch (detected.encoding) {
    case 'UTF-8':
      return new TextDecoder('utf-8').decode(body)
    case 'UTF-16LE':
      return new TextDecoder('utf-16le').decode(body)
    case 'UTF-16BE':
      return new TextDecoder('utf-16be').decode(body)
    case 'UTF-32LE':
    case 'UTF-32BE':
      return decodeUtf32(body, detected.encoding === 'UTF-32LE')
  }
}

function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const parts: string[] = []
  let chunk: number[] = []
  for (let i = 0; i + 4 <= bytes.length; i += 4) {
    const code = view.getUint32(i, littleEndian)
    const valid = code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)
    chunk.push(valid ? code : 0xfffd)
    if (chunk.length === 8192) {
      parts.push(String.fromCodePoint(...chunk))
      chunk = []
    }
  }
  if (bytes.length % 4 !== 0) chunk.push(0xfffd)
  parts.push(String.fromCodePoint(...chunk))
  return parts.join('')
}

/**
 * For text that was already decoded as UTF-8: the encoding it was really in, when its characters
 * show UTF-16 or UTF-32 read as UTF-8 (NULs beside every character, or a byte-order mark turned
 * into replacement characters); null when it looks like UTF-8.
 */
export function misreadEncoding(text: string): UnicodeEncoding | null {
  if (text.startsWith('\uFFFD\uFFFD\0\0')) return 'UTF-32LE'
  if (text.startsWith('\0\0\uFFFD\uFFFD')) return 'UTF-32BE'
  if (text.startsWith('\uFFFD\uFFFD')) {
    // FF FE or FE FF: which one cannot be told from U+FFFD; the NULs after it can.
    const rest = guessWithoutMark(latin1Bytes(text.slice(2, 2 + SAMPLE_BYTES)))
    if (rest === 'UTF-16LE' || rest === 'UTF-16BE') return rest
  }
  const guess = guessWithoutMark(latin1Bytes(text.slice(0, SAMPLE_BYTES)))
  return guess === 'UTF-8' ? null : guess
}

/** The characters' low bytes: enough to see where NULs fall. */
function latin1Bytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length)
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff
  return bytes
}

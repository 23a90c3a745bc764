/**
 * What a project file holds, as a short digest that leaves out the moment it was written
 * (`"exportedAt"`), so two files of the same data compare equal. Worked out a block at a time
 * with a turn for the window between blocks, whether the file is bytes built in the export Worker
 * or text read back from a backup: a 100 MB file never holds the window in one piece.
 */

/** Bytes per hashed block; the fingerprint is the SHA-256 of the blocks' SHA-256s in order. */
export const BLOCK_BYTES = 1 << 20
/** Characters of text encoded at a time. */
const TEXT_SLICE = 1 << 20
/** How far into a file its `exportedAt` is looked for (it is in the first lines). */
const HEAD = 4096

const MOMENT = /"exportedAt": "[^"]*"/
const MARKER = new TextEncoder().encode('"exportedAt": "')
const QUOTE = 0x22

/** Hashes a stream of bytes in fixed blocks, whatever sizes it arrives in. */
class BlockHasher {
  readonly #block = new Uint8Array(BLOCK_BYTES)
  #filled = 0
  #digests: Promise<ArrayBuffer>[] = []

  async push(bytes: Uint8Array): Promise<void> {
    let at = 0
    while (at < bytes.byteLength) {
      const n = Math.min(BLOCK_BYTES - this.#filled, bytes.byteLength - at)
      this.#block.set(bytes.subarray(at, at + n), this.#filled)
      this.#filled += n
      at += n
      if (this.#filled === BLOCK_BYTES) {
        this.#flush()
        await turn()
      }
    }
  }

  async finish(): Promise<string> {
    if (this.#filled > 0 || this.#digests.length === 0) this.#flush()
    const digests = await Promise.all(this.#digests)
    const all = new Uint8Array(digests.length * 32)
    digests.forEach((digest, i) => all.set(new Uint8Array(digest), i * 32))
    return hex(await crypto.subtle.digest('SHA-256', all))
  }

  #flush(): void {
    // digest() copies what it is given before answering, so the block is filled again.
    this.#digests.push(crypto.subtle.digest('SHA-256', this.#block.subarray(0, this.#filled)))
    this.#filled = 0
  }
}

/** The fingerprint of a project file given as its UTF-8 bytes. */
export async function fingerprintBytes(bytes: Uint8Array): Promise<string> {
  const hasher = new BlockHasher()
  const value = momentInBytes(bytes)
  if (value) {
    await hasher.push(bytes.subarray(0, value.start))
    await hasher.push(bytes.subarray(value.end))
  } else {
    await hasher.push(bytes)
  }
  return hasher.finish()
}

/** The fingerprint of a project file given as text: the same as of its UTF-8 bytes. */
export async function fingerprintText(text: string): Promise<string> {
  const hasher = new BlockHasher()
  const match = MOMENT.exec(text.slice(0, HEAD))
  if (match) {
    // Keep the quotes around the value, as momentInBytes does.
    const start = match.index + '"exportedAt": "'.length
    const end = match.index + match[0].length - 1
    await pushText(hasher, text.slice(0, start))
    await pushText(hasher, text.slice(end))
  } else {
    await pushText(hasher, text)
  }
  return hasher.finish()
}

async function pushText(hasher: BlockHasher, text: string): Promise<void> {
  const encoder = new TextEncoder()
  let at = 0
  while (at < text.length) {
    let end = Math.min(text.length, at + TEXT_SLICE)
    // Never end a slice between the two halves of a surrogate pair.
    const last = text.charCodeAt(end - 1)
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--
    await hasher.push(encoder.encode(text.slice(at, end)))
    at = end
  }
}

/** Where the value of `"exportedAt": "…"` is in the first bytes of a file, if it is there. */
function momentInBytes(bytes: Uint8Array): { start: number; end: number } | null {
  const limit = Math.min(bytes.byteLength, HEAD) - MARKER.byteLength
  for (let i = 0; i <= limit; i++) {
    let same = true
    for (let j = 0; j < MARKER.byteLength && same; j++) same = bytes[i + j] === MARKER[j]
    if (!same) continue
    const start = i + MARKER.byteLength
    const end = bytes.indexOf(QUOTE, start)
    return end < 0 || end > HEAD ? null : { start, end }
  }
  return null
}

function hex(buffer: ArrayBuffer): string {
  return [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('')
}

function turn(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0))
}

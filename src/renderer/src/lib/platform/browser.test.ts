import { describe, expect, it } from 'vitest'
import { BLOB_SLICE, blobInSlices, chromiumVersionOf } from './browser'

describe('blobInSlices', () => {
  it('holds exactly the bytes given, across slices and within one', async () => {
    const bytes = new Uint8Array(BLOB_SLICE * 2 + 12345)
    for (let i = 0; i < bytes.length; i += 4093) bytes[i] = (i / 4093) % 251
    const blob = await blobInSlices(bytes, 'application/octet-stream')
    expect(blob.size).toBe(bytes.byteLength)
    expect(blob.type).toBe('application/octet-stream')
    // Compared as buffers: a deep equality of 16 MB element by element runs out of memory.
    expect(Buffer.compare(Buffer.from(await blob.arrayBuffer()), Buffer.from(bytes))).toBe(0)

    const small = new TextEncoder().encode('Phnom Penh ភ្នំពេញ')
    expect(await (await blobInSlices(small, 'text/plain')).text()).toBe('Phnom Penh ភ្នំពេញ')
  })
})

describe('chromiumVersionOf', () => {
  it("reads Chromium's version from a user agent", () => {
    expect(
      chromiumVersionOf('Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0.8078.114 Safari/537.36'),
    ).toBe('156.0.8078.114')
    expect(chromiumVersionOf('Mozilla/5.0 Firefox/140.0')).toBe('unknown')
  })
})

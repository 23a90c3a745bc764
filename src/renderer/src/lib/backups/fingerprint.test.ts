import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { BLOCK_BYTES, fingerprintBytes, fingerprintText } from './fingerprint'

function project(data: string, at = '2024-05-01T12:00:00.000Z'): string {
  return `{\n  "formatVersion": 1,\n  "app": "Sourceline",\n  "exportedAt": "${at}",\n  "data": ${JSON.stringify(data)}\n}\n`
}

const utf8 = (text: string) => new TextEncoder().encode(text)

describe('project file fingerprints', () => {
  it('are the same for a file as text and as its UTF-8 bytes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'grapheme', maxLength: 200 }),
        fc.boolean(),
        async (data, wrapped) => {
          const text = wrapped ? project(data) : data
          expect(await fingerprintText(text)).toBe(await fingerprintBytes(utf8(text)))
        },
      ),
      { numRuns: 200 },
    )
  })

  it('leave out when the file was written, and nothing else', async () => {
    const first = await fingerprintText(project('a', '2024-05-01T12:00:00.000Z'))
    expect(await fingerprintText(project('a', '2025-01-31T08:15:00.000Z'))).toBe(first)
    expect(await fingerprintBytes(utf8(project('a', '2026-01-31T08:15:00.000Z')))).toBe(first)
    expect(await fingerprintText(project('b'))).not.toBe(first)
    expect(await fingerprintText(project('a').replace('"app"', '"App"'))).not.toBe(first)
  })

  it('agree across blocks, with characters of every width on the block edges', async () => {
    // 'é' is 2 bytes, '✓' 3, '𝄞' 4 (a surrogate pair in text): edges fall inside each.
    const long = project('a'.repeat(BLOCK_BYTES - 100) + 'é✓𝄞'.repeat(BLOCK_BYTES / 5))
    const text = await fingerprintText(long)
    expect(await fingerprintBytes(utf8(long))).toBe(text)
    const changed = `${long.slice(0, long.length - 10)}X${long.slice(long.length - 9)}`
    expect(await fingerprintText(changed)).not.toBe(text)
  })
})

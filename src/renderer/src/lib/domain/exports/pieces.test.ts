/*
 * The chunked exports write the same bytes as the one-piece ones. The golden hashes were taken
 * from the formats as they were before they were split into pieces (commit adc100c), over
 * generated projects with thousands of events, notes and highlights, mixed date precision and
 * hostile text; the properties hold every chunk size and any JSON to the one-piece path.
 */
import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ExportInput } from './input'
import { buildExportText, type TextExportKind } from './index'
import { chunked, encodeExport, exportPieces, jsonPieces } from './pieces'
import { generatedExportInput } from './generated-input'
import { realExportInput } from './test-fixture'

const KINDS: TextExportKind[] = ['markdown', 'csv', 'html', 'timelinejs', 'annotations', 'csl']

/** SHA-256 of each format's file from the one-piece builders at adc100c. */
const GOLDEN: Record<string, Record<TextExportKind, string>> = {
  '1:3000': {
    markdown: '48a42d7596dc2d77cfb8a24a8204656c46c24c9b07f5990fb3e5f1d40c5548ce',
    csv: 'd9d90159a534a357478aa98fdcf76cc479d8e90fcea1145c5d91ad2da8c65ee7',
    html: '0e366cd4cd11aac548922eeb24178f8076775f7d3d25fd7c58cc56cc978101b3',
    timelinejs: 'a470f158a4e21fc8e6c33f7c3086eabad3f9cfb7bbbf5ad268cec1a90ee3a6f3',
    annotations: '9f497f8c201d69edf4173c71a4b839a0f387da633713d940f4bd47188e2cf728',
    csl: '24aaac0fbff405e2e89acf631963ed7d52e11fd2a31a9f3d6ff52529a645c352',
  },
  '2:500': {
    markdown: '93baf8dcf4cb9822bd14076461b46b183f2632d8094c1ff14931be42e72a6ee0',
    csv: 'b88ca00c170cf8d99187b14bbd2482966c637e66de99f7fd71ead3fec5243fc2',
    html: '9a64530bee785b1f38d8d9029c0fe2805029c6857c161637fc49481c95024052',
    timelinejs: '3373996d593256af3b97fabdbff4d72a1aca8f4c4f435c670a5a3a41ec7dc79b',
    annotations: '91cf6676e1544adb1014b86c708b033312c6cee3f354bbb16c0a4504759b851f',
    csl: 'e618af2f70b7f575130ac63e340d850390ce79a14bdbba03dc9d2197d0236432',
  },
  '3:40': {
    markdown: 'a72cadb2f2b325877eba1271b8b759ef4afc6881aeb54b1bc7f8355b3f92b3dd',
    csv: '5f619a3320ac8f0eef5e05b61ef22eb0c856f46e69be96899e3c36f8fa0fd3f8',
    html: 'af614ed92a3788377d31d5b2af2706d53212db50674767636b934febbb2d2b55',
    timelinejs: 'a3d67c16032dcfa7e3e632274b2c1a91b02a65496c7137e96ce218fdc7382299',
    annotations: '9d3024f12a55018b0d196779b2cb1f66fdd321293b721f2c059ab74cb9dff731',
    csl: '0c99769ef677a4ecb4e4d3c4fc9d896ab9b5c04093a7d6fd3c45adea396f21de',
  },
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

const encode = (text: string) => new TextEncoder().encode(text)

describe('chunked exports against the one-piece files recorded before the change', () => {
  for (const key of Object.keys(GOLDEN)) {
    const [seed, count] = key.split(':').map(Number) as [number, number]
    it(`${count} generated events (seed ${seed}): every format, byte for byte`, () => {
      const input = generatedExportInput(seed, count)
      for (const kind of KINDS) {
        const ticks: number[] = []
        const bytes = encodeExport(kind, input, (done, total) => ticks.push(done / total), 4096)
        expect(sha256(bytes), kind).toBe(GOLDEN[key]![kind])
        expect(sha256(encode(buildExportText(kind, input))), `${kind} one piece`).toBe(
          GOLDEN[key]![kind],
        )
        // Progress only grows and ends at the whole.
        expect(
          ticks.every((t, i) => i === 0 || t >= ticks[i - 1]!),
          kind,
        ).toBe(true)
        if (ticks.length > 0) expect(ticks[ticks.length - 1], kind).toBe(1)
      }
    }, 60_000)
  }
})

describe('chunk boundaries', () => {
  it('any chunk size gives the same bytes, astral characters included', () => {
    const base = realExportInput()
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.constantFrom(...KINDS),
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        (size, kind, text) => {
          const input: ExportInput = {
            ...base,
            title: `${text}🧭`,
            notes: [...base.notes, { ...base.notes[0]!, id: 'n-x', body: `𝔘${text}😀` }],
          }
          const bytes = encodeExport(kind, input, () => {}, size)
          expect(Buffer.from(bytes).equals(Buffer.from(encode(buildExportText(kind, input))))).toBe(
            true,
          )
        },
      ),
      { numRuns: 60 },
    )
  })

  it('never splits a surrogate pair between chunks', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'binary' })),
        fc.integer({ min: 1, max: 20 }),
        (pieces, size) => {
          const chunks = [...chunked(pieces, size)]
          expect(chunks.join('')).toBe(pieces.join(''))
          for (const chunk of chunks.slice(0, -1)) {
            const last = chunk.charCodeAt(chunk.length - 1)
            expect(last >= 0xd800 && last <= 0xdbff).toBe(false)
          }
        },
      ),
    )
  })
})

describe('JSON in pieces', () => {
  it('writes what JSON.stringify(value, null, 2) writes', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect([...jsonPieces(value)].join('')).toBe(JSON.stringify(value, null, 2))
      }),
      { numRuns: 500 },
    )
  })

  it('leaves out what JSON leaves out, and writes null for it in arrays', () => {
    const value = {
      a: undefined,
      b: [undefined, () => 1, { c: undefined, d: new Date(0) }],
      e: { f: [[], {}, [[1, [2]]]] },
    }
    expect([...jsonPieces(value)].join('')).toBe(JSON.stringify(value, null, 2))
  })

  it('counts one tick per element it hands out', () => {
    let ticks = 0
    const made = exportPieces('timelinejs', generatedExportInput(4, 30), () => ticks++)
    for (const piece of made.pieces) expect(typeof piece).toBe('string')
    expect(ticks).toBe(made.total)
    expect(made.total).toBeGreaterThan(10)
  })
})

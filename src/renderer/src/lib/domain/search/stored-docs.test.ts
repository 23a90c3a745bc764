import { serialize } from 'node:v8'
import { describe, expect, it } from 'vitest'
import type { SearchDoc } from './engine'
import { DocsWriter, docId, joinList, splitList, storedFacts, unpackDoc } from './stored-docs'

const KHMER = 'ការ\u200Bជួញដូរ\u200Bមនុស្ស'

function doc(id: string, text: string, more: Partial<SearchDoc> = {}): SearchDoc {
  return {
    id,
    source: `article:${id}`,
    kind: 'passage',
    label: 'Title',
    title: '',
    text,
    note: '',
    articleIds: [id],
    eventId: null,
    offset: 0,
    date: null,
    tags: [],
    ...more,
  }
}

describe('stored search documents', () => {
  it('keep texts without characters past U+00FF one byte a character, even cut from Khmer text', () => {
    const body = `Plain words about the café.\n\n${KHMER}`
    const latin = body.slice(0, 27)
    // V8 keeps a slice of a text with Khmer in it two bytes a character, and clones it so.
    expect(serialize(latin).length).toBeGreaterThan(latin.length * 2)
    const writer = new DocsWriter()
    writer.add(doc('a', latin), null)
    writer.add(doc('k', KHMER, { eventId: 'e-1', tags: ['key', 'figure'] }), 'folded')
    const packed = writer.done()
    expect(packed.narrow).toContain(latin)
    expect(serialize(packed.narrow).length).toBeLessThan(packed.narrow.length + 8)
    const read = structuredClone(packed)
    expect(unpackDoc(read, 0)).toEqual([doc('a', latin), null])
    expect(unpackDoc(read, 1)).toEqual([
      doc('k', KHMER, { eventId: 'e-1', tags: ['key', 'figure'] }),
      'folded',
    ])
    expect(storedFacts(read, 1)).toEqual({ kind: 'passage', eventId: 'e-1', date: null })
    expect([docId(read, 0), docId(read, 1)]).toEqual(['a', 'k'])
  })

  it('copies stored rows as they are', () => {
    const first = new DocsWriter()
    first.add(doc('k', KHMER), null)
    first.add(doc('a', 'plain', { offset: null, date: 5 }), 'plain folded')
    const packed = first.done()
    const second = new DocsWriter()
    second.add(doc('b', 'new'), null)
    second.copy(packed, 1)
    second.copy(packed, 0)
    const copied = second.done()
    expect(second.ids).toEqual(['b', 'a', 'k'])
    expect(unpackDoc(copied, 1)).toEqual(unpackDoc(packed, 1))
    expect(unpackDoc(copied, 2)).toEqual(unpackDoc(packed, 0))
  })

  it('keeps lists of keys as they were, empty ones too', () => {
    for (const list of [[], ['article:a'], ['article:a', 'note:b', 'event:ü']])
      expect(splitList(joinList(list))).toEqual(list)
  })
})

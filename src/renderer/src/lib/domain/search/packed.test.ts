import MiniSearch, { type Options } from 'minisearch'
import { describe, expect, it } from 'vitest'
import { packIndex, unpackIndex } from './packed'

interface Doc {
  id: string
  title: string
  text: string
}

const OPTIONS: Options<Doc> = { fields: ['title', 'text'] }

function built(): MiniSearch<Doc> {
  const search = new MiniSearch(OPTIONS)
  search.addAll([
    { id: 'a', title: 'Task force', text: 'The task force met in Phnom Penh' },
    { id: 'b', title: 'Budget', text: 'The ministry set the budget' },
    { id: 'c', title: 'Border', text: 'Police at the border' },
  ])
  search.discard('c')
  return search
}

/** The documents in the order they are stored in: not the index's own order. */
const STORED_IDS = ['b', 'a']

function reopened(search: MiniSearch<Doc>, options = OPTIONS): MiniSearch<Doc> {
  const packed = structuredClone(packIndex(search, STORED_IDS))
  return unpackIndex(packed, options, (d) => STORED_IDS[d]!)
}

/** MiniSearch's own JSON form, terms in order (its tree lists them in insertion order). */
function plain(search: MiniSearch<Doc>): unknown {
  const js = JSON.parse(JSON.stringify(search)) as { index: [string, unknown][] }
  js.index.sort(([a], [b]) => (a < b ? -1 : 1))
  return js
}

describe('packed search index', () => {
  it('unpacks (after a structured clone) to what MiniSearch itself would serialise', () => {
    const original = built()
    const loaded = reopened(original)
    expect(plain(loaded)).toEqual(plain(original))
    expect(loaded.search('task').map((r) => r.id)).toEqual(['a'])
  })

  it('stays a working index: searches, adds, discards and vacuums like the original', async () => {
    const original = built()
    const loaded = reopened(original)
    expect([loaded.has('a'), loaded.has('c'), loaded.documentCount]).toEqual([true, false, 2])
    for (const search of [original, loaded]) {
      search.add({ id: 'd', title: 'Task list', text: 'ministry budget again' })
      search.discard('b')
      await search.vacuum()
    }
    expect(plain(loaded)).toEqual(plain(original))
    expect(loaded.search('budget', { prefix: true })).toEqual(
      original.search('budget', { prefix: true }),
    )
  })

  it('refuses an index built with other fields', () => {
    expect(() => reopened(built(), { fields: ['text'] })).toThrow(/other fields/)
  })

  it('refuses to pack other documents than the index holds', () => {
    expect(() => packIndex(built(), ['a'])).toThrow(/other documents/)
    expect(() => packIndex(built(), ['a', 'c'])).toThrow(/c is not in the index/)
  })
})

import fc from 'fast-check'
import MiniSearch, { type Query } from 'minisearch'
import { describe, expect, it } from 'vitest'
import {
  compareHits,
  documentsOf,
  OPTIONS,
  firstInOrder,
  INDEX_VERSION,
  parseQuery,
  SearchIndex,
  snippet,
  terms,
} from './engine'
import {
  articleSource,
  entitySource,
  eventSource,
  highlightSource,
  noteSource,
  type SearchSource,
} from './sources'

const ZWSP = '\u200B'
const day = (iso: string): number => Date.parse(iso)

const KHMER_BODY = ['ការ', 'ជួញដូរ', 'មនុស្ស', 'គឺជា', 'បញ្ហា', 'ធំ'].join(ZWSP) + '។'

function corpus(): SearchSource[] {
  return [
    articleSource({
      id: 'post-2012',
      title: 'Task force meets on trafficking',
      body: 'The national task force met on Monday.\n\nDeputy Prime Minister Sar Kheng chaired the meeting.\n\nCafé owners were told about labour trafficking.',
      date: day('2012-03-01'),
    }),
    articleSource({
      id: 'khmer',
      title: 'ព័ត៌មាន',
      body: `ព័ត៌មានថ្មី\n\n${KHMER_BODY}`,
      date: day('2015-05-01'),
    }),
    articleSource({
      id: 'scattered',
      title: 'Forces of change',
      body: 'A task was given. Police force numbers rose.',
      date: day('2010-01-01'),
    }),
    eventSource({
      id: 'ev-1',
      title: 'National committee founded',
      summary: 'The committee against trafficking was set up.',
      quotes: ['Sar Kheng chaired the meeting'],
      tags: ['institutions'],
      articleIds: ['post-2012'],
      date: day('2012-03-01'),
    }),
    noteSource({
      id: 'n-1',
      eventId: 'ev-1',
      eventTitle: 'National committee founded',
      body: 'Check the **budget** figures',
      date: day('2012-03-01'),
    }),
    highlightSource({
      id: 'h-1',
      articleId: 'post-2012',
      quote: 'task force',
      start: 13,
      note: 'first mention of the committee',
      tags: ['key'],
      date: day('2012-03-01'),
    }),
    entitySource({
      id: 'sar-kheng',
      name: 'Sar Kheng',
      aliases: ['Samdech Kralahom'],
      entityKind: 'person',
    }),
  ]
}

/** Note n-1 edited: "budget" gone, "ledger" in. */
const ledgerNote = (): SearchSource =>
  noteSource({
    id: 'n-1',
    eventId: 'ev-1',
    eventTitle: 'National committee founded',
    body: 'Ask about the ledger',
    date: null,
  })

function indexed(): SearchIndex {
  const index = SearchIndex.empty()
  index.put(corpus())
  return index
}

const marked = (parts: { text: string; marked: boolean }[]): string[] =>
  parts.filter((p) => p.marked).map((p) => p.text)

describe('search index', () => {
  it('finds a name in the right paragraph, with its place in the body and the words marked', () => {
    const { hits } = indexed().search('Sar Kheng', { kinds: ['passage'] })
    expect(hits[0]).toMatchObject({ kind: 'passage', articleId: 'post-2012' })
    const body = corpus()[0] as Extract<SearchSource, { kind: 'article' }>
    expect(body.body.slice(hits[0]!.range!.start, hits[0]!.range!.end)).toBe('Sar Kheng')
    expect(marked(hits[0]!.snippet)).toEqual(['Sar Kheng'])
  })

  it('matches prefixes, misspellings, accents and case', () => {
    const index = indexed()
    expect(index.search('traff').total).toBeGreaterThan(0)
    expect(index.search('traficking').hits.some((h) => h.articleId === 'post-2012')).toBe(true)
    expect(marked(index.search('CAFE').hits[0]!.snippet)).toEqual(['Café'])
  })

  it('expands a prefix to its 50 most used terms, before and after storing', () => {
    const letters = 'abcdefghij'
    const note = (id: string, body: string): SearchSource =>
      noteSource({ id, eventId: 'ev-1', eventTitle: 'E', body, date: null })
    const sources = [...letters].flatMap((a) => [...'abcdef'].map((b) => note(a + b, `zq${a}${b}`)))
    for (let i = 0; i < 5; i++) sources.push(note(`common-${i}`, 'zqcommon'))
    const index = SearchIndex.empty()
    index.put(sources)
    // 60 terms used once and one used five times: the common one and 49 others are kept.
    for (const search of [index, SearchIndex.load(structuredClone(index.toStored()))!]) {
      const found = search.search('zq', {}, 100)
      expect(found.total).toBe(54)
      expect(found.hits.filter((h) => h.id.includes('common'))).toHaveLength(5)
    }
    expect(index.search('zqab').total).toBe(1)
  })

  it('finds Khmer words typed without U+200B', () => {
    const { hits } = indexed().search('ជួញដូរមនុស្ស')
    expect(hits[0]).toMatchObject({ articleId: 'khmer' })
    expect(marked(hits[0]!.snippet).join('')).toBe(`ជួញដូរ${ZWSP}មនុស្ស`)
  })

  it('keeps only documents where a quoted phrase stands as written', () => {
    const { hits } = indexed().search('"task force"', { kinds: ['passage'] })
    expect(new Set(hits.map((h) => h.articleId))).toEqual(new Set(['post-2012']))
  })

  it('ranks the exact phrase above the same words scattered', () => {
    const { hits } = indexed().search('task force', { kinds: ['passage'] })
    expect(hits[0]).toMatchObject({ articleId: 'post-2012', exact: true })
    expect(hits.find((h) => h.articleId === 'scattered')).toMatchObject({ exact: false })
  })

  it('filters by kind, article, tag and date range', () => {
    const index = indexed()
    expect(index.search('committee', { kinds: ['note'] }).total).toBe(0)
    expect(index.search('budget', { kinds: ['note'] }).hits[0]).toMatchObject({ eventId: 'ev-1' })
    expect(index.search('trafficking', { articleId: 'khmer' }).total).toBe(0)
    expect(index.search('committee', { tag: 'key' }).hits.map((h) => h.kind)).toEqual(['highlight'])
    expect(
      index.search('trafficking', { from: day('2011-01-01'), to: day('2013-01-01') }).total,
    ).toBeGreaterThan(0)
    expect(index.search('trafficking', { from: day('2020-01-01') }).total).toBe(0)
  })

  it('lists the events a search narrows the timeline to, through their notes too', () => {
    expect(indexed().search('budget').eventIds).toEqual(['ev-1'])
    expect(indexed().search('committee').eventIds).toEqual(['ev-1'])
  })

  it('lists each matched event or note’s event once, built, stored and after edits', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            kind: fc.constantFrom('event', 'note', 'highlight'),
            event: fc.integer({ min: 0, max: 4 }),
            words: fc.array(fc.constantFrom('budget', 'ledger', 'police'), {
              minLength: 1,
              maxLength: 3,
            }),
          }),
          { minLength: 1, maxLength: 25 },
        ),
        fc.constantFrom('budget', 'ledger', 'police'),
        (items, word) => {
          const sources = items.map((item, i): SearchSource => {
            const body = item.words.join(' ')
            if (item.kind === 'event')
              return eventSource({
                id: `ev-${item.event}-${i}`,
                title: body,
                summary: '',
                quotes: [],
                tags: [],
                articleIds: [],
                date: null,
              })
            if (item.kind === 'note')
              return noteSource({
                id: `n-${i}`,
                eventId: `ev-${item.event}`,
                eventTitle: 'E',
                body,
                date: null,
              })
            return highlightSource({
              id: `h-${i}`,
              articleId: 'a',
              quote: body,
              start: 0,
              note: '',
              tags: [],
              date: null,
            })
          })
          const built = SearchIndex.empty()
          built.put(sources)
          const stored = SearchIndex.load(structuredClone(built.toStored()))!
          for (const index of [built, stored]) {
            const { hits, eventIds } = index.search(word, {}, 1000)
            const want = new Set(
              hits.filter((h) => h.kind === 'event' || h.kind === 'note').map((h) => h.eventId),
            )
            expect(eventIds).toHaveLength(want.size)
            expect(new Set(eventIds)).toEqual(want)
          }
          // A note moved to another event, and one removed.
          const note = sources.find((s) => s.kind === 'note')
          if (!note) return
          const moved = noteSource({
            id: note.id,
            eventId: 'ev-moved',
            eventTitle: 'E',
            body: word,
            date: null,
          })
          for (const index of [built, stored]) {
            index.put([moved])
            expect(index.search(word, {}, 1000).eventIds).toContain('ev-moved')
            index.remove([moved.key])
            expect(index.search(word, {}, 1000).eventIds).not.toContain('ev-moved')
          }
        },
      ),
      { numRuns: 60 },
    )
  })

  it('updates one source without touching the others, and forgets removed ones', () => {
    const index = indexed()
    const signatures = new Map(corpus().map((s) => [s.key, s.signature]))
    expect(index.compare(signatures)).toEqual({ needed: [], gone: [] })
    const edited = ledgerNote()
    signatures.set(edited.key, edited.signature)
    signatures.delete('highlight:h-1')
    expect(index.compare(signatures)).toEqual({ needed: ['note:n-1'], gone: ['highlight:h-1'] })
    index.put([edited])
    index.remove(['highlight:h-1'])
    expect(index.search('budget').total).toBe(0)
    expect(index.search('ledger').total).toBe(1)
    expect(index.search('mention').total).toBe(0)
  })

  it('round-trips through its stored form and refuses another version', () => {
    const stored = indexed().toStored()
    // IndexedDB stores by structured clone.
    const loaded = SearchIndex.load(structuredClone(stored))!
    // Ranking reads stored documents' slices without rebuilding them: the answers must not differ.
    for (const q of ['Sar Kheng', '"task force"', 'traficking', 'budget', 'budget mention', 'ជួញដូរ'])
      expect(loaded.search(q)).toEqual(indexed().search(q))
    // Stored again, before and after its documents were all read back, it is the same.
    // (The terms' order may differ; packed.test.ts holds the postings to MiniSearch's own form.)
    for (const again of [SearchIndex.load(structuredClone(stored))!.toStored(), loaded.toStored()])
      expect({ ...again, index: undefined }).toEqual({ ...stored, index: undefined })
    expect(SearchIndex.load({ ...stored, version: INDEX_VERSION - 1 })).toBeNull()
  })

  it('keeps a stored index working through edits, and stores it again as it stands', () => {
    const edited = ledgerNote()
    const added = articleSource({
      id: 'mixed',
      title: 'Ledger in two scripts',
      body: `Ledger entries by hand.\n\n${KHMER_BODY}`,
      date: day('2016-01-01'),
    })
    const final = [
      ...corpus().filter((s) => s.key !== 'note:n-1' && s.key !== 'highlight:h-1'),
      edited,
      added,
    ]
    const fresh = SearchIndex.empty()
    fresh.put(final)
    const loaded = SearchIndex.load(structuredClone(indexed().toStored()))!
    // Some stored documents are read back by a query before the edits, some are not.
    loaded.search('Sar Kheng')
    loaded.put([edited, added])
    loaded.remove(['highlight:h-1'])
    const again = SearchIndex.load(structuredClone(loaded.toStored()))!
    const seen = (index: SearchIndex, q: string) => {
      const { total, eventIds, hits } = index.search(q)
      return { total, eventIds, hits: hits.map((h) => [h.id, h.snippet, h.range]) }
    }
    for (const q of ['ledger', 'Sar Kheng', '"task force"', 'mention', 'ជួញដូរ', 'committee'])
      for (const index of [loaded, again]) expect(seen(index, q)).toEqual(seen(fresh, q))
    const signatures = new Map(final.map((s) => [s.key, s.signature]))
    expect(again.compare(signatures)).toEqual({ needed: [], gone: [] })
    expect(again.size).toBe(final.length)
  })

  it('treats hostile queries as text', () => {
    const index = indexed()
    for (const q of [
      '<img src=x onerror=alert(1)>',
      '.*+?^${}()|[]\\',
      'a'.repeat(10_000),
      '"',
      '""',
    ])
      expect(() => index.search(q)).not.toThrow()
    expect(index.search('.*').total).toBe(0)
    expect(parseQuery('w '.repeat(5000)).words.length).toBeLessThanOrEqual(24)
  })
})

describe('terms', () => {
  it('also cuts at the U+200B word breaks of scripts without spaces', () => {
    expect(terms(`ការ${ZWSP}ជួញដូរ`)).toEqual(expect.arrayContaining(['ការ', 'ជួញដូរ']))
    expect(terms('Task FORCE, café')).toEqual(['task', 'force', 'cafe'])
  })
})

describe('ranking and snippets', () => {
  it('puts exact first, then score, then the earlier date, undated last', () => {
    const hit = (id: string, exact: boolean, score: number, date: number | null) => ({
      id,
      exact,
      score,
      date,
    })
    const sorted = [
      hit('a', false, 5, 1),
      hit('b', true, 1, 1),
      hit('c', false, 5, null),
      hit('d', false, 5, 0),
      hit('e', false, 9, 3),
    ].sort(compareHits)
    expect(sorted.map((h) => h.id)).toEqual(['b', 'e', 'd', 'a', 'c'])
  })

  it('picks the first hits in order as a full sort would', () => {
    const hits = Array.from({ length: 500 }, (_, i) => ({
      id: `h${(i * 7919) % 500}`,
      exact: i % 13 === 0,
      score: (i * 31) % 17,
      date: i % 5 === 0 ? null : (i * 11) % 7,
    }))
    const sorted = [...hits].sort(compareHits)
    for (const k of [0, 1, 10, 50, 499, 600])
      expect(firstInOrder(hits, k, compareHits)).toEqual(sorted.slice(0, k))
  })

  it('cuts a window on spaces and marks the words', () => {
    const text = `${'word '.repeat(40)}target ${'more '.repeat(60)}`
    const at = text.indexOf('target')
    const parts = snippet(text, [{ start: at, end: at + 6 }])
    expect(parts[0]!.text).toBe('…')
    expect(parts.at(-1)!.text).toBe('…')
    expect(marked(parts)).toEqual(['target'])
  })
})

describe('ranking against MiniSearch', () => {
  const VOCABULARY = ['task', 'tasks', 'taskforce', 'force', 'forced', 'police', 'policy', 'border']

  it('gives MiniSearch’s count and first hits for a word, a prefix or a misspelling', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            body: fc.array(fc.constantFrom(...VOCABULARY), { minLength: 1, maxLength: 8 }),
            date: fc.option(fc.integer({ min: 0, max: 3 })),
          }),
          { minLength: 1, maxLength: 40 },
        ),
        fc.constantFrom('task', 'tas', 'forse', 'police', 'polic', 'border'),
        (notes, query) => {
          const sources = notes.map((n, i) =>
            noteSource({
              id: `n${i}`,
              eventId: 'ev',
              eventTitle: 'E',
              body: n.body.join(' '),
              date: n.date,
            }),
          )
          const index = SearchIndex.empty()
          index.put(sources)
          const reference = new MiniSearch(OPTIONS)
          const docs = sources.flatMap(documentsOf)
          reference.addAll(docs)
          const dates = new Map(docs.map((d) => [d.id, d.date]))
          const want = reference
            .search(miniSearchQuery(parseQuery(query).words))
            .map((r) => ({ id: r.id, score: r.score, exact: false, date: dates.get(r.id)! }))
            .sort(compareHits)
          const got = index.search(query, {}, 10)
          expect(got.total).toBe(want.length)
          expect(got.hits.map((h) => [h.id, h.score])).toEqual(
            want.slice(0, 10).map((h) => [h.id, h.score]),
          )
        },
      ),
      { numRuns: 100 },
    )
  })
})

/** The query the engine gave MiniSearch before its own scorer (words only). */
function miniSearchQuery(words: string[]): Query {
  return {
    queries: [
      {
        queries: words,
        combineWith: 'AND',
        prefix: (term: string) => term.length >= 2,
        fuzzy: (term: string) => (term.length >= 5 ? 0.2 : false),
        maxFuzzy: 2,
      },
    ],
    combineWith: 'AND',
  }
}

import fc from 'fast-check'
import MiniSearch, { type Query } from 'minisearch'
import { describe, expect, it } from 'vitest'
import { OPTIONS, queryTree, type SearchDoc } from './engine'
import { NO_LENGTH, packIndex, unpackIndex } from './packed'
import { Scorer } from './scorer'
import { hasUnspacedScript } from '../text/words'

// Words sharing prefixes and one or two letters apart, so prefixes and misspellings expand to
// several terms; Khmer so the segmenter's terms are met too.
const VOCABULARY = [
  'task',
  'tasks',
  'taskforce',
  'tax',
  'force',
  'forces',
  'forced',
  'police',
  'policy',
  'trafficking',
  'traficking',
  'trafficked',
  'border',
  'borders',
  'ជួញដូរ',
  'មនុស្ស',
]

const words = (min: number, max: number): fc.Arbitrary<string> =>
  fc
    .array(fc.constantFrom(...VOCABULARY), { minLength: min, maxLength: max })
    .map((w) => w.join(' '))

const docArbitrary = fc.record({
  title: fc.oneof(fc.constant(''), words(1, 3)),
  text: words(0, 12),
  note: fc.oneof(fc.constant(''), words(1, 4)),
})

/** The query object the engine gave MiniSearch before the scorer (engine.ts's `search`). */
function miniSearchQuery(words: string[], phraseTerms: string[], combineWith: 'AND' | 'OR'): Query {
  const queries: Query[] = []
  if (words.length > 0)
    queries.push({
      queries: words,
      combineWith,
      prefix: (term: string) => term.length >= 2,
      fuzzy: (term: string) => (term.length >= 5 && !hasUnspacedScript(term) ? 0.2 : false),
      maxFuzzy: 2,
    })
  if (phraseTerms.length > 0) queries.push({ queries: phraseTerms, combineWith: 'AND' })
  return { queries, combineWith }
}

function searchDoc(id: string, fields: { title: string; text: string; note: string }): SearchDoc {
  return {
    id,
    source: id,
    kind: 'note',
    label: '',
    articleIds: [],
    eventId: null,
    offset: null,
    date: null,
    tags: [],
    ...fields,
  }
}

/** MiniSearch's own search as id → score (its score already times the query terms matched). */
function expected(search: MiniSearch<SearchDoc>, query: Query): Map<string, number> {
  return new Map(search.search(query).map((r) => [r.id, r.score]))
}

function scored(search: MiniSearch<SearchDoc>, scorer: Scorer, tree: ReturnType<typeof queryTree>) {
  const ids = (search as unknown as { _documentIds: Map<number, string> })._documentIds
  const result = scorer.run(tree)
  const found = new Map<string, number>()
  for (let i = 0; i < result.length; i++) found.set(ids.get(result.ids[i]!)!, result.scores[i]!)
  return found
}

const queryArbitrary = fc.record({
  words: fc.array(
    fc.oneof(
      fc.constantFrom(...VOCABULARY),
      // Prefixes and misspellings (a letter dropped).
      fc.constantFrom(...VOCABULARY).map((w) => w.slice(0, Math.max(1, w.length - 3))),
      fc.constantFrom(...VOCABULARY).map((w) => w.slice(0, 2) + w.slice(3)),
    ),
    { maxLength: 3 },
  ),
  phraseTerms: fc.array(fc.constantFrom(...VOCABULARY), { maxLength: 2 }),
  combineWith: fc.constantFrom<'AND' | 'OR'>('AND', 'OR'),
})

type Queries = { words: string[]; phraseTerms: string[]; combineWith: 'AND' | 'OR' }[]
type Docs = { title: string; text: string; note: string }[]

/**
 * Checks `check` on random documents, documents to discard (numbers, modulo their count) and
 * queries, with an empty MiniSearch that does not vacuum by itself.
 */
async function forCorpora(
  numRuns: number,
  check: (
    search: MiniSearch<SearchDoc>,
    docs: Docs,
    discards: number[],
    queries: Queries,
  ) => Promise<void>,
): Promise<void> {
  await fc.assert(
    fc.asyncProperty(
      fc.array(docArbitrary, { minLength: 1, maxLength: 30 }),
      fc.array(fc.nat(), { maxLength: 5 }),
      fc.array(queryArbitrary, { minLength: 1, maxLength: 6 }),
      (docs, discards, queries) =>
        check(new MiniSearch({ ...OPTIONS, autoVacuum: false }), docs, discards, queries),
    ),
    { numRuns },
  )
}

/** Each query's documents and scores from `scorer`, as MiniSearch's own search on `index` gives. */
function expectAgreement(index: MiniSearch<SearchDoc>, scorer: Scorer, queries: Queries): void {
  for (const q of queries) {
    // The scorer first: MiniSearch's search decodes stored postings as it reads them.
    // (A stored index's radix tree lists terms in another order, so its sums run in
    // another order too: each is compared with MiniSearch on the same index.)
    const got = scored(index, scorer, queryTree(q.words, q.phraseTerms, q.combineWith))
    const want = expected(index, miniSearchQuery(q.words, q.phraseTerms, q.combineWith))
    expect([...got.keys()].sort()).toEqual([...want.keys()].sort())
    for (const [id, score] of want) expect(got.get(id)).toBe(score)
  }
}

describe('scorer', () => {
  it('gives the documents and scores MiniSearch gives, built, discarded from and stored', async () => {
    await forCorpora(150, async (search, docs, discards, queries) => {
      search.addAll(docs.map((d, i) => searchDoc(`d${i}`, d)))
      for (const n of new Set(discards.map((n) => n % docs.length)))
        if (docs.length > 1 && search.documentCount > 1) search.discard(`d${n}`)
      // MiniSearch counts a discarded document in a term's postings until it meets it once;
      // the scorer never counts them: compared once vacuumed.
      await search.vacuum()
      const ids = [
        ...(search as unknown as { _documentIds: Map<number, string> })._documentIds.values(),
      ]
      const stored = unpackIndex(structuredClone(packIndex(search, ids)), OPTIONS, (d) => ids[d]!)
      for (const index of [search, stored]) expectAgreement(index, new Scorer(index), queries)
    })
  })

  it('gives MiniSearch’s scores when told of documents as they are added, discarded and opened', async () => {
    // As SearchIndex uses it: field lengths read as documents are indexed or opened, not as met.
    await forCorpora(100, async (search, docs, discards, queries) => {
      const scorer = new Scorer(search)
      const shortIds = (search as unknown as { _idToShortId: Map<string, number> })._idToShortId
      const check = (index: MiniSearch<SearchDoc>, of: Scorer): void =>
        expectAgreement(index, of, queries)
      docs.forEach((d, i) => {
        search.add(searchDoc(`d${i}`, d))
        scorer.added([shortIds.get(`d${i}`)!])
      })
      check(search, scorer)
      for (const n of new Set(discards.map((n) => n % docs.length)))
        if (search.documentCount > 1) {
          scorer.discarded(shortIds.get(`d${n}`)!)
          search.discard(`d${n}`)
        }
      // MiniSearch counts a discarded document in a term's postings until vacuumed.
      await search.vacuum()
      check(search, scorer)
      const ids = [
        ...(search as unknown as { _documentIds: Map<number, string> })._documentIds.values(),
      ]
      const packed = structuredClone(packIndex(search, ids))
      const stored = unpackIndex(packed, OPTIONS, (d) => ids[d]!)
      const opened = new Scorer(stored)
      opened.opened(packed.shortIds, packed.fieldLengths, NO_LENGTH)
      check(stored, opened)
    })
  })

  it('expands a prefix or a misspelling again once the index changed', () => {
    const search = new MiniSearch({ ...OPTIONS, autoVacuum: false })
    const scorer = new Scorer(search)
    const ids = (search as unknown as { _documentIds: Map<number, string> })._documentIds
    const found = (word: string): string[] => {
      const result = scorer.run(queryTree([word], [], 'AND'))
      return Array.from(result.ids.subarray(0, result.length), (id) => ids.get(id)!).sort()
    }
    search.add(searchDoc('a', { title: '', text: 'trafficking', note: '' }))
    expect(found('traf')).toEqual(['a'])
    expect(found('traficking')).toEqual(['a'])
    search.add(searchDoc('b', { title: '', text: 'traffickers', note: '' }))
    expect(found('traf')).toEqual(['a', 'b'])
    expect(found('trafficker')).toEqual(['b'])
    // One document out and one in: the same count, a new term.
    search.discard('a')
    search.add(searchDoc('c', { title: '', text: 'trafalgar', note: '' }))
    expect(found('traf')).toEqual(['b', 'c'])
  })

  it('follows the index as documents are added and discarded', () => {
    const search = new MiniSearch({ ...OPTIONS, autoVacuum: false })
    const scorer = new Scorer(search)
    search.add(searchDoc('a', { title: 'task force', text: 'police', note: '' }))
    expect(scored(search, scorer, queryTree(['task'], [], 'AND')).size).toBe(1)
    search.add(searchDoc('b', { title: '', text: 'task', note: '' }))
    scorer.changed()
    const both = scored(search, scorer, queryTree(['task'], [], 'AND'))
    expect(both).toEqual(expected(search, miniSearchQuery(['task'], [], 'AND')))
    search.discard('a')
    scorer.changed()
    expect([...scored(search, scorer, queryTree(['task'], [], 'AND')).keys()]).toEqual(['b'])
  })

  it('lists the document terms a hit matched by', () => {
    const search = new MiniSearch(OPTIONS)
    search.addAll([
      searchDoc('a', { title: '', text: 'taskforce police', note: '' }),
      searchDoc('b', { title: '', text: 'tasks', note: '' }),
    ])
    const scorer = new Scorer(search)
    const result = scorer.run(queryTree(['task', 'polic'], [], 'OR'))
    const ids = (search as unknown as { _documentIds: Map<number, string> })._documentIds
    const matched = Array.from({ length: result.length }, (_, i) => [
      ids.get(result.ids[i]!),
      [...scorer.matched(result.ids[i]!, result.masks.subarray(i, i + 1))].sort(),
    ])
    expect(new Map(matched as [string, string[]][])).toEqual(
      new Map([
        ['a', ['police', 'taskforce']],
        ['b', ['tasks']],
      ]),
    )
  })
})

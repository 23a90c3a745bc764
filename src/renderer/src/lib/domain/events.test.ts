import { GradeBook, type SupportLevel } from './grading'
import { describe, expect, it } from 'vitest'
import type { TimelineEvent } from '$shared/corpus'
import {
  NO_FILTER,
  combineEvents,
  describeSourcing,
  eventCombiner,
  eventCombinerPaced,
  filterEvents,
  parseTags,
  sourcing,
} from './events'
import type { UserEvidence } from './types'
import type { Pacer } from './pacing'

const curated: TimelineEvent = {
  id: 'law',
  title: 'Law',
  summary: 's',
  date: { edtf: '2008', note: 'n' },
  category: 'law-policy',
  people: ['Hun Sen'],
  organisations: [],
  evidence: [
    {
      articleId: 'a1',
      stance: 'supports',
      quote: { type: 'TextQuoteSelector', exact: 'law', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 0, end: 3 },
    },
  ],
}

const against: UserEvidence = {
  id: 'x1',
  eventId: 'law',
  articleId: 'a2',
  stance: 'contradicts',
  quote: { type: 'TextQuoteSelector', exact: 'no law', prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector', start: 5, end: 11 },
  createdAt: 1,
}

describe('combineEvents', () => {
  it('lays the user’s evidence, tags and links over a curated event without changing it', () => {
    const before = structuredClone(curated)
    const [event] = combineEvents(
      [curated],
      [],
      [against],
      [
        {
          eventId: 'law',
          tags: ['check', 'check'],
          people: ['Sar Kheng'],
          organisations: ['Ministry of Interior'],
          updatedAt: 1,
        },
      ],
    )
    expect(event!.evidence.map((e) => [e.id, e.origin, e.stance])).toEqual([
      ['law#0', 'curated', 'supports'],
      ['x1', 'user', 'contradicts'],
    ])
    expect(event!.tags).toEqual(['check'])
    expect(event!.people).toEqual(['Hun Sen', 'Sar Kheng'])
    expect(curated).toEqual(before)
    expect(describeSourcing(sourcing(event!))).toBe('2 sources, contradicted')
  })

  it('orders an event’s own quotes by when they were added, ties as stored', () => {
    const quote = (id: string, createdAt: number): UserEvidence => ({ ...against, id, createdAt })
    const [event] = combineEvents(
      [curated],
      [],
      [quote('late', 9), quote('tie-a', 5), quote('early', 1), quote('tie-b', 5)],
      [],
    )
    expect(event!.evidence.map((e) => e.id)).toEqual(['law#0', 'early', 'tie-a', 'tie-b', 'late'])
  })

  it('combines in slices exactly as in one pass', async () => {
    const quotes = Array.from({ length: 3000 }, (_, i) => ({
      ...against,
      id: `q${i}`,
      eventId: i % 2 ? 'law' : `u${i % 5}`,
      createdAt: (i * 7) % 11,
    }))
    const notes = [{ eventId: 'law', tags: ['t'], people: [], organisations: [], updatedAt: 1 }]
    let pauses = 0
    const paced = await eventCombinerPaced(quotes, notes, {
      due: () => true,
      pause: async () => void pauses++,
    })
    const whole = eventCombiner(quotes, notes)
    expect(paced.curated(curated)).toEqual(whole.curated(curated))
    expect(paced.curated(curated).evidence).toHaveLength(1501)
    expect(pauses).toBeGreaterThan(1)
  })

  it('includes the user’s own events', () => {
    const events = combineEvents(
      [],
      [
        {
          id: 'u1',
          title: 'Mine',
          summary: '',
          date: { edtf: '2018~', note: '' },
          category: 'awareness',
          people: [],
          organisations: [],
          createdAt: 0,
          updatedAt: 0,
        },
      ],
      [],
      [],
    )
    expect(events.map((e) => [e.id, e.origin])).toEqual([['u1', 'user']])
    expect(describeSourcing(sourcing(events[0]!))).toBe('no source')
  })
})

describe('eventCombinerPaced', () => {
  it('combines as eventCombiner does, pausing along the way', async () => {
    // Quotes out of creation order, with ties, on the curated event and on user events.
    const quotes: UserEvidence[] = Array.from({ length: 5000 }, (_, i) => ({
      ...against,
      id: `q${i}`,
      eventId: i % 3 === 0 ? 'law' : `u${i % 50}`,
      createdAt: (i * 7) % 97,
    }))
    const annotations = Array.from({ length: 2500 }, (_, i) => ({
      eventId: `u${i % 50}`,
      people: [`p${i}`],
      organisations: [],
      tags: [`t${i % 4}`],
      updatedAt: i,
    }))
    let pauses = 0
    const pacer: Pacer = { due: () => true, pause: async () => void pauses++ }
    const paced = await eventCombinerPaced(quotes, annotations, pacer)
    const whole = eventCombiner(quotes, annotations)
    expect(paced.curated(curated)).toEqual(whole.curated(curated))
    const user = { ...curated, id: 'u7', createdAt: 1, updatedAt: 1 }
    expect(paced.user(user as never)).toEqual(whole.user(user as never))
    expect(pauses).toBeGreaterThan(5)
  })
})

describe('filterEvents', () => {
  const events = combineEvents([curated], [], [against], [])
  it('narrows by category, entity, tag and source together', () => {
    expect(filterEvents(events, NO_FILTER)).toHaveLength(1)
    expect(filterEvents(events, { ...NO_FILTER, category: 'awareness' })).toHaveLength(0)
    expect(filterEvents(events, { ...NO_FILTER, entity: 'Hun Sen' })).toHaveLength(1)
    expect(filterEvents(events, { ...NO_FILTER, entity: 'Sar Kheng' })).toHaveLength(0)
    expect(filterEvents(events, { ...NO_FILTER, articleId: 'a2' })).toHaveLength(1)
    const only = (eventIds: string[]) => ({ ...NO_FILTER, match: { query: 'q', eventIds } })
    expect(filterEvents(events, only([events[0]!.id]))).toHaveLength(1)
    expect(filterEvents(events, only([]))).toHaveLength(0)
    expect(filterEvents(events, { ...NO_FILTER, tag: 'x' })).toHaveLength(0)
    expect(
      filterEvents(events, { ...NO_FILTER, entity: 'Samdech Hun Sen' }, (n, e) => e.endsWith(n)),
    ).toHaveLength(1)
  })

  it('keeps events whose graded support is at least the chosen level', () => {
    const first = events[0]!.evidence.find((e) => e.stance === 'supports')!
    const grade = (kind: 'article' | 'quote', targetId: string, value: string) => ({
      id: `${kind}:${targetId}`,
      kind,
      targetId,
      grade: value,
      reason: '',
      updatedAt: 1,
    })
    const strong = new GradeBook([
      grade('article', first.articleId, 'A'),
      grade('quote', first.id, '2'),
    ])
    const weak = new GradeBook([grade('quote', first.id, '5')])
    const atLeast = (support: SupportLevel, book: GradeBook) =>
      filterEvents(events, { ...NO_FILTER, support }, undefined, book).length
    expect(atLeast('strong', strong)).toBe(1)
    expect(atLeast('strong', weak)).toBe(0)
    expect(atLeast('weak', weak)).toBe(1)
    expect(atLeast('weak', new GradeBook())).toBe(0)
  })
})

describe('parseTags', () => {
  it('trims, drops empties and duplicates', () => {
    expect(parseTags(' follow up,  law ,, follow up ,Law')).toEqual(['follow up', 'law', 'Law'])
  })
})

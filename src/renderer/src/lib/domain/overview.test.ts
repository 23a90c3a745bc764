import { describe, expect, it } from 'vitest'
import type { Entity } from '$shared/entities'
import {
  entityOptions,
  eventCountsByEntity,
  evidenceCountIn,
  evidenceCountsByArticle,
  evidenceCountsByArticlePaced,
  eventOverview,
  mentionsByEntity,
  noteCountsByEvent,
  tagOptions,
} from './overview'

const entity = (id: string, name: string, extra: Partial<Entity> = {}): Entity => ({
  id,
  kind: 'person',
  name,
  aliases: [],
  description: '',
  ...extra,
})

const entities = [
  entity('chou', 'Chou Bun Eng', { aliases: ['Bun Eng'], mergedIds: ['old-chou'] }),
  entity('jica', 'JICA', { kind: 'organisation' }),
]

describe('noteCountsByEvent', () => {
  it('counts notes per event', () => {
    const counts = noteCountsByEvent([{ eventId: 'a' }, { eventId: 'b' }, { eventId: 'a' }])
    expect([...counts]).toEqual([
      ['a', 2],
      ['b', 1],
    ])
  })
})

describe('entityOptions', () => {
  it('lists entities and names no entity knows, each once, by name', () => {
    const options = entityOptions(entities, [
      { people: ['Bun Eng', 'Sok Phal'], organisations: ['JICA'] },
      { people: ['Sok Phal'], organisations: ['IOM'] },
    ])
    expect(options).toEqual([
      { key: 'chou', name: 'Chou Bun Eng', kind: 'person' },
      { key: 'IOM', name: 'IOM', kind: 'organisation' },
      { key: 'jica', name: 'JICA', kind: 'organisation' },
      { key: 'Sok Phal', name: 'Sok Phal', kind: 'person' },
    ])
  })
})

describe('eventCountsByEntity', () => {
  it('counts each event once per entity, whichever name it uses', () => {
    const counts = eventCountsByEntity(entities, [
      { people: ['Chou Bun Eng', 'Bun Eng'], organisations: ['JICA'] },
      { people: ['Bun Eng'], organisations: [] },
      { people: ['Nobody'], organisations: [] },
    ])
    expect(counts.get('chou')).toBe(2)
    expect(counts.get('jica')).toBe(1)
    expect(counts.size).toBe(2)
  })
})

describe('eventOverview', () => {
  it('gives in slices what entityOptions, eventCountsByEntity and tagOptions give', async () => {
    const events = Array.from({ length: 50 }, (_, i) => ({
      people: [['Bun Eng', 'Sok Phal', 'Chou Bun Eng'][i % 3]!],
      organisations: i % 4 === 0 ? ['JICA', 'IOM'] : [],
      tags: i % 5 === 0 ? [`t${i % 3}`] : [],
    }))
    let calls = 0
    const pacer = { due: () => ++calls % 7 === 0, pause: () => Promise.resolve() }
    const overview = await eventOverview(entities, events, pacer)
    expect(overview.entityOptions).toEqual(entityOptions(entities, events))
    expect([...overview.eventCounts]).toEqual([...eventCountsByEntity(entities, events)])
    expect(overview.tagOptions).toEqual(tagOptions(events))
    expect(overview.eventCounts.get('chou')).toBe(33)
    expect(overview.tagOptions).toEqual(['t0', 't1', 't2'])
  })
})

describe('mentionsByEntity', () => {
  it('gives each mention with its context, under the canonical entity', () => {
    const body = 'Yesterday Chou Bun Eng met JICA staff. Later Bun Eng left.'
    const found = mentionsByEntity(entities, [{ id: 'a1', body }], 10)
    expect(found.get('chou')).toEqual([
      { articleId: 'a1', before: 'Yesterday ', text: 'Chou Bun Eng', after: ' met JICA ' },
      { articleId: 'a1', before: 'ff. Later ', text: 'Bun Eng', after: ' left.' },
    ])
    expect(found.get('jica')).toHaveLength(1)
  })
})

describe('tagOptions', () => {
  it('lists each tag once, sorted', () => {
    expect(tagOptions([{ tags: ['b', 'a'] }, { tags: ['a'] }, { tags: [] }])).toEqual(['a', 'b'])
  })
})

describe('evidenceCountIn', () => {
  it('counts quotes from one article across events', () => {
    const events = [
      { evidence: [{ articleId: 'a' }, { articleId: 'b' }] },
      { evidence: [{ articleId: 'a' }] },
    ]
    expect(evidenceCountIn(events, 'a')).toBe(2)
    expect(evidenceCountIn(events, 'c')).toBe(0)
  })
})

describe('evidenceCountsByArticle', () => {
  it('counts every article at once, as evidenceCountIn does one by one', () => {
    const events = [
      { evidence: [{ articleId: 'a' }, { articleId: 'b' }, { articleId: 'a' }] },
      { evidence: [{ articleId: 'a' }] },
      { evidence: [] },
    ]
    const counts = evidenceCountsByArticle(events)
    expect([...counts].sort()).toEqual([
      ['a', 3],
      ['b', 1],
    ])
    for (const id of ['a', 'b', 'c']) expect(counts.get(id) ?? 0).toBe(evidenceCountIn(events, id))
  })

  it('counts the same in slices', async () => {
    const events = Array.from({ length: 5000 }, (_, i) => ({
      evidence: Array.from({ length: i % 4 }, (_, k) => ({ articleId: `a${(i + k) % 13}` })),
    }))
    let pauses = 0
    const pacer = { due: () => true, pause: async () => void pauses++ }
    expect(await evidenceCountsByArticlePaced(events, pacer)).toEqual(
      evidenceCountsByArticle(events),
    )
    expect(pauses).toBeGreaterThan(3)
  })
})

describe('evidenceCountsByArticlePaced', () => {
  it('counts as the one-pass version does, pausing between slices', async () => {
    const events = Array.from({ length: 1000 }, (_, i) => ({
      evidence: [{ articleId: `a${i % 7}` }, { articleId: 'b' }],
    }))
    let pauses = 0
    const pacer = { due: () => true, pause: async () => void pauses++ }
    const counts = await evidenceCountsByArticlePaced(events, pacer)
    expect(counts).toEqual(evidenceCountsByArticle(events))
    expect(counts.get('b')).toBe(1000)
    expect(pauses).toBe(3)
  })
})

/// <reference types="node" />
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { CorpusManifest } from '$shared/corpus'
import { cutLines } from './corpus'
import {
  applyEntityEdits,
  buildEntityCatalogue,
  canonicalId,
  EntityCatalogueError,
  EntityEditError,
  entityEditProblem,
  eventEntityIds,
  findMentions,
  resolveEntityName,
  type Entity,
  type EntityEdit,
} from './entities'
import { codePointToIndex, verifyEvidence } from './quotes'

const root = resolve(process.cwd(), 'resources/corpus')
const readJson = (file: string): unknown => JSON.parse(readFileSync(resolve(root, file), 'utf8'))
const manifest = readJson('corpus.json') as CorpusManifest
const catalogueJson = readJson('entities.json')
const articles = manifest.articles.map((a) => ({
  id: a.id,
  body: cutLines(readFileSync(resolve(root, a.file), 'utf8'), a.bodyLines),
}))
const entities = buildEntityCatalogue(catalogueJson)
const mentions = findMentions(entities, articles)

const ARTICLE = {
  '000': 'khmer-times-china-cooperation',
  '001': 'measures-to-prevent-trafficking',
  '002': 'ppp-anti-trafficking-drive',
  '003': 'ppp-interior-ministry-lauds',
  '004': 'akp-pm-common-issue',
} as const

function entity(id: string, name: string, aliases: string[] = [], kind = 'person'): Entity {
  return { id, kind: kind as Entity['kind'], name, aliases, description: `${id} (test)` }
}

function problemsOf(json: unknown): string[] {
  try {
    buildEntityCatalogue(json)
  } catch (error) {
    if (error instanceof EntityCatalogueError) return error.problems
    throw error
  }
  return []
}

/** Whole-word occurrences of one string, found as if it were the only entity. */
function occurrences(form: string): { articleId: string; text: string }[] {
  return findMentions([entity('probe', form)], articles)
}

describe('the bundled entity catalogue', () => {
  it('validates', () => {
    expect(entities.length).toBeGreaterThan(0)
    for (const e of entities) expect(e.description.trim(), e.id).not.toBe('')
  })

  it('resolves every person and organisation an event names to exactly one entity', () => {
    for (const event of manifest.events) {
      for (const name of [...event.people, ...event.organisations]) {
        const owners = entities.filter((e) => e.name === name || e.aliases.includes(name))
        expect(
          owners.map((e) => e.id),
          `${event.id}: "${name}"`,
        ).toHaveLength(1)
        expect(resolveEntityName(entities, name)).toBe(owners[0]!.id)
      }
    }
  })

  it('lists people as people and organisations as organisations', () => {
    for (const event of manifest.events) {
      for (const name of event.people) {
        const id = resolveEntityName(entities, name)!
        expect(entities.find((e) => e.id === id)!.kind, name).toBe('person')
      }
      for (const name of event.organisations) {
        const id = resolveEntityName(entities, name)!
        expect(entities.find((e) => e.id === id)!.kind, name).toBe('organisation')
      }
    }
  })

  it('takes every alias from an article body, as a whole word', () => {
    for (const e of entities) {
      for (const alias of e.aliases) {
        expect(occurrences(alias), `${e.id}: "${alias}"`).not.toHaveLength(0)
      }
    }
  })

  it('takes each name from a body, or says the name is a descriptive label', () => {
    for (const e of entities) {
      if (occurrences(e.name).length === 0) {
        expect(e.description, e.id).toMatch(/^Descriptive label:/)
      }
    }
  })

  it('says which article each description comes from', () => {
    const ids = Object.values(ARTICLE)
    for (const e of entities) {
      expect(
        ids.some((id) => e.description.includes(id)),
        e.id,
      ).toBe(true)
    }
  })

  it('finds every entity mentioned somewhere', () => {
    const mentioned = new Set(mentions.map((m) => m.entityId))
    for (const e of entities) expect(mentioned.has(e.id), e.id).toBe(true)
  })

  it('finds Chou Bun Eng in articles 000 to 003 and Hun Sen in 001 and 004', () => {
    const where = (id: string, text?: string): Set<string> =>
      new Set(
        mentions
          .filter((m) => m.entityId === id && (text === undefined || m.text === text))
          .map((m) => m.articleId),
      )
    expect(where('chou-bun-eng', 'Chou Bun Eng')).toEqual(
      new Set([ARTICLE['000'], ARTICLE['001'], ARTICLE['002'], ARTICLE['003']]),
    )
    expect(where('hun-sen')).toEqual(new Set([ARTICLE['001'], ARTICLE['004']]))
    // The short forms are mentions of the same person.
    expect(where('chou-bun-eng', 'Ms Bun Eng')).toEqual(new Set([ARTICLE['000']]))
    expect(where('chou-bun-eng', 'Bun Eng')).toEqual(new Set([ARTICLE['001'], ARTICLE['003']]))
  })

  it('keeps the longest form where forms overlap', () => {
    const texts = (articleId: string, entityId: string): string[] =>
      mentions
        .filter((m) => m.articleId === articleId && m.entityId === entityId)
        .map((m) => m.text)
    expect(texts(ARTICLE['004'], 'hun-sen')).toEqual([
      'Samdech Akka Moha Sena Padei Techo Hun Sen',
      'Samdech Techo Hun Sen',
      'Samdech Techo Hun Sen',
      'Samdech Techo Hun Sen',
    ])
    expect(texts(ARTICLE['002'], 'japan-international-cooperation-agency')[0]).toBe(
      'Japan International Cooperation Agency (JICA)',
    )
    // "Japan" inside the agency's name is not a mention of Japan.
    expect(texts(ARTICLE['002'], 'japan')).toEqual(['Japan', 'Japan', 'Japan'])
    expect(texts(ARTICLE['003'], 'royal-government-of-cambodia')).toEqual([])
    expect(texts(ARTICLE['003'], 'royal-government-spokesperson-unit')).toEqual([
      'Royal Government Spokesperson Unit',
    ])
    // A hyphenated compound is one word: no ASEAN or China inside "ASEAN-China".
    const asean = mentions.filter((m) => m.articleId === ARTICLE['004'] && m.entityId === 'asean')
    expect(asean).toHaveLength(2)
  })

  it('never overlaps mentions within an article', () => {
    for (const { id } of articles) {
      const inArticle = mentions.filter((m) => m.articleId === id)
      for (let i = 1; i < inArticle.length; i++) {
        expect(inArticle[i]!.start).toBeGreaterThanOrEqual(inArticle[i - 1]!.end)
      }
    }
  })

  it('anchors every mention with selectors that verify against its body', () => {
    const bodies = new Map(articles.map((a) => [a.id, a.body]))
    for (const m of mentions) {
      const body = bodies.get(m.articleId)!
      expect(body.slice(m.start, m.end)).toBe(m.text)
      expect(m.quote.exact).toBe(m.text)
      expect(verifyEvidence(body, m.quote, m.position), `${m.articleId} ${m.text}`).toBe(true)
    }
  })

  it('links each event to the entities it names', () => {
    const event = manifest.events.find((e) => e.id === 'china-action-plan')!
    expect(eventEntityIds(event, entities)).toEqual([
      'chou-bun-eng',
      'san-chey',
      'national-committee-for-anti-human-trafficking',
      'ministry-of-interior',
      'government-of-china',
    ])
  })
})

describe('buildEntityCatalogue', () => {
  const base = { formatVersion: 1, entities: [entity('a', 'Alpha'), entity('b', 'Beta')] }

  it('lists every problem at once', () => {
    const problems = problemsOf({
      formatVersion: 1,
      entities: [
        entity('a', 'Alpha', ['Al', 'Al']),
        entity('a', 'Another'),
        entity('c', 'Gamma', ['Al', 'Gamma']),
      ],
    })
    expect(problems).toEqual(
      expect.arrayContaining([
        'entity id "a" is used more than once',
        'entity "a": alias "Al" is listed twice',
        'entity "c": its name "Gamma" is also listed as an alias',
        '"Al" is a name or alias of more than one entity: a, c',
      ]),
    )
  })

  it('refuses a name that another entity has as an alias', () => {
    expect(
      problemsOf({
        formatVersion: 1,
        entities: [entity('a', 'Alpha'), entity('b', 'B', ['Alpha'])],
      }),
    ).toEqual(['"Alpha" is a name or alias of more than one entity: a, b'])
  })

  it('reports schema failures with their path', () => {
    const bad = structuredClone(base) as { entities: Record<string, unknown>[] }
    bad.entities[1]!.kind = 'place'
    bad.entities[0]!.name = ' Alpha'
    const problems = problemsOf(bad)
    expect(problems.some((p) => p.startsWith('entities[1].kind'))).toBe(true)
    expect(problems.some((p) => p.startsWith('entities[0].name'))).toBe(true)
    expect(() => buildEntityCatalogue({ formatVersion: 2, entities: [] })).toThrow(
      EntityCatalogueError,
    )
  })

  it('counts merged ids as ids in use', () => {
    const merged = { ...entity('a', 'Alpha'), mergedIds: ['b'] }
    expect(problemsOf({ formatVersion: 1, entities: [merged, entity('b', 'Beta')] })).toEqual([
      'entity id "b" is used more than once',
    ])
  })
})

describe('findMentions', () => {
  const find = (body: string, list: Entity[]): [string, string][] =>
    findMentions(list, [{ id: 'x', body }]).map((m) => [m.entityId, m.text])

  it('matches whole words only, case-sensitively', () => {
    const sen = [entity('hs', 'Hun Sen')]
    expect(find('Hun Sen, Hun Senate, hun sen, XHun Sen, Hun Sen.', sen)).toEqual([
      ['hs', 'Hun Sen'],
      ['hs', 'Hun Sen'],
    ])
  })

  it('treats an apostrophe as a boundary and a hyphen as part of a word', () => {
    const list = [entity('un', 'United Nations', [], 'organisation'), entity('c', 'China')]
    expect(find('the United Nations’ conventions; ASEAN-China; China-born; China’s', list)).toEqual(
      [
        ['un', 'United Nations'],
        ['c', 'China'],
      ],
    )
  })

  it('prefers the earliest, then the longest match, across entities', () => {
    const list = [entity('short', 'Bun Eng'), entity('long', 'Chou Bun Eng'), entity('e', 'Eng X')]
    expect(find('Chou Bun Eng X and Bun Eng', list)).toEqual([
      ['long', 'Chou Bun Eng'],
      ['short', 'Bun Eng'],
    ])
  })

  it('gives code point positions after astral characters', () => {
    const body = '😀 Kamei 𠀀 met Kamei'
    const found = findMentions([entity('k', 'Kamei')], [{ id: 'x', body }])
    expect(found.map((m) => [m.start, m.position.start])).toEqual([
      [3, 2],
      [body.lastIndexOf('Kamei'), body.lastIndexOf('Kamei') - 2],
    ])
    for (const m of found) {
      expect(codePointToIndex(body, m.position.start)).toBe(m.start)
      expect(verifyEvidence(body, m.quote, m.position)).toBe(true)
    }
  })

  it('ignores empty forms', () => {
    const blank = { ...entity('b', 'B'), aliases: [''] }
    expect(find('A B C', [blank])).toEqual([['b', 'B']])
  })
})

describe('applyEntityEdits', () => {
  const a = entity('a', 'Alpha', ['Al'])
  const b = entity('b', 'Beta', ['Be'])
  const c = entity('c', 'Gamma')
  const base = [a, b, c]
  const frozen = structuredClone(base)

  const refusal = (edits: EntityEdit[], on: Entity[] = base): EntityEditError => {
    try {
      applyEntityEdits(on, edits)
    } catch (error) {
      if (error instanceof EntityEditError) return error
      throw error
    }
    throw new Error('expected the edits to be refused')
  }

  it('returns the base unchanged when there are no edits', () => {
    expect(applyEntityEdits(base, [])).toEqual(base)
  })

  it('renames, keeping the old name as an alias', () => {
    const result = applyEntityEdits(base, [{ type: 'rename', id: 'a', name: 'Alfa' }])
    expect(result[0]).toMatchObject({ id: 'a', name: 'Alfa', aliases: ['Al', 'Alpha'] })
    expect(resolveEntityName(result, 'Alpha')).toBe('a')
    expect(resolveEntityName(result, 'Alfa')).toBe('a')
    expect(base).toEqual(frozen)
  })

  it('renames to an alias by swapping it with the name', () => {
    const result = applyEntityEdits(base, [{ type: 'rename', id: 'a', name: 'Al' }])
    expect(result[0]).toMatchObject({ name: 'Al', aliases: ['Alpha'] })
  })

  it('refuses a rename to a name another entity has', () => {
    expect(refusal([{ type: 'rename', id: 'a', name: 'Be' }]).message).toContain(
      '"Be" already names "b"',
    )
    expect(refusal([{ type: 'rename', id: 'zz', name: 'Z' }]).message).toContain('no entity')
    expect(refusal([{ type: 'rename', id: 'a', name: '' }]).message).toContain('empty')
  })

  it('adds an alias, once, and refuses one another entity has', () => {
    const result = applyEntityEdits(base, [
      { type: 'alias', id: 'c', alias: 'G' },
      { type: 'alias', id: 'c', alias: 'G' },
      { type: 'alias', id: 'c', alias: 'Gamma' },
    ])
    expect(result[2]!.aliases).toEqual(['G'])
    expect(refusal([{ type: 'alias', id: 'c', alias: 'Al' }]).message).toContain(
      'already names "a"',
    )
  })

  it('adds an entity, refusing a used id or name and a malformed one', () => {
    const d = entity('d', 'Delta', ['D'])
    expect(applyEntityEdits(base, [{ type: 'add', entity: d }])).toEqual([...base, d])
    expect(refusal([{ type: 'add', entity: entity('a', 'Other') }]).message).toContain('in use')
    expect(refusal([{ type: 'add', entity: entity('d', 'Delta', ['Be']) }]).message).toContain(
      'already names "b"',
    )
    expect(refusal([{ type: 'add', entity: { ...d, mergedIds: ['a'] } }]).message).toContain(
      'merged ids',
    )
    const malformed = { type: 'add', entity: { ...d, kind: 'place' } } as unknown as EntityEdit
    expect(refusal([malformed]).index).toBe(0)
  })

  it('merges, giving the survivor the other’s names and id', () => {
    const result = applyEntityEdits(base, [{ type: 'merge', from: 'a', into: 'b' }])
    expect(result.map((e) => e.id)).toEqual(['b', 'c'])
    expect(result[0]).toMatchObject({
      id: 'b',
      name: 'Beta',
      aliases: ['Be', 'Alpha', 'Al'],
      description: 'b (test)\na (test)',
      mergedIds: ['a'],
    })
    expect(canonicalId(result, 'a')).toBe('b')
    expect(canonicalId(result, 'b')).toBe('b')
    expect(canonicalId(result, 'nobody')).toBeNull()
    expect(resolveEntityName(result, 'Al')).toBe('b')
    expect(eventEntityIds({ people: ['Alpha', 'Beta'], organisations: [] }, result)).toEqual(['b'])
    expect(base).toEqual(frozen)
  })

  it('follows a chain of merges to the last survivor', () => {
    const result = applyEntityEdits(base, [
      { type: 'merge', from: 'a', into: 'b' },
      { type: 'merge', from: 'b', into: 'c' },
    ])
    expect(result.map((e) => e.id)).toEqual(['c'])
    expect(result[0]!.mergedIds).toEqual(['b', 'a'])
    expect(result[0]!.aliases).toEqual(['Beta', 'Be', 'Alpha', 'Al'])
    expect(canonicalId(result, 'a')).toBe('c')
    expect(canonicalId(result, 'b')).toBe('c')
  })

  it('acts on the survivor when an edit names a merged id', () => {
    const result = applyEntityEdits(base, [
      { type: 'merge', from: 'a', into: 'b' },
      { type: 'alias', id: 'a', alias: 'A.' },
      { type: 'merge', from: 'c', into: 'a' },
    ])
    expect(result.map((e) => e.id)).toEqual(['b'])
    expect(result[0]!.aliases).toContain('A.')
    expect(canonicalId(result, 'c')).toBe('b')
  })

  it('refuses cycles, self-merges, unknown ids and mixed kinds', () => {
    const cycle = refusal([
      { type: 'merge', from: 'a', into: 'b' },
      { type: 'merge', from: 'b', into: 'c' },
      { type: 'merge', from: 'c', into: 'a' },
    ])
    expect(cycle.index).toBe(2)
    expect(cycle.message).toContain('already one entity')
    expect(refusal([{ type: 'merge', from: 'a', into: 'a' }]).message).toContain('already one')
    expect(refusal([{ type: 'merge', from: 'a', into: 'zz' }]).message).toContain('"zz"')
    const org = entity('o', 'Org', [], 'organisation')
    expect(refusal([{ type: 'merge', from: 'o', into: 'a' }], [...base, org]).message).toContain(
      'cannot merge an organisation',
    )
  })

  it('says why an edit would be refused before it is kept', () => {
    expect(entityEditProblem(base, { type: 'merge', from: 'a', into: 'b' })).toBeNull()
    expect(entityEditProblem(base, { type: 'alias', id: 'a', alias: 'Beta' })).toBe(
      '"Beta" already names "b"',
    )
  })

  it('lets the user merge the two committees the articles keep apart', () => {
    const merged = applyEntityEdits(entities, [
      {
        type: 'merge',
        from: 'national-committee-for-anti-human-trafficking',
        into: 'national-committee-for-counter-trafficking',
      },
    ])
    const committee = findMentions(merged, articles).filter(
      (m) => m.entityId === 'national-committee-for-counter-trafficking',
    )
    expect(new Set(committee.map((m) => m.articleId))).toEqual(
      new Set([ARTICLE['000'], ARTICLE['002'], ARTICLE['003'], ARTICLE['004']]),
    )
    expect(resolveEntityName(merged, 'National Committee for Anti-Human Trafficking')).toBe(
      'national-committee-for-counter-trafficking',
    )
  })
})

/// <reference types="node" />
import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import Ajv from 'ajv-draft-04'
import type { ValidateFunction } from 'ajv-draft-04'
import addFormats from 'ajv-formats'
import { describe, expect, it } from 'vitest'
import { positionToRange } from '../quotes'
import { ANNOTATION_CONTEXT, articleIri, buildWebAnnotations, eventIri } from './annotations'
import type { WebAnnotation } from './annotations'
import {
  CONTRADICTING_QUOTE,
  GENERATED_AT,
  HIGHLIGHT_QUOTE,
  gradedExportInput,
  realExportInput,
} from './test-fixture'

// The W3C web-annotation-tests schemas, copied unchanged (see SOURCE.md there).
const schemaRoot = resolve(process.cwd(), 'test-fixtures/w3c-annotation-schemas')

function readJson(path: string): { id?: string; assertions?: string[] } {
  return JSON.parse(readFileSync(resolve(schemaRoot, path), 'utf8')) as {
    id?: string
    assertions?: string[]
  }
}

const ajv = new Ajv({ strict: false, allErrors: true })
addFormats(ajv)
for (const file of readdirSync(resolve(schemaRoot, 'definitions'))) {
  ajv.addSchema(readJson(`definitions/${file}`))
}

/** The assertions a .test file lists, each compiled: every one is a MUST expected to be valid. */
function musts(testFile: string): [string, ValidateFunction][] {
  const assertions = readJson(testFile).assertions ?? []
  expect(assertions.length).toBeGreaterThan(0)
  return assertions.map((path) => [path, ajv.compile(readJson(path))])
}

const annotationMusts = musts('annotations/annotationMusts.test')
const collectionMusts = musts('collections/collectionMusts.test')
const pageMusts = musts('collections/pages/pageMusts.test')

/** The assertions the value fails, with Ajv's errors, so a failure says what and where. */
function failures(value: unknown, assertions: [string, ValidateFunction][]): string[] {
  return assertions
    .filter(([, validate]) => !validate(value))
    .map(([path, validate]) => `${path}: ${ajv.errorsText(validate.errors)}`)
}

describe('buildWebAnnotations', () => {
  const input = realExportInput()
  const collection = buildWebAnnotations(input)
  const items = collection.first.items

  it('checks with the full W3C suite: 54 annotation, 10 collection and 15 page MUSTs', () => {
    expect([annotationMusts.length, collectionMusts.length, pageMusts.length]).toEqual([54, 10, 15])
  })

  it('passes every annotation MUST for every annotation', () => {
    expect(items.length).toBeGreaterThan(0)
    for (const annotation of items) {
      expect({ id: annotation.id, failed: failures(annotation, annotationMusts) }).toEqual({
        id: annotation.id,
        failed: [],
      })
    }
  })

  it('passes the collection MUSTs, and the page MUSTs both embedded and on its own', () => {
    expect(failures(collection, collectionMusts)).toEqual([])
    expect(failures(collection, pageMusts)).toEqual([])
    expect(failures(collection.first, pageMusts)).toEqual([])
  })

  it('is caught by the suite when a MUST is broken', () => {
    const [first] = items as [WebAnnotation]
    const broken = { ...first, body: first.body ?? [], bodyValue: 'both' }
    expect(failures(broken, annotationMusts)).toContain(
      'annotations/3.2.5-notBodyBodyValue.json: data must NOT be valid',
    )
    expect(failures({ ...first, created: 'yesterday' }, annotationMusts).join()).toMatch(
      /annotationCreatedValidated/,
    )
    const noExact = {
      ...first,
      target: { ...first.target, selector: [{ type: 'TextQuoteSelector' }] },
    }
    expect(failures(noExact, annotationMusts).join()).toMatch(/textQuoteSelectorValid/)
    expect(failures({ ...first, id: 'not an iri' }, annotationMusts).join()).toMatch(/IdValidated/)
    expect(failures({ ...collection, total: -1 }, collectionMusts).join()).toMatch(/Total/)
  })

  it('has one annotation per highlight and per quote, with the collection counting them', () => {
    const quotes = input.events.reduce((n, e) => n + e.evidence.length, 0)
    expect(items).toHaveLength(input.highlights.length + quotes)
    expect(collection.total).toBe(items.length)
    expect(collection['@context']).toBe(ANNOTATION_CONTEXT)
    expect(collection.id).toBe('urn:sourceline:export:20261123T093000Z')
    expect(collection.created).toBe(GENERATED_AT.toISOString())
    expect(collection.first.partOf).toEqual({
      id: collection.id,
      label: collection.label,
      total: items.length,
    })
    expect(new Set(items.map((a) => a.id)).size).toBe(items.length)
  })

  it('writes a highlight with a note as commenting, its note and tags as bodies', () => {
    const highlight = items.find((a) => a.id === 'urn:sourceline:highlight:highlight-1')
    expect(highlight).toMatchObject({
      motivation: 'commenting',
      created: '2026-11-20T08:05:42.000Z',
      modified: '2026-11-21T17:45:00.000Z',
      body: [
        {
          type: 'TextualBody',
          value: 'Check against the **court** figures.',
          format: 'text/markdown',
          purpose: 'commenting',
        },
        { type: 'TextualBody', value: 'figures', purpose: 'tagging' },
        { type: 'TextualBody', value: 'covid', purpose: 'tagging' },
      ],
      target: { source: articleIri('ppp-interior-ministry-lauds') },
    })
    expect(highlight?.target.selector[0].exact).toBe(HIGHLIGHT_QUOTE)
  })

  it('writes a highlight without note or tags as highlighting with no body', () => {
    const [h] = input.highlights
    const plain = buildWebAnnotations({ ...input, highlights: [{ ...h!, note: '', tags: [] }] })
    const [annotation] = plain.first.items
    expect(annotation?.motivation).toBe('highlighting')
    expect(annotation && 'body' in annotation).toBe(false)
    expect(failures(annotation, annotationMusts)).toEqual([])
  })

  it('links each quote to its event, saying whether it supports or contradicts it', () => {
    const against = items.find(
      (a) => a.target.selector[0].exact === CONTRADICTING_QUOTE,
    ) as WebAnnotation
    expect(against).toMatchObject({
      id: 'urn:sourceline:evidence:7c0ffee0-0000-4000-8000-000000000001',
      motivation: 'linking',
      body: [
        {
          type: 'SpecificResource',
          source: eventIri('tip-tier-3-downgrade-2022'),
          purpose: 'linking',
        },
        {
          type: 'TextualBody',
          value: 'Contradicts the event “US TIP report downgrades Cambodia to Tier 3”',
          purpose: 'describing',
        },
        { type: 'TextualBody', value: 'contradicts', purpose: 'classifying' },
      ],
    })
    const curated = items.find((a) => a.id === 'urn:sourceline:evidence:cases-2021%230')
    expect(curated?.body?.[2]).toMatchObject({ value: 'supports', purpose: 'classifying' })
  })

  it('targets the quoted words: both selectors point at the same text of the article body', () => {
    const bodies = new Map(input.articles.map((a) => [articleIri(a.id), a.body]))
    for (const annotation of items) {
      const [quote, position] = annotation.target.selector
      const body = bodies.get(annotation.target.source) ?? ''
      const range = positionToRange(body, position)
      expect(range && body.slice(range.start, range.end)).toBe(quote.exact)
    }
  })

  it('makes IRIs of any record id', () => {
    expect(articleIri('a b#c/d?é')).toBe('urn:sourceline:article:a%20b%23c%2Fd%3F%C3%A9')
    expect(eventIri("it's (odd)*")).toBe('urn:sourceline:event:it%27s%20%28odd%29%2A')
  })

  it('adds an assessing annotation for each graded quote and highlight, valid by the W3C suite', () => {
    const graded = buildWebAnnotations(gradedExportInput()).first.items
    const assessing = graded.filter((a) => a.motivation === 'assessing')
    expect(assessing.map((a) => a.id).sort()).toEqual(
      [
        'urn:sourceline:grade:highlight%3Ahighlight-1',
        'urn:sourceline:grade:quote%3Acases-2021%230',
        // The source is graded B: its other quotes are assessed on that alone.
        ...graded
          .filter((a) => a.id.startsWith('urn:sourceline:evidence:'))
          .filter((a) => a.target.source === articleIri('ppp-interior-ministry-lauds'))
          .map((a) => a.id.replace('urn:sourceline:evidence:', 'urn:sourceline:grade:quote%3A'))
          .filter((id) => id !== 'urn:sourceline:grade:quote%3Acases-2021%230'),
      ].sort(),
    )
    const quote = assessing.find((a) => a.id === 'urn:sourceline:grade:quote%3Acases-2021%230')!
    expect(quote.body).toEqual([
      {
        type: 'TextualBody',
        value:
          'Admiralty grade B2: source B — usually reliable (reason: Wire copy, usually accurate); quote 2 — probably true',
        format: 'text/plain',
        language: 'en',
        purpose: 'assessing',
      },
    ])
    for (const annotation of assessing)
      expect(failures(annotation, annotationMusts), annotation.id).toEqual([])
  })

  it('is a valid empty collection when there is nothing to annotate', () => {
    const empty = buildWebAnnotations({ ...input, events: [], highlights: [] })
    expect(empty.total).toBe(0)
    expect(failures(empty, collectionMusts)).toEqual([])
    expect(failures(empty.first, pageMusts)).toEqual([])
  })
})

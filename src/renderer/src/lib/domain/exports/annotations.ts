/**
 * The user's highlights and every event's quotes as W3C Web Annotations (JSON-LD), in one
 * AnnotationCollection with its one AnnotationPage embedded. Each target is the article, named by
 * an urn:sourceline IRI, with the quote's TextQuoteSelector and TextPositionSelector (code points
 * of the article body) as alternatives. Ids are derived from the records, so an export made twice
 * from the same data names the same annotations.
 */
import type { TextPositionSelector, TextQuoteSelector } from '../../../../../shared/corpus'
import type { AppEvent, EvidenceView } from '../events'
import type { Highlight } from '../types'
import { articleDirection } from '../language'
import { isoDateTime, sortedEvents } from './common'
import { inertMarkdown } from './escape'
import type { ExportInput } from './input'

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld'

/** The software that wrote the annotations (Web Annotation `generator`). */
const GENERATOR = { id: 'urn:sourceline:app', type: 'Software', name: 'Sourceline' } as const

export interface TextualBody {
  type: 'TextualBody'
  value: string
  purpose: 'commenting' | 'tagging' | 'describing' | 'classifying'
  format?: string
  language?: string
}

export interface EventReference {
  type: 'SpecificResource'
  source: string
  purpose: 'linking'
}

export interface AnnotationTarget {
  source: string
  selector: [TextQuoteSelector, TextPositionSelector]
  /** The source article's language (BCP 47) and direction, when it is in the export. */
  language?: string
  textDirection?: 'ltr' | 'rtl'
}

export interface WebAnnotation {
  '@context': typeof ANNOTATION_CONTEXT
  id: string
  type: 'Annotation'
  motivation: 'highlighting' | 'commenting' | 'linking'
  created?: string
  modified?: string
  generated: string
  generator: typeof GENERATOR
  body?: (TextualBody | EventReference)[]
  target: AnnotationTarget
}

export interface AnnotationPage {
  '@context': typeof ANNOTATION_CONTEXT
  id: string
  type: 'AnnotationPage'
  /** The collection described inline, as the model's own example does. */
  partOf: { id: string; label: string; total: number }
  startIndex: 0
  items: WebAnnotation[]
}

export interface AnnotationCollection {
  '@context': typeof ANNOTATION_CONTEXT
  id: string
  type: 'AnnotationCollection'
  label: string
  total: number
  created: string
  generator: typeof GENERATOR
  first: AnnotationPage
  last: string
}

/** A record id as one IRI path segment: anything but unreserved characters percent-encoded. */
function segment(id: string): string {
  return encodeURIComponent(id).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  )
}

export function articleIri(articleId: string): string {
  return `urn:sourceline:article:${segment(articleId)}`
}

export function eventIri(eventId: string): string {
  return `urn:sourceline:event:${segment(eventId)}`
}

/** Language and direction of each exported article, by id. */
type Languages = ReadonlyMap<string, { language: string; textDirection: 'ltr' | 'rtl' }>

function target(
  articleId: string,
  quote: TextQuoteSelector,
  position: TextPositionSelector,
  languages: Languages = new Map(),
): AnnotationTarget {
  return {
    source: articleIri(articleId),
    ...languages.get(articleId),
    selector: [
      { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
      { type: 'TextPositionSelector', start: position.start, end: position.end },
    ],
  }
}

/** Created and modified when the time is known: an annotation may not carry an invalid one. */
function times(createdAt: number, updatedAt: number): { created?: string; modified?: string } {
  const created = isoDateTime(createdAt)
  const modified = isoDateTime(updatedAt)
  return {
    ...(created === null ? {} : { created }),
    ...(modified === null ? {} : { modified }),
  }
}

function highlightAnnotation(h: Highlight, generated: string, languages: Languages): WebAnnotation {
  const note = h.note.trim()
  const body: TextualBody[] = [
    ...(note === ''
      ? []
      : [
          {
            type: 'TextualBody',
            // Markdown as the user wrote it, made inert for tools that render it with HTML on.
            value: inertMarkdown(h.note),
            format: 'text/markdown',
            purpose: 'commenting',
          } as const,
        ]),
    ...h.tags.map((tag) => ({ type: 'TextualBody', value: tag, purpose: 'tagging' }) as const),
  ]
  return {
    '@context': ANNOTATION_CONTEXT,
    id: `urn:sourceline:highlight:${segment(h.id)}`,
    type: 'Annotation',
    motivation: note === '' ? 'highlighting' : 'commenting',
    ...times(h.createdAt, h.updatedAt),
    generated,
    generator: GENERATOR,
    ...(body.length === 0 ? {} : { body }),
    target: target(h.articleId, h.quote, h.position, languages),
  }
}

function evidenceAnnotation(
  event: AppEvent,
  evidence: EvidenceView,
  generated: string,
  languages: Languages,
): WebAnnotation {
  const stance = evidence.stance === 'contradicts' ? 'Contradicts' : 'Supports'
  return {
    '@context': ANNOTATION_CONTEXT,
    id: `urn:sourceline:evidence:${segment(evidence.id)}`,
    type: 'Annotation',
    motivation: 'linking',
    generated,
    generator: GENERATOR,
    body: [
      { type: 'SpecificResource', source: eventIri(event.id), purpose: 'linking' },
      {
        type: 'TextualBody',
        value: `${stance} the event “${event.title}”`,
        format: 'text/plain',
        language: 'en',
        purpose: 'describing',
      },
      // The stance as a bare word, so a reader of the data need not parse the sentence.
      { type: 'TextualBody', value: evidence.stance, purpose: 'classifying' },
    ],
    target: target(evidence.articleId, evidence.quote, evidence.position, languages),
  }
}

/** 2026-11-23T09:30:00.000Z as 20261123T093000Z, for the collection's id. */
function stamp(date: Date): string {
  return (isoDateTime(date.getTime()) ?? '0000-00-00T00:00:00.000Z')
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '')
}

/** The collection, its page embedded: highlights first, then quotes by event in date order. */
export function buildWebAnnotations(input: ExportInput): AnnotationCollection {
  const generated = isoDateTime(input.generatedAt.getTime()) ?? new Date(0).toISOString()
  const id = `urn:sourceline:export:${stamp(input.generatedAt)}`
  const pageId = `${id}:page:1`
  const highlights = [...input.highlights].sort(
    (a, b) =>
      (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : 0) ||
      a.position.start - b.position.start,
  )
  const languages: Languages = new Map(
    input.articles.map((a) => [a.id, { language: a.language, textDirection: articleDirection(a) }]),
  )
  const items = [
    ...highlights.map((h) => highlightAnnotation(h, generated, languages)),
    ...sortedEvents(input.events).flatMap((event) =>
      event.evidence.map((e) => evidenceAnnotation(event, e, generated, languages)),
    ),
  ]
  const label = `${input.title}: highlights and quotes`
  return {
    '@context': ANNOTATION_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label,
    total: items.length,
    created: generated,
    generator: GENERATOR,
    first: {
      '@context': ANNOTATION_CONTEXT,
      id: pageId,
      type: 'AnnotationPage',
      partOf: { id, label, total: items.length },
      startIndex: 0,
      items,
    },
    last: pageId,
  }
}

/// <reference types="node" />
/**
 * The export tests' input, built from the real bundled corpus (read from resources/ with
 * node:fs) plus what a user adds: an event of their own, a quote against a curated event, tags,
 * a highlight with a note, and notes. For tests only; never bundled.
 */
import { gradeId, type GradeKind } from '../grading'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { buildCorpus } from '../corpus'
import { combineEvents } from '../events'
import { selectorsForRange } from '../quotes'
import type { Corpus } from '../../../../../shared/corpus'
import type { Highlight, Note, UserEvent, UserEvidence } from '../types'
import type { ExportEntity, ExportInput } from './input'

const root = resolve(process.cwd(), 'resources/corpus')

export function readRealCorpus(): Corpus {
  const manifest = JSON.parse(readFileSync(resolve(root, 'corpus.json'), 'utf8')) as {
    articles: { file: string }[]
  }
  const raws = Object.fromEntries(
    manifest.articles.map((a) => [a.file, readFileSync(resolve(root, a.file), 'utf8')]),
  )
  return buildCorpus(manifest, raws)
}

export function readRealEntities(): ExportEntity[] {
  const json = JSON.parse(readFileSync(resolve(root, 'entities.json'), 'utf8')) as {
    entities: ExportEntity[]
  }
  return json.entities.map(({ id, name, kind, aliases }) => ({ id, name, kind, aliases }))
}

/** Selectors for the first occurrence of `text` in an article's body; throws if it is absent. */
function quoteOf(corpus: Corpus, articleId: string, text: string) {
  const body = corpus.articles.find((a) => a.id === articleId)?.body ?? ''
  const start = body.indexOf(text)
  if (start < 0) throw new Error(`“${text}” is not in ${articleId}`)
  return selectorsForRange(body, start, start + text.length)
}

export const GENERATED_AT = new Date(Date.UTC(2026, 10, 23, 9, 30))
const CREATED = Date.UTC(2026, 10, 20, 8, 5, 42)
const UPDATED = Date.UTC(2026, 10, 21, 17, 45)

export const USER_EVENT_TITLE = 'Follow-up raids & “arrests”, <b>per</b> the ministry'
export const CONTRADICTING_QUOTE =
  'We do not deny the assessment downgrade, but we do not accept it.'
export const HIGHLIGHT_QUOTE =
  'Despite fighting Covid-19, more cases were prosecuted than in any other year.'

export function realExportInput(): ExportInput {
  const corpus = readRealCorpus()
  const userEvent: UserEvent = {
    id: 'user-event-1',
    title: USER_EVENT_TITLE,
    summary: 'My own event.\nSecond line, with a comma.',
    date: { edtf: '2022-09~', note: 'Around September 2022, from my reading.' },
    category: 'enforcement',
    people: ['Bun Eng'],
    organisations: ['Ministry of Interior'],
    createdAt: CREATED,
    updatedAt: UPDATED,
  }
  const against: UserEvidence = {
    id: '7c0ffee0-0000-4000-8000-000000000001',
    eventId: 'tip-tier-3-downgrade-2022',
    articleId: 'ppp-interior-ministry-lauds',
    stance: 'contradicts',
    ...quoteOf(corpus, 'ppp-interior-ministry-lauds', CONTRADICTING_QUOTE),
    createdAt: CREATED,
  }
  const events = combineEvents(
    corpus.events,
    [userEvent],
    [against],
    [
      {
        eventId: 'tip-tier-3-downgrade-2022',
        tags: ['disputed', 'follow up'],
        people: [],
        organisations: [],
        updatedAt: UPDATED,
      },
    ],
  )
  const highlight: Highlight = {
    id: 'highlight-1',
    articleId: 'ppp-interior-ministry-lauds',
    ...quoteOf(corpus, 'ppp-interior-ministry-lauds', HIGHLIGHT_QUOTE),
    note: 'Check against the **court** figures.',
    tags: ['figures', 'covid'],
    createdAt: CREATED,
    updatedAt: UPDATED,
  }
  const notes: Note[] = [
    {
      id: 'note-1',
      eventId: 'anti-trafficking-day-2007',
      body: 'Ask the ministry for the 2007 sub-decree.\nSecond line.',
      createdAt: CREATED,
      updatedAt: UPDATED,
    },
    {
      id: 'note-2',
      eventId: 'user-event-1',
      body: '=1+1 looks like a formula',
      createdAt: CREATED,
      updatedAt: CREATED,
    },
  ]
  return {
    title: corpus.title,
    generatedAt: GENERATED_AT,
    articles: corpus.articles,
    events,
    notes,
    highlights: [highlight],
    entities: readRealEntities(),
    appVersion: '0.1.0',
  }
}

/** The real input with grades on a bundled article, a curated quote and the highlight, and one
 * explained conflict: what the grade tests of every format read. */
export function gradedExportInput(): ExportInput {
  const input = realExportInput()
  const grade = (kind: GradeKind, targetId: string, value: string, reason: string) => ({
    id: gradeId(kind, targetId),
    kind,
    targetId,
    grade: value,
    reason,
    updatedAt: UPDATED,
  })
  return {
    ...input,
    grades: [
      grade('article', 'ppp-interior-ministry-lauds', 'B', 'Wire copy, usually accurate'),
      grade('quote', 'cases-2021#0', '2', ''),
      grade('highlight', 'highlight-1', '4', 'Not what the court said'),
    ],
    conflictNotes: [
      { id: 'support:tip-tier-3-downgrade-2022', note: 'The ministry disputes it.', updatedAt: 1 },
    ],
  }
}

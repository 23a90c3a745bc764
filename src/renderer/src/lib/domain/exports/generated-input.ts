/// <reference types="node" />
/**
 * A large export input made from a seed, for the tests that hold the chunked exports to the
 * one-piece ones: thousands of events over the real bundled articles, with mixed date precision
 * (years, months, days, qualified dates, ranges, "on or before", open ends, undated), hostile
 * text, notes (some on events not exported), highlights, grades and explained conflicts.
 * For tests only; never bundled.
 */
import { CATEGORIES } from '../../../../../shared/corpus'
import type { AppEvent, EvidenceView } from '../events'
import { gradeId } from '../grading'
import type { Highlight, Note } from '../types'
import type { ExportInput } from './input'
import { GENERATED_AT, readRealCorpus, readRealEntities } from './test-fixture'

/** mulberry32: small, fast and the same on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

const HOSTILE = [
  '<script>alert(1)</script>',
  '=SUM(A1:A9)',
  '+1 "quoted" and ""doubled""',
  '# not a heading',
  '> not a quote\n- not a list',
  '`code` ``fence`` ```',
  '[x](javascript:alert(1))',
  '&amp; &#60; <b onclick=x>',
  'emoji 🧭 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 astral',
  'right-to-left ‏עברית‎ and العربية',
  'tab\there\r\nCRLF line',
  '\\ back\\slash * _ [ ] |',
  '   leading and trailing spaces   ',
  'trailing hash #',
  '1. numbered',
  '',
]

const DATES: ((r: () => number) => string | null)[] = [
  (r) => `${1990 + Math.floor(r() * 35)}`,
  (r) => `${1990 + Math.floor(r() * 35)}-${pad(1 + Math.floor(r() * 12))}`,
  (r) =>
    `${1990 + Math.floor(r() * 35)}-${pad(1 + Math.floor(r() * 12))}-${pad(1 + Math.floor(r() * 28))}`,
  (r) => `${1990 + Math.floor(r() * 35)}~`,
  (r) => `${1990 + Math.floor(r() * 35)}-${pad(1 + Math.floor(r() * 12))}?`,
  (r) => {
    const from = 1990 + Math.floor(r() * 30)
    return `${from}/${from + 1 + Math.floor(r() * 5)}`
  },
  (r) => `[..${1990 + Math.floor(r() * 35)}-${pad(1 + Math.floor(r() * 12))}]`,
  (r) => `${1990 + Math.floor(r() * 35)}-${pad(1 + Math.floor(r() * 12))}-01/..`,
  () => null,
]

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

export function generatedExportInput(seed: number, eventCount: number): ExportInput {
  const r = random(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)]!
  const text = (words: number) => {
    const out: string[] = []
    for (let i = 0; i < words; i++)
      out.push(r() < 0.15 ? pick(HOSTILE) : `word${Math.floor(r() * 500)}`)
    return out.join(' ')
  }
  const corpus = readRealCorpus()
  const articles = corpus.articles
  const entities = readRealEntities()
  const names = [...entities.map((e) => e.name), 'Unknown Person', 'Someone <b>Else</b>']
  const base = Date.UTC(2026, 0, 1)

  const events: AppEvent[] = []
  for (let i = 0; i < eventCount; i++) {
    const id = `gen-${seed}-${i}`
    const evidence: EvidenceView[] = []
    const quotes = Math.floor(r() * 3)
    for (let q = 0; q < quotes; q++) {
      const article = r() < 0.95 ? pick(articles) : undefined
      const start = Math.floor(r() * 1000)
      evidence.push({
        id: r() < 0.5 ? `${id}#${q}` : `user-ev-${seed}-${i}-${q}`,
        origin: r() < 0.5 ? 'curated' : 'user',
        articleId: article?.id ?? 'missing-article',
        stance: r() < 0.8 ? 'supports' : 'contradicts',
        quote: { type: 'TextQuoteSelector', exact: text(8) || 'x', prefix: text(2), suffix: '' },
        position: { type: 'TextPositionSelector', start, end: start + 40 },
      })
    }
    const dateMaker = pick(DATES)
    events.push({
      id,
      origin: r() < 0.3 ? 'user' : 'curated',
      title: text(5) || `Event ${i}`,
      summary: r() < 0.7 ? `${text(12)}\n\n${text(6)}` : '',
      date: { edtf: dateMaker(r), note: text(4) || 'why' },
      category: pick(CATEGORIES).id,
      people:
        r() < 0.5 ? [pick(names), pick(names)].filter((n, k, all) => all.indexOf(n) === k) : [],
      organisations: r() < 0.3 ? [pick(names)] : [],
      tags: r() < 0.3 ? [text(1) || 'tag'] : [],
      evidence,
    })
  }

  const notes: Note[] = []
  for (let i = 0; i < eventCount / 2; i++) {
    const orphan = r() < 0.03
    const createdAt = base + Math.floor(r() * 1e9)
    notes.push({
      id: `note-${seed}-${i}`,
      eventId: orphan ? `gone-${Math.floor(r() * 20)}` : pick(events).id,
      body: `${text(10)}\n\n${pick(HOSTILE)}`,
      createdAt,
      updatedAt: r() < 0.5 ? createdAt : createdAt + 60_000,
    })
  }

  const highlights: Highlight[] = []
  for (let i = 0; i < eventCount / 4; i++) {
    const start = Math.floor(r() * 5000)
    const createdAt = base + Math.floor(r() * 1e9)
    highlights.push({
      id: `hl-${seed}-${i}`,
      articleId: r() < 0.97 ? pick(articles).id : 'missing-article',
      quote: { type: 'TextQuoteSelector', exact: text(6) || 'x', prefix: '', suffix: text(1) },
      position: { type: 'TextPositionSelector', start, end: start + 30 },
      note: r() < 0.5 ? text(8) : '',
      tags: r() < 0.4 ? [text(1) || 'tag'] : [],
      createdAt,
      updatedAt: createdAt,
    })
  }

  const grades = [
    ...articles.slice(0, 3).map((a) => ({ kind: 'article' as const, targetId: a.id, grade: 'B' })),
    ...highlights
      .slice(0, 5)
      .map((h) => ({ kind: 'highlight' as const, targetId: h.id, grade: '3' })),
  ].map((g) => ({ id: gradeId(g.kind, g.targetId), ...g, reason: text(3), updatedAt: base }))

  return {
    title: `Generated <${seed}> & “timeline”`,
    generatedAt: GENERATED_AT,
    articles,
    events,
    notes,
    highlights,
    entities,
    appVersion: '0.1.0',
    grades,
    conflictNotes: [{ id: `support:${events[0]?.id ?? 'none'}`, note: text(5), updatedAt: base }],
  }
}

/**
 * Generates a valid Sourceline project file of any size, for the benchmark and the large-project
 * e2e test: user events with mixed date precision (days, months, years, circa, ranges, "on or
 * before", undated), imported articles with their checksums, quotes that stand where their
 * positions say, notes, highlights and people/organisation links. Deterministic for a given size.
 *
 *   node scripts/generate-project.mjs <events> [out.json]
 */
import { createHash } from 'node:crypto'
import { writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'

export const CATEGORY_IDS = [
  'law-policy',
  'institutions',
  'international',
  'enforcement',
  'awareness',
]
const PEOPLE = ['Hun Sen', 'Chou Bun Eng', 'Sar Kheng', 'Bith Kimhong', 'Keo Remy']
const ORGANISATIONS = ['JICA', 'UNODC', 'IOM', 'Ministry of Interior', 'NCCT', 'Police']

const FROM = Date.UTC(2000, 0, 1)
const TO = Date.UTC(2023, 11, 1)

/** A small deterministic random source, so two runs compare. */
function randomSource(seed) {
  let state = seed >>> 0 || 1
  return () => {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    return (state >>> 0) / 2 ** 32
  }
}

const pad = (n) => String(n).padStart(2, '0')

/** One date of the mix: half exact days, then months, years, circa, ranges, "on or before", none. */
function dateFor(random) {
  const t = new Date(FROM + Math.floor(random() * (TO - FROM)))
  const y = t.getUTCFullYear()
  const m = pad(t.getUTCMonth() + 1)
  const d = pad(t.getUTCDate())
  const r = random()
  if (r < 0.5) return `${y}-${m}-${d}`
  if (r < 0.65) return `${y}-${m}`
  if (r < 0.75) return `${y}`
  if (r < 0.8) return `${y}~`
  if (r < 0.9) return `${y}-${m}/${y + 1 + Math.floor(random() * 3)}`
  if (r < 0.95) return `../${y}-${m}`
  return null
}

function sha256(text) {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

/** Selectors for body[start, end) of an ASCII body (code points are UTF-16 units there). */
function selectors(body, start, end) {
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: body.slice(start, end),
      prefix: body.slice(Math.max(0, start - 32), start),
      suffix: body.slice(end, Math.min(body.length, end + 32)),
    },
    position: { type: 'TextPositionSelector', start, end },
  }
}

const PASSAGES_PER_ARTICLE = 20

/**
 * The project for `events` events: articles = events / 20 (5,000 at 100k), one quote per event,
 * notes and highlights half as many as events between them (50,000 at 100k).
 */
export function generateProject(events, { seed = 20260101 } = {}) {
  const random = randomSource(seed + events)
  const articleCount = Math.max(1, Math.round(events / 20))
  const now = Date.UTC(2024, 4, 1)

  const articles = []
  const passages = []
  for (let a = 0; a < articleCount; a++) {
    const id = `bench-article-${a}`
    const sentences = []
    const spans = []
    let length = 0
    for (let p = 0; p < PASSAGES_PER_ARTICLE; p++) {
      const sentence = `Passage ${p} of report ${a} names ${PEOPLE[(a + p) % PEOPLE.length]}.`
      spans.push([length, length + sentence.length - 1])
      sentences.push(sentence)
      length += sentence.length + 1
    }
    const body = sentences.join(' ')
    const original = `<article><p>${body}</p></article>`
    articles.push({
      id,
      title: `Report ${a}`,
      outlet: `Outlet ${a % 40}`,
      byline: null,
      published: { edtf: dateFor(random) ?? '2015', note: 'Generated.' },
      url: `https://example.org/report/${a}`,
      body,
      original,
      originalName: `report-${a}.html`,
      mediaType: 'text/html',
      sha256: sha256(original),
      importedAt: now,
      updatedAt: now,
    })
    for (const [start, end] of spans) passages.push({ articleId: id, body, start, end })
  }

  const userEvents = []
  const evidence = []
  for (let i = 0; i < events; i++) {
    const id = `bench-event-${i}`
    const edtf = dateFor(random)
    userEvents.push({
      id,
      title: `Event ${i}: ${ORGANISATIONS[i % ORGANISATIONS.length]} report`,
      summary: `Generated event ${i} for the benchmark.`,
      date: { edtf, note: edtf === null ? 'The article gives no date.' : 'Generated.' },
      category: CATEGORY_IDS[i % CATEGORY_IDS.length],
      people: i % 3 === 0 ? [PEOPLE[i % PEOPLE.length]] : [],
      organisations: i % 4 === 0 ? [ORGANISATIONS[i % ORGANISATIONS.length]] : [],
      createdAt: now,
      updatedAt: now,
    })
    const passage = passages[Math.floor(random() * passages.length)]
    evidence.push({
      id: `bench-quote-${i}`,
      eventId: id,
      articleId: passage.articleId,
      stance: i % 17 === 0 ? 'contradicts' : 'supports',
      ...selectors(passage.body, passage.start, passage.end),
      createdAt: now,
    })
  }

  const notes = []
  const highlights = []
  const annotated = Math.floor(events / 2)
  for (let i = 0; i < annotated; i++) {
    if (i % 2 === 0)
      notes.push({
        id: `bench-note-${i}`,
        eventId: `bench-event-${Math.floor(random() * events)}`,
        body: `Note ${i}: check the *date* against the second source.`,
        createdAt: now,
        updatedAt: now,
      })
    else {
      const passage = passages[Math.floor(random() * passages.length)]
      highlights.push({
        id: `bench-highlight-${i}`,
        articleId: passage.articleId,
        ...selectors(passage.body, passage.start, passage.end),
        note: i % 4 === 1 ? `Highlight ${i}` : '',
        tags: i % 3 === 0 ? ['figures'] : [],
        createdAt: now,
        updatedAt: now,
      })
    }
  }

  return {
    formatVersion: 1,
    app: 'Sourceline',
    exportedAt: new Date(now).toISOString(),
    corpus: { title: 'Generated benchmark project', articleIds: [] },
    data: {
      notes,
      highlights,
      userEvents,
      evidence,
      eventAnnotations: [],
      entityEdits: [],
      articles,
    },
  }
}

/** Records the project holds, all tables. */
export function recordCount(project) {
  return Object.values(project.data).reduce((n, rows) => n + rows.length, 0)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const events = Number(process.argv[2] ?? 1000)
  const out = process.argv[3] ?? `sourceline-generated-${events}.json`
  const project = generateProject(events)
  await writeFile(out, JSON.stringify(project))
  console.log(`${out}: ${events} events, ${recordCount(project)} records`)
}

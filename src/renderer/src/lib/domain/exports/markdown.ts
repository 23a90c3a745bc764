/**
 * The annotated timeline as one Markdown document: events in date order with their evidence
 * quoted, cited and marked when it contradicts, their people, organisations, tags and notes; the
 * user's highlights by source; an index of people and organisations; and the sources with their
 * checksums. Corpus text is escaped so it reads as written; the user's Markdown (notes, highlight
 * notes) keeps its formatting, made inert (escape.ts) and fenced in block quotes so it cannot
 * change the report's structure.
 */
import { categoryLabel } from '../../../../../shared/corpus'
import { describeDate, formatDay } from '../dates'
import type { AppEvent, EvidenceView } from '../events'
import type { Highlight, Note } from '../types'
import {
  articlesById,
  citationText,
  isoMinutes,
  joined,
  joinPieces,
  namedIndex,
  notesByEvent,
  plural,
  sortedEvents,
  whenWords,
  type Tick,
} from './common'
import { inertMarkdown } from './escape'
import type { ExportArticle, ExportInput } from './input'
import type { GradeBook } from '../grading'
import {
  explainedConflicts,
  gradeBook,
  highlightGradeText,
  quoteGradeText,
  reliabilityText,
  supportText,
} from './grades'

// ---- Escaping ----

/** Characters that start emphasis, code, links or HTML anywhere in a line. */
function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<]/g, '\\$&').replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
}

/** What a line may not start with: headings, quotes, lists, rules, fences, tables. */
function escapeLineStart(line: string): string {
  return line.replace(/^[#>+\-=|~]/, '\\$&').replace(/^(\d+)([.)])/, '$1\\$2')
}

/** Corpus text on one line, after a fixed label or in a heading (never at a line's start). */
function inline(text: string): string {
  const flat = escapeInline(text.replace(/\s+/g, ' ').trim())
  // A heading's trailing ' #' would be read as its closing sequence and dropped.
  return flat.replace(/(\s)#(#*)$/, '$1\\#$2')
}

function lines(text: string): string[] {
  return text.split(/\r\n|\r|\n/)
}

/** Corpus text as paragraphs: line breaks kept, runs of blank lines made one. */
function textBlock(text: string): string[] {
  const out: string[] = []
  for (const raw of lines(text)) {
    const line = raw.trim()
    if (line === '') {
      if (out.length > 0 && out[out.length - 1] !== '') out.push('')
    } else {
      out.push(escapeLineStart(escapeInline(line)))
    }
  }
  while (out[out.length - 1] === '') out.pop()
  return out
}

function blockQuote(quoted: string[]): string {
  return quoted.map((line) => (line === '' ? '>' : `> ${line}`)).join('\n')
}

/** A code span that holds any text, whatever backticks it contains. */
function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(longest + 1)
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : ''
  return `${fence}${pad}${text}${pad}${fence}`
}

/**
 * The user's Markdown inside a block quote ('## x' or '---' end with it), its formatting kept but
 * made inert (escape.ts): no HTML, no image, no javascript: or data: link.
 */
function userMarkdown(text: string): string {
  return blockQuote(lines(inertMarkdown(text.trim())))
}

// ---- Pieces ----

function noteBlocks(notes: readonly Note[]): string[] {
  return notes.flatMap((note) => {
    const updated =
      note.updatedAt !== note.createdAt ? `; updated ${isoMinutes(note.updatedAt)}` : ''
    return [`*Created ${isoMinutes(note.createdAt)}${updated}*`, userMarkdown(note.body)]
  })
}

function citation(article: ExportArticle | undefined, articleId: string): string {
  if (!article) return `— source not in this corpus (${inline(articleId)})`
  return `— ${inline(citationText(article, articleId))}`
}

function evidenceBlocks(
  evidence: EvidenceView,
  articles: Map<string, ExportArticle>,
  grades: GradeBook,
): string[] {
  const blocks: string[] = []
  if (evidence.stance === 'contradicts') blocks.push('Contradicts this event:')
  blocks.push(blockQuote(textBlock(evidence.quote.exact)))
  const yours = evidence.origin === 'user' ? ' (quote added by you)' : ''
  blocks.push(citation(articles.get(evidence.articleId), evidence.articleId) + yours)
  const graded = quoteGradeText(evidence, grades)
  if (graded !== null) blocks.push(`Grade: ${inline(graded)}`)
  return blocks
}

function eventBlocks(
  event: AppEvent,
  notes: readonly Note[],
  articles: Map<string, ExportArticle>,
  grades: GradeBook,
): string[] {
  const edtf = event.date.edtf === null ? 'undated' : code(event.date.edtf)
  const yours = event.origin === 'user' ? ' · your own event' : ''
  const blocks = [
    `## ${inline(whenWords(event.date))} — ${inline(event.title)}`,
    `*${inline(categoryLabel(event.category))} · ${edtf}${yours}*`,
    `Date: ${inline(event.date.note)}`,
  ]
  const summary = textBlock(event.summary)
  if (summary.length > 0) blocks.push(summary.join('\n'))
  if (event.people.length > 0) blocks.push(`People: ${event.people.map(inline).join(', ')}`)
  if (event.organisations.length > 0) {
    blocks.push(`Organisations: ${event.organisations.map(inline).join(', ')}`)
  }
  if (event.tags.length > 0) blocks.push(`Tags: ${event.tags.map(inline).join(', ')}`)
  if (grades.size > 0) blocks.push(`Support: ${inline(supportText(event, grades))}`)
  blocks.push('### Evidence')
  if (event.evidence.length === 0) blocks.push('No quote has been attached to this event yet.')
  for (const evidence of event.evidence) blocks.push(...evidenceBlocks(evidence, articles, grades))
  if (notes.length > 0) blocks.push('### Notes', ...noteBlocks(notes))
  return blocks
}

function highlightBlocks(highlight: Highlight, grades: GradeBook): string[] {
  const tags = highlight.tags.length > 0 ? ` · Tags: ${highlight.tags.map(inline).join(', ')}` : ''
  const blocks = [
    blockQuote(textBlock(highlight.quote.exact)),
    `*Highlighted ${isoMinutes(highlight.createdAt)}*${tags}`,
  ]
  const graded = highlightGradeText(highlight.id, grades)
  if (graded !== null) blocks.push(`Credibility: ${inline(graded)}`)
  if (highlight.note.trim() !== '') blocks.push('Note:', userMarkdown(highlight.note))
  return blocks
}

function highlightSection(
  highlights: readonly Highlight[],
  articles: readonly ExportArticle[],
  grades: GradeBook,
): string[] {
  const highlightBlocksOf = (h: Highlight) => highlightBlocks(h, grades)
  if (highlights.length === 0) return []
  const byArticle = new Map<string, Highlight[]>()
  for (const h of [...highlights].sort(
    (a, b) => a.position.start - b.position.start || a.createdAt - b.createdAt,
  )) {
    byArticle.set(h.articleId, [...(byArticle.get(h.articleId) ?? []), h])
  }
  const blocks = ['## Highlights', 'Passages you kept, by source, in the order of the text.']
  for (const article of articles) {
    const kept = byArticle.get(article.id)
    if (!kept) continue
    blocks.push(`### ${inline(article.title)}`, ...kept.flatMap(highlightBlocksOf))
    byArticle.delete(article.id)
  }
  for (const [articleId, kept] of byArticle) {
    blocks.push(`### Source not in this export (${code(articleId)})`)
    blocks.push(...kept.flatMap(highlightBlocksOf))
  }
  return blocks
}

function entitySection(input: ExportInput): string[] {
  if (!input.entities) return []
  const index = namedIndex(input.events, input.entities)
  if (index.length === 0) return []
  const blocks = ['## People and organisations']
  for (const [kind, heading] of [
    ['person', 'People'],
    ['organisation', 'Organisations'],
  ] as const) {
    const entries = index.filter((e) => e.kind === kind)
    if (entries.length === 0) continue
    blocks.push(`### ${heading}`)
    blocks.push(
      entries
        .map((e) => {
          const also = e.aliases.length > 0 ? ` (also ${e.aliases.map(inline).join(', ')})` : ''
          const titles = e.events.map((ev) => inline(ev.title)).join('; ')
          return `- ${inline(e.name)}${also} — ${plural(e.events.length, 'event')}: ${titles}`
        })
        .join('\n'),
    )
  }
  return blocks
}

function sourceBlocks(article: ExportArticle, grades: GradeBook): string[] {
  const outlet = article.outlet === null ? 'not named' : inline(article.outlet)
  const outletNote = article.outletNote ? ` (${inline(article.outletNote)})` : ''
  const details = [
    `- Outlet: ${outlet}${outletNote}`,
    `- Byline: ${article.byline === null ? 'not given' : inline(article.byline)}`,
    `- Published: ${inline(describeDate(article.published))} — ${inline(article.published.note)}`,
  ]
  const reliability = reliabilityText(article.id, grades)
  if (reliability !== null) details.push(`- Reliability: ${inline(reliability)}`)
  // A code span, so the address is shown, never made a link to follow.
  if (article.url) details.push(`- Address: ${code(article.url)}`)
  details.push(`- File: ${code(article.file)}`, `- SHA-256: ${code(article.sha256)}`)
  return [`### ${inline(article.title)}`, details.join('\n')]
}

/** The whole report as Markdown, ending in a newline. */
export function buildReport(input: ExportInput): string {
  return joinPieces(reportPieces(input))
}

/** The report in pieces (pieces.ts), ticking once per event written. */
export function reportPieces(input: ExportInput, tick: Tick = () => {}): Iterable<string> {
  return joined(reportBlocks(input, tick), '\n\n', '', '\n')
}

function* reportBlocks(input: ExportInput, tick: Tick): Generator<string> {
  const { generatedAt, appVersion } = input
  const articles = articlesById(input.articles)
  const eventIds = new Set(input.events.map((e) => e.id))
  const notes = notesByEvent(input.notes)
  const grades = gradeBook(input)

  const from = appVersion ? ` from Sourceline ${inline(appVersion)}` : ''
  const highlights =
    input.highlights.length > 0 ? `${plural(input.highlights.length, 'highlight')}, ` : ''
  yield `# ${inline(input.title)}: annotated timeline`
  yield (
    `Exported ${formatDay(generatedAt.getTime())}${from}. ` +
    `${plural(input.events.length, 'event')}, ${plural(input.notes.length, 'note')}, ` +
    `${highlights}${plural(input.articles.length, 'source')}. ` +
    'Events are in order of their earliest possible date; undated events come last.'
  )

  for (const event of sortedEvents(input.events)) {
    yield* eventBlocks(event, notes.get(event.id) ?? [], articles, grades)
    tick()
  }

  const orphans = [...notes].filter(([eventId]) => !eventIds.has(eventId))
  if (orphans.length > 0) {
    yield '## Other notes'
    yield 'These notes belong to events that are not in this corpus.'
    for (const [eventId, kept] of orphans.sort(([a], [b]) => (a < b ? -1 : 1))) {
      yield `### Event ${code(eventId)}`
      yield* noteBlocks(kept)
    }
  }

  yield* highlightSection(input.highlights, input.articles, grades)
  const explained = explainedConflicts(input)
  if (explained.length > 0) {
    yield '## Conflicts explained'
    yield explained.map((c) => `- ${inline(c.what)}: ${inline(c.note)}`).join('\n')
  }
  yield* entitySection(input)

  yield '## Sources'
  for (const article of input.articles) yield* sourceBlocks(article, grades)
}

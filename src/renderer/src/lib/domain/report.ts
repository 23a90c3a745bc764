/**
 * The annotated timeline as one Markdown document: events in date order with their evidence
 * quoted and cited, the user's notes, and the sources with their checksums. Corpus text is
 * escaped so it reads as written; note bodies stay the user's Markdown, fenced in block quotes
 * so nothing in a note can change the report's own structure.
 */
import { categoryLabel } from '$shared/corpus'
import type { Article, Corpus, Evidence, TimelineEvent } from '$shared/corpus'
import { compareByDate, describeDate, formatDay } from './dates'
import type { Note } from './types'

export interface ReportInput {
  corpus: Corpus
  notes: Note[]
  generatedAt: Date
  appVersion?: string
}

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

// ---- Pieces ----

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

function isoMinutes(ms: number): string {
  return Number.isFinite(ms) ? `${new Date(ms).toISOString().slice(0, 16)}Z` : 'an unknown time'
}

function byCreation(a: Note, b: Note): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

function noteBlocks(notes: Note[]): string[] {
  return [...notes].sort(byCreation).flatMap((note) => {
    const updated =
      note.updatedAt !== note.createdAt ? `; updated ${isoMinutes(note.updatedAt)}` : ''
    // Kept as written: inside a block quote, '## x', '---' or an unclosed fence end with it.
    const body = lines(note.body.trim())
    return [`*Created ${isoMinutes(note.createdAt)}${updated}*`, blockQuote(body)]
  })
}

function publishedWords(article: Article): string {
  return article.published.edtf === null ? 'undated' : describeDate(article.published)
}

function citation(article: Article | undefined, articleId: string): string {
  if (!article) return `— source not in this corpus (${inline(articleId)})`
  const outlet = article.outlet === null ? 'outlet not named' : inline(article.outlet)
  const byline = article.byline === null ? '' : `, by ${inline(article.byline)}`
  return `— ${outlet}, “${inline(article.title)}”, ${inline(publishedWords(article))}${byline}`
}

function evidenceBlocks(evidence: Evidence, articles: Map<string, Article>): string[] {
  const blocks: string[] = []
  if (evidence.stance === 'contradicts') blocks.push('Contradicts this event:')
  blocks.push(blockQuote(textBlock(evidence.quote.exact)))
  blocks.push(citation(articles.get(evidence.articleId), evidence.articleId))
  return blocks
}

function eventBlocks(
  event: TimelineEvent,
  notes: Note[],
  articles: Map<string, Article>,
): string[] {
  const dated = event.date.edtf !== null
  const words = dated ? describeDate(event.date) : 'Undated'
  const when = words.charAt(0).toUpperCase() + words.slice(1)
  const edtf = event.date.edtf === null ? 'undated' : code(event.date.edtf)
  const blocks = [
    `## ${inline(when)} — ${inline(event.title)}`,
    `*${inline(categoryLabel(event.category))} · ${edtf}*`,
    `Date: ${inline(event.date.note)}`,
  ]
  const summary = textBlock(event.summary)
  if (summary.length > 0) blocks.push(summary.join('\n'))
  if (event.people.length > 0) blocks.push(`People: ${event.people.map(inline).join(', ')}`)
  if (event.organisations.length > 0) {
    blocks.push(`Organisations: ${event.organisations.map(inline).join(', ')}`)
  }
  blocks.push('### Evidence')
  for (const evidence of event.evidence) blocks.push(...evidenceBlocks(evidence, articles))
  if (notes.length > 0) blocks.push('### Notes', ...noteBlocks(notes))
  return blocks
}

function sourceBlocks(article: Article): string[] {
  const outlet = article.outlet === null ? 'not named' : inline(article.outlet)
  const outletNote = article.outletNote ? ` (${inline(article.outletNote)})` : ''
  return [
    `### ${inline(article.title)}`,
    [
      `- Outlet: ${outlet}${outletNote}`,
      `- Byline: ${article.byline === null ? 'not given' : inline(article.byline)}`,
      `- Published: ${inline(describeDate(article.published))} — ${inline(article.published.note)}`,
      `- File: ${code(article.file)}`,
      `- SHA-256: ${code(article.sha256)}`,
    ].join('\n'),
  ]
}

/** The whole report as Markdown, ending in a newline. */
export function buildMarkdownReport(input: ReportInput): string {
  const { corpus, generatedAt, appVersion } = input
  const articles = new Map(corpus.articles.map((a) => [a.id, a]))
  const eventIds = new Set(corpus.events.map((e) => e.id))
  const notesByEvent = new Map<string, Note[]>()
  for (const note of input.notes) {
    notesByEvent.set(note.eventId, [...(notesByEvent.get(note.eventId) ?? []), note])
  }

  const from = appVersion ? ` from Sourceline ${inline(appVersion)}` : ''
  const blocks = [
    `# ${inline(corpus.title)}: annotated timeline`,
    `Exported ${formatDay(generatedAt.getTime())}${from}. ` +
      `${plural(corpus.events.length, 'event')}, ${plural(input.notes.length, 'note')}, ` +
      `${plural(corpus.articles.length, 'source')}. ` +
      'Events are in order of their earliest possible date; undated events come last.',
  ]

  for (const event of [...corpus.events].sort(compareByDate)) {
    blocks.push(...eventBlocks(event, notesByEvent.get(event.id) ?? [], articles))
  }

  const orphans = [...notesByEvent].filter(([eventId]) => !eventIds.has(eventId))
  if (orphans.length > 0) {
    blocks.push('## Other notes', 'These notes belong to events that are not in this corpus.')
    for (const [eventId, notes] of orphans.sort(([a], [b]) => (a < b ? -1 : 1))) {
      blocks.push(`### Event ${code(eventId)}`, ...noteBlocks(notes))
    }
  }

  blocks.push('## Sources')
  for (const article of corpus.articles) blocks.push(...sourceBlocks(article))
  return `${blocks.join('\n\n')}\n`
}

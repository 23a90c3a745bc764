/**
 * The annotated timeline as one self-contained HTML file to read offline or print: events by
 * year in date order (undated last) with their quotes, citations and notes, then highlights,
 * people and organisations, and the sources. It has no script and no outside resource, and its
 * Content Security Policy forbids both; every piece of text is escaped, notes included, and
 * addresses are shown as text, never as links.
 */
import { categoryLabel } from '../../../../../shared/corpus'
import { describeDate, formatDay } from '../dates'
import { describeSourcing, sourcing } from '../events'
import type { AppEvent, EvidenceView } from '../events'
import type { Highlight, Note } from '../types'
import {
  articlesById,
  citationText,
  isoMinutes,
  joinPieces,
  namedIndex,
  notesByEvent,
  plural,
  publishedWords,
  sortYear,
  sortedEvents,
  stanceWords,
  whenWords,
  type Tick,
} from './common'
import { escapeHtml, htmlLines } from './escape'
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

export const HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

/**
 * The page's one stylesheet. Exported for the browser build's printing: its srcdoc frame inherits
 * the app's CSP, which refuses inline styles, so lib/exports/print.ts applies this through CSSOM.
 */
export const HTML_STYLE = `
:root { color-scheme: light dark; --muted: #5b6470; --rule: #d5d9de; --against: #9b2c2c; }
@media (prefers-color-scheme: dark) { :root { --muted: #a4acb6; --rule: #3a4048; --against: #f08a8a; } }
body { font: 16px/1.55 Georgia, 'Times New Roman', serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h1, h2, h3, h4 { font-family: system-ui, sans-serif; line-height: 1.25; }
h2 { border-bottom: 1px solid var(--rule); padding-bottom: .25rem; margin-top: 2.5rem; }
.meta, .when, figcaption, .note-meta { font: .85rem/1.4 system-ui, sans-serif; color: var(--muted); }
.when { margin-bottom: 0; }
.event { margin: 1.5rem 0 2rem; }
.event h3 { margin-top: .2rem; }
blockquote { margin: .5rem 0 .25rem; padding-left: 1rem; border-left: 3px solid var(--rule); }
.contradicts blockquote { border-left-color: var(--against); }
.stance { font: 600 .85rem system-ui, sans-serif; color: var(--against); margin: .75rem 0 0; }
figure { margin: .75rem 0; }
.note { border: 1px solid var(--rule); border-radius: 4px; padding: .5rem .75rem; margin: .5rem 0; }
code, .address { font-family: ui-monospace, monospace; font-size: .85em; overflow-wrap: anywhere; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .75rem; font-size: .95rem; }
dt { color: var(--muted); }
dd { margin: 0; }
@media print { body { max-width: none; margin: 0; } .event, figure { break-inside: avoid; } }
`

/** A value for an id attribute or a fragment: letters, digits and hyphens only. */
function anchor(kind: string, id: string): string {
  return `${kind}-${id.replace(/[^A-Za-z0-9-]/g, (c) => `_${c.codePointAt(0)?.toString(16)}_`)}`
}

function definitions(rows: [string, string[]][]): string {
  const kept = rows.filter(([, values]) => values.length > 0)
  if (kept.length === 0) return ''
  const items = kept
    .map(
      ([label, values]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(values.join(', '))}</dd>`,
    )
    .join('')
  return `<dl>${items}</dl>`
}

function citationHtml(article: ExportArticle | undefined, articleId: string): string {
  const text = escapeHtml(citationText(article, articleId))
  // An in-page link to the source's entry below; nothing outside the file is linked.
  return article ? `<a href="#${anchor('source', article.id)}">${text}</a>` : text
}

function evidenceHtml(
  evidence: EvidenceView,
  articles: Map<string, ExportArticle>,
  grades: GradeBook,
): string {
  const against = evidence.stance === 'contradicts'
  const yours = evidence.origin === 'user' ? ' (quote added by you)' : ''
  const graded = quoteGradeText(evidence, grades)
  return [
    `<figure class="${against ? 'contradicts' : 'supports'}">`,
    against ? `<p class="stance">${stanceWords(evidence.stance)}:</p>` : '',
    `<blockquote${langAttributes(articles.get(evidence.articleId))}><p>${htmlLines(evidence.quote.exact)}</p></blockquote>`,
    `<figcaption>— ${citationHtml(articles.get(evidence.articleId), evidence.articleId)}${yours}</figcaption>`,
    graded === null ? '' : `<p class="meta">Grade: ${escapeHtml(graded)}</p>`,
    '</figure>',
  ].join('')
}

function noteHtml(note: Note): string {
  const updated = note.updatedAt !== note.createdAt ? `; updated ${isoMinutes(note.updatedAt)}` : ''
  // The user's Markdown is shown as written, as plain text: never rendered, so never markup.
  return (
    `<div class="note"><p class="note-meta">Note, created ${escapeHtml(isoMinutes(note.createdAt))}` +
    `${escapeHtml(updated)}</p><p>${htmlLines(note.body)}</p></div>`
  )
}

function eventHtml(
  event: AppEvent,
  notes: readonly Note[],
  articles: Map<string, ExportArticle>,
  grades: GradeBook,
): string {
  const when = whenWords(event.date)
  // The EDTF beside the words, unless it says nothing more ('2000' · 2000).
  const edtf =
    event.date.edtf === null || event.date.edtf === when
      ? ''
      : ` · <code>${escapeHtml(event.date.edtf)}</code>`
  const yours = event.origin === 'user' ? ' · your own event' : ''
  const parts = [
    `<article class="event" id="${anchor('event', event.id)}">`,
    `<p class="when">${escapeHtml(when)}${edtf}</p>`,
    `<h3>${escapeHtml(event.title)}</h3>`,
    `<p class="meta">${escapeHtml(categoryLabel(event.category))}${yours} · ` +
      `${escapeHtml(describeSourcing(sourcing(event)))}</p>`,
    event.summary.trim() === '' ? '' : `<p>${htmlLines(event.summary)}</p>`,
    `<p class="meta">Date: ${escapeHtml(event.date.note)}</p>`,
    grades.size === 0
      ? ''
      : `<p class="meta">Support: ${escapeHtml(supportText(event, grades))}</p>`,
    definitions([
      ['People', event.people],
      ['Organisations', event.organisations],
      ['Tags', event.tags],
    ]),
    event.evidence.length === 0
      ? '<p class="meta">No quote has been attached to this event yet.</p>'
      : event.evidence.map((e) => evidenceHtml(e, articles, grades)).join('\n'),
    notes.map(noteHtml).join('\n'),
    '</article>',
  ]
  return parts.filter((p) => p !== '').join('\n')
}

/** The events by year, in pieces: what `groups.join('\n')` of year sections would write. */
function* timelinePieces(input: ExportInput, tick: Tick): Generator<string> {
  const articles = articlesById(input.articles)
  const notes = notesByEvent(input.notes)
  const grades = gradeBook(input)
  let open: string | null = null
  for (const event of sortedEvents(input.events)) {
    const year = sortYear(event.date)
    const heading = year === null ? 'Undated' : year > 0 ? String(year) : `${1 - year} BC`
    if (heading !== open) {
      if (open !== null) yield '\n</section>\n'
      yield `<section><h2>${escapeHtml(heading)}</h2>`
      open = heading
    }
    yield `\n${eventHtml(event, notes.get(event.id) ?? [], articles, grades)}`
    tick()
  }
  if (open !== null) yield '\n</section>'
}

/**
 * The source's language on a quote, so browsers lay out right-to-left text and pick fonts by it;
 * dir="auto" since a quote may mix scripts. Nothing when the source is not in the export.
 */
function langAttributes(article: ExportArticle | undefined): string {
  return article ? ` lang="${escapeHtml(article.language)}" dir="auto"` : ''
}

function highlightHtml(h: Highlight, grades: GradeBook, article?: ExportArticle): string {
  const graded = highlightGradeText(h.id, grades)
  const tags =
    (h.tags.length > 0 ? ` · Tags: ${escapeHtml(h.tags.join(', '))}` : '') +
    (graded === null ? '' : ` · Credibility: ${escapeHtml(graded)}`)
  const note = h.note.trim() === '' ? '' : `<div class="note"><p>${htmlLines(h.note)}</p></div>`
  return (
    `<figure><blockquote${langAttributes(article)}><p>${htmlLines(h.quote.exact)}</p></blockquote>` +
    `<figcaption>Highlighted ${escapeHtml(isoMinutes(h.createdAt))}${tags}</figcaption>${note}</figure>`
  )
}

function highlightsHtml(input: ExportInput): string {
  if (input.highlights.length === 0) return ''
  const grades = gradeBook(input)
  const byArticle = new Map<string, Highlight[]>()
  for (const h of [...input.highlights].sort((a, b) => a.position.start - b.position.start)) {
    byArticle.set(h.articleId, [...(byArticle.get(h.articleId) ?? []), h])
  }
  const known = new Map(input.articles.map((a) => [a.id, a]))
  const sections = [
    ...input.articles
      .filter((a) => byArticle.has(a.id))
      .map((a) => [escapeHtml(a.title), byArticle.get(a.id) ?? []] as const),
    ...[...byArticle]
      .filter(([id]) => !known.has(id))
      .map(([id, kept]) => [`Source not in this export (${escapeHtml(id)})`, kept] as const),
  ]
  return [
    '<section id="highlights"><h2>Highlights</h2>',
    ...sections.map(
      ([title, kept]) =>
        `<h3>${title}</h3>\n${kept.map((h) => highlightHtml(h, grades, known.get(h.articleId))).join('\n')}`,
    ),
    '</section>',
  ].join('\n')
}

function otherNotesHtml(input: ExportInput): string {
  const eventIds = new Set(input.events.map((e) => e.id))
  const orphans = [...notesByEvent(input.notes)].filter(([id]) => !eventIds.has(id))
  if (orphans.length === 0) return ''
  return [
    '<section id="other-notes"><h2>Other notes</h2>',
    '<p class="meta">These notes belong to events that are not in this export.</p>',
    ...orphans.map(
      ([id, kept]) =>
        `<h3>Event <code>${escapeHtml(id)}</code></h3>\n${kept.map(noteHtml).join('\n')}`,
    ),
    '</section>',
  ].join('\n')
}

function entitiesHtml(input: ExportInput): string {
  if (!input.entities) return ''
  const index = namedIndex(input.events, input.entities)
  if (index.length === 0) return ''
  const lists = (['person', 'organisation'] as const).map((kind) => {
    const entries = index.filter((e) => e.kind === kind)
    if (entries.length === 0) return ''
    const items = entries.map((e) => {
      const also = e.aliases.length > 0 ? ` (also ${escapeHtml(e.aliases.join(', '))})` : ''
      const events = e.events
        .map((ev) => `<a href="#${anchor('event', ev.id)}">${escapeHtml(ev.title)}</a>`)
        .join('; ')
      return `<li>${escapeHtml(e.name)}${also}: ${events}</li>`
    })
    return `<h3>${kind === 'person' ? 'People' : 'Organisations'}</h3>\n<ul>${items.join('\n')}</ul>`
  })
  return ['<section id="people"><h2>People and organisations</h2>', ...lists, '</section>']
    .filter((p) => p !== '')
    .join('\n')
}

function explainedHtml(input: ExportInput): string {
  const explained = explainedConflicts(input)
  if (explained.length === 0) return ''
  return [
    '<section id="conflicts"><h2>Conflicts explained</h2><ul>',
    ...explained.map((c) => `<li>${escapeHtml(c.what)}: ${escapeHtml(c.note)}</li>`),
    '</ul></section>',
  ].join('\n')
}

function sourceHtml(article: ExportArticle, grades: GradeBook): string {
  const outlet = article.outlet ?? 'Outlet not named'
  const outletNote = article.outletNote ? ` (${article.outletNote})` : ''
  const rows: [string, string][] = [
    ['Outlet', escapeHtml(outlet + outletNote)],
    ['Byline', escapeHtml(article.byline ?? 'not given')],
    [
      'Published',
      `${escapeHtml(describeDate(article.published))} — ${escapeHtml(article.published.note)}`,
    ],
  ]
  const reliability = reliabilityText(article.id, grades)
  if (reliability !== null) rows.push(['Reliability', escapeHtml(reliability)])
  // Shown as text to copy, not a link: the file must not reach out, even on a click.
  if (article.url) rows.push(['Address', `<span class="address">${escapeHtml(article.url)}</span>`])
  rows.push(['File', `<code>${escapeHtml(article.file)}</code>`])
  rows.push(['SHA-256', `<code>${escapeHtml(article.sha256)}</code>`])
  return (
    `<li id="${anchor('source', article.id)}"><strong>${escapeHtml(article.title)}</strong>` +
    `<span class="meta"> · ${escapeHtml(publishedWords(article))}</span>` +
    `<dl>${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl></li>`
  )
}

/** The whole file, starting with its doctype. */
export function buildStandaloneHtml(input: ExportInput): string {
  return joinPieces(standaloneHtmlPieces(input))
}

/** The file in pieces (pieces.ts), ticking once per event. */
export function* standaloneHtmlPieces(
  input: ExportInput,
  tick: Tick = () => {},
): Generator<string> {
  const from = input.appVersion ? ` from Sourceline ${input.appVersion}` : ''
  const counts =
    `${plural(input.events.length, 'event')}, ${plural(input.notes.length, 'note')}, ` +
    `${plural(input.highlights.length, 'highlight')}, ${plural(input.articles.length, 'source')}`
  const title = `${input.title}: annotated timeline`
  yield `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${HTML_CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${HTML_STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(title)}</h1>
<p class="meta">${escapeHtml(`Exported ${formatDay(input.generatedAt.getTime())}${from}. ${counts}.`)}
Events are in order of their earliest possible date; undated events come last.</p>
</header>
<main>
`
  yield* timelinePieces(input, tick)
  yield `
${otherNotesHtml(input)}
${highlightsHtml(input)}
${explainedHtml(input)}
${entitiesHtml(input)}
<section id="sources"><h2>Sources</h2>
<ol>
${input.articles.map((a) => sourceHtml(a, gradeBook(input))).join('\n')}
</ol>
</section>
</main>
</body>
</html>
`
}

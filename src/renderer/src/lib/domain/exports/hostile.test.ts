// @vitest-environment jsdom
/*
 * Every export that can be rendered, rendered with HTML on, over hostile text in every place a
 * user or an article puts text: no element beyond the export's own template, no `on…` attribute,
 * nothing that loads (src), no link but the export's own anchors or http(s)/mailto, and CSV cells
 * that never start a formula (issue 14).
 */
import fc from 'fast-check'
import MarkdownIt from 'markdown-it'
import Papa from 'papaparse'
import { beforeAll, describe, expect, it } from 'vitest'
import type { AppEvent } from '../events'
import { buildWebAnnotations } from './annotations'
import { buildCslJson } from './csl'
import { buildCsv } from './csv'
import { buildStandaloneHtml } from './html'
import type { ExportInput } from './input'
import { gradeId, type GradeKind, type GradeRecord } from '../grading'
import { buildReport } from './markdown'
import { realExportInput } from './test-fixture'
import { buildTimelineJs } from './timelinejs'

const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)><circle r=1></svg>',
  '<a href="javascript:alert(1)">x</a>',
  '![x](https://tracker.example/p.png)',
  '[x](javascript:alert(1))',
  '[x](data:text/html,<script>alert(1)</script>)',
  '<https://tracker.example/x>',
  '<javascript:alert(1)>',
  '[ref]: javascript:alert(1)\n[x][ref]',
  '![y][img]\n[img]: https://tracker.example/i.png',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '&#60;img src=x onerror=alert(1)&#62;',
  '\\`<img src=x onerror=alert(1)>`',
  '`x` <b onclick=alert(1)>bold</b> ``y`',
  '```\n<script>alert(1)</script>\n```\n<iframe src=https://x.example>',
  '<!-- c --><style>*{}</style>',
  '=HYPERLINK("https://x.example")',
  '+1',
  '-2',
  '@SUM(1)',
  '\tx',
  '<details open ontoggle=alert(1)>',
  '"><img src=x onerror=alert(1)>',
  "'><svg/onload=alert(1)>",
]

const hostile = fc
  .array(fc.oneof(fc.constantFrom(...PAYLOADS), fc.string({ maxLength: 8 })), {
    minLength: 1,
    maxLength: 3,
  })
  .map((parts) => parts.join(' '))

let base: ExportInput

beforeAll(() => {
  const input = realExportInput()
  const events = input.events.filter((e) =>
    ['user-event-1', 'tip-tier-3-downgrade-2022'].includes(e.id),
  )
  const cited = new Set(events.flatMap((e) => e.evidence.map((x) => x.articleId)))
  base = {
    ...input,
    events,
    articles: input.articles.filter((a) => cited.has(a.id)),
    notes: input.notes.map((n) => ({ ...n, eventId: 'user-event-1' })),
  }
})

/** The base input with `text` in every user or article string the exports carry. */
function withText(text: string): ExportInput {
  const event = (e: AppEvent): AppEvent => ({
    ...e,
    title: text,
    summary: `${text}\n${text}`,
    people: [text],
    organisations: [text],
    tags: [text],
    date: { ...e.date, note: text },
    evidence: e.evidence.map((x) => ({ ...x, quote: { ...x.quote, exact: text } })),
  })
  return {
    ...base,
    title: text,
    events: base.events.map(event),
    articles: base.articles.map((a) => ({ ...a, title: text, outlet: text, byline: text })),
    notes: base.notes.map((n) => ({ ...n, body: `${text}\n\n${text}` })),
    highlights: base.highlights.map((h) => ({
      ...h,
      note: text,
      tags: [text],
      quote: { ...h.quote, exact: text },
    })),
    // Grades and explained conflicts carry the user's reasons and notes into the exports too.
    grades: [
      ...base.articles.map((a) => grade('article', a.id, 'B', text)),
      ...base.events.flatMap((e) => e.evidence.map((x) => grade('quote', x.id, '2', text))),
      ...base.highlights.map((h) => grade('highlight', h.id, '3', text)),
    ],
    conflictNotes: base.events.map((e) => ({ id: `support:${e.id}`, note: text, updatedAt: 1 })),
  }
}

function grade(kind: GradeKind, targetId: string, value: string, reason: string): GradeRecord {
  return { id: gradeId(kind, targetId), kind, targetId, grade: value, reason, updatedAt: 1 }
}

function elements(html: string): Element[] {
  const doc = new DOMParser().parseFromString(html, 'text/html')
  return Array.from(doc.querySelectorAll('*'))
}

/** What may not be there whatever the template: handlers, loading, script links. */
function expectInert(found: Element[], allowedHref: RegExp): void {
  for (const element of found) {
    for (const { name, value } of Array.from(element.attributes)) {
      expect(name.toLowerCase().startsWith('on'), `${element.tagName} ${name}`).toBe(false)
      expect(['src', 'srcset', 'data', 'action', 'formaction', 'poster', 'style']).not.toContain(
        name.toLowerCase(),
      )
      if (name.toLowerCase() === 'href') expect(value).toMatch(allowedHref)
    }
  }
}

function tagsOf(found: Element[]): Set<string> {
  return new Set(found.map((e) => e.tagName.toLowerCase()))
}

const MARKDOWN_TEMPLATE = new Set(['html', 'head', 'body', 'h1', 'h2', 'h3', 'p', 'em', 'strong'])
const USER_MARKDOWN = ['blockquote', 'ul', 'ol', 'li', 'code', 'pre', 'a', 'br', 's', 'hr', 'h4']
const MARKDOWN_ALLOWED = new Set([...MARKDOWN_TEMPLATE, ...USER_MARKDOWN, 'h5', 'h6'])
const WEB_LINK = /^(?:https?:\/\/|mailto:)/i

const renderers = [
  ['markdown-it, html on', new MarkdownIt({ html: true })],
  ['CommonMark, html on', new MarkdownIt('commonmark', { html: true })],
] as const

describe('exports of hostile text, rendered with HTML on', { timeout: 120_000 }, () => {
  it.each(renderers)('the Markdown report (%s) creates no element of its own', (_, md) => {
    fc.assert(
      fc.property(hostile, (text) => {
        const found = elements(md.render(buildReport(withText(text))))
        for (const tag of tagsOf(found)) expect(MARKDOWN_ALLOWED, tag).toContain(tag)
        expectInert(found, WEB_LINK)
      }),
      { numRuns: 25 },
    )
  })

  it('the standalone HTML report has only its template’s elements and anchors', () => {
    const template = tagsOf(elements(buildStandaloneHtml(withText('x'))))
    fc.assert(
      fc.property(hostile, (text) => {
        const found = elements(buildStandaloneHtml(withText(text)))
        for (const tag of tagsOf(found)) expect(template, tag).toContain(tag)
        expectInert(found, /^#/)
      }),
      { numRuns: 25 },
    )
  })

  it('TimelineJS text fields, read as HTML, have only the export’s own markup', () => {
    const fields = (input: ExportInput) => {
      const data = buildTimelineJs(input)
      return [data.title, ...data.events].flatMap((slide) => {
        const s = slide as { text: { headline: string; text: string }; group?: string }
        return [s.text.headline, s.text.text, s.group ?? '']
      })
    }
    const template = tagsOf(fields(withText('x')).flatMap(elements))
    fc.assert(
      fc.property(hostile, (text) => {
        const found = fields(withText(text)).flatMap(elements)
        for (const tag of tagsOf(found)) expect(template, tag).toContain(tag)
        expectInert(found, /^#/)
      }),
      { numRuns: 25 },
    )
  })

  it('CSV cells never start a formula', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const rows = Papa.parse<string[]>(buildCsv(withText(text)).replace(/^\uFEFF/, '')).data
        for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/)
      }),
      { numRuns: 25 },
    )
  })

  it('Web Annotation bodies render inert, and CSL-JSON carries the text as plain strings', () => {
    const md = new MarkdownIt({ html: true })
    fc.assert(
      fc.property(hostile, (text) => {
        const input = withText(text)
        const annotations = buildWebAnnotations(input)
        for (const annotation of annotations.first.items)
          for (const body of (annotation.body ?? []) as { format?: string; value?: string }[])
            if (body.format === 'text/markdown') {
              const found = elements(md.render(body.value ?? ''))
              for (const tag of tagsOf(found)) expect(MARKDOWN_ALLOWED, tag).toContain(tag)
              expectInert(found, WEB_LINK)
            } else expect(body.format ?? 'text/plain').toBe('text/plain')
        // CSL-JSON is data: strings stay strings, for the reading tool to escape.
        for (const item of buildCslJson(input))
          expect(JSON.parse(JSON.stringify(item))).toEqual(item)
      }),
      { numRuns: 20 },
    )
  })
})

// @vitest-environment jsdom
/// <reference types="node" />
import { describe, expect, it } from 'vitest'
import { compareByDate } from '../dates'
import type { AppEvent } from '../events'
import { HTML_CSP, buildStandaloneHtml } from './html'
import type { ExportInput } from './input'
import {
  CONTRADICTING_QUOTE,
  HIGHLIGHT_QUOTE,
  USER_EVENT_TITLE,
  realExportInput,
} from './test-fixture'

const input = realExportInput()

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html')
}

/** Every attribute in the document, as name=value. */
function attributes(doc: Document): string[] {
  return [...doc.querySelectorAll('*')].flatMap((el) =>
    [...el.attributes].map((a) => `${a.name}=${a.value}`),
  )
}

const HOSTILE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(2)>',
  '</style><script>alert(3)</script>',
  "' onmouseover='alert(4)",
  // eslint-disable-next-line no-script-url -- hostile input under test, never run
  'javascript:alert(5)',
  '<a href="http://evil.example/">click</a>',
]

function hostileInput(): ExportInput {
  const text = HOSTILE.join('\n')
  const base = input.events.find((e) => e.id === 'tip-tier-3-downgrade-2022')!
  const event: AppEvent = {
    ...base,
    id: 'evil"><script>',
    title: text,
    summary: text,
    date: { edtf: '2022-07', note: text },
    people: [text],
    organisations: [text],
    tags: [text],
    evidence: base.evidence.map((e) => ({ ...e, quote: { ...e.quote, exact: text } })),
  }
  const article = {
    ...input.articles[0]!,
    id: 'evil-article',
    title: text,
    outlet: text,
    outletNote: text,
    byline: text,
    file: text,
    url: 'http://evil.example/"><script>alert(6)</script>',
  }
  return {
    ...input,
    title: text,
    appVersion: text,
    articles: [...input.articles, article],
    events: [event],
    notes: [
      { id: 'n1', eventId: event.id, body: text, createdAt: 0, updatedAt: 1 },
      { id: 'n2', eventId: 'gone"><script>', body: text, createdAt: 0, updatedAt: 0 },
    ],
    highlights: [
      { ...input.highlights[0]!, articleId: 'evil-article', note: text, tags: [text] },
      { ...input.highlights[0]!, id: 'h2', articleId: 'not-here"><b>', note: text },
    ],
    entities: [{ id: 'x', name: text, kind: 'person', aliases: [text] }],
  }
}

describe('buildStandaloneHtml', () => {
  const html = buildStandaloneHtml(input)
  const doc = parse(html)

  it('is one page with a strict policy, inline style only and no script', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true)
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')
    expect(csp?.getAttribute('content')).toBe(HTML_CSP)
    expect(HTML_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:")
    expect(doc.querySelectorAll('script, link, iframe, object, embed, img, form')).toHaveLength(0)
    expect(html.toLowerCase()).not.toContain('<script')
    expect(doc.querySelectorAll('style')).toHaveLength(1)
    expect(doc.querySelector('style')?.textContent).not.toMatch(/url\(|@import/)
    // Nothing reaches outside the file: no address in any attribute, links stay in the page.
    expect(attributes(doc).filter((a) => /https?:|\/\//i.test(a))).toEqual([])
    for (const a of doc.querySelectorAll('a')) expect(a.getAttribute('href')).toMatch(/^#/)
  })

  it('groups events by year in date order, undated last, each with its date in words', () => {
    const headings = [...doc.querySelectorAll('main > section > h2')].map((h) => h.textContent)
    expect(headings.slice(0, 3)).toEqual(['2000', '2003', '2007'])
    const years = headings.slice(0, headings.indexOf('Undated'))
    expect(years.map(Number)).toEqual([...years.map(Number)].sort((a, b) => a - b))
    expect(headings.slice(headings.indexOf('Undated'))).toEqual([
      'Undated',
      'Highlights',
      'People and organisations',
      'Sources',
    ])
    const titles = [...doc.querySelectorAll('article.event h3')].map((h) => h.textContent)
    expect(titles).toEqual([...input.events].sort(compareByDate).map((e) => e.title))
    const day = doc.getElementById('event-anti-trafficking-day-2007')
    expect(day?.querySelector('.when')?.textContent).toBe('12 December 2007 · 2007-12-12')
  })

  it('shows quotes with citations linked to the sources, and marks a contradicting one', () => {
    const tip = doc.getElementById('event-tip-tier-3-downgrade-2022')!
    const against = tip.querySelector('figure.contradicts')!
    expect(against.querySelector('.stance')?.textContent).toBe('Contradicts this event:')
    expect(against.querySelector('blockquote')?.textContent).toBe(CONTRADICTING_QUOTE)
    const cite = against.querySelector('figcaption a')!
    expect(cite.getAttribute('href')).toBe('#source-ppp-interior-ministry-lauds')
    expect(doc.getElementById('source-ppp-interior-ministry-lauds')).not.toBeNull()
    expect(tip.textContent).toContain('Tagsdisputed, follow up')
    expect(tip.querySelector('.meta')?.textContent).toContain('single source, contradicted')
  })

  it('shows notes as plain text with their line breaks, and highlights by source', () => {
    const note = doc.querySelector('#event-anti-trafficking-day-2007 .note p:last-child')!
    expect(note.innerHTML).toBe('Ask the ministry for the 2007 sub-decree.<br>\nSecond line.')
    const mine = doc.getElementById('event-user-event-1')!
    expect(mine.querySelector('h3')?.textContent).toBe(USER_EVENT_TITLE)
    expect(mine.querySelector('h3 b')).toBeNull()
    const highlights = doc.getElementById('highlights')!
    expect(highlights.querySelector('h3')?.textContent).toBe(
      'Interior ministry lauds anti-trafficking work',
    )
    expect(highlights.querySelector('blockquote')?.textContent).toBe(HIGHLIGHT_QUOTE)
    expect(highlights.textContent).toContain('Check against the **court** figures.')
    expect(highlights.textContent).toContain('Tags: figures, covid')
  })

  it('lists every source with its checksum', () => {
    const sources = doc.querySelectorAll('#sources li')
    expect(sources).toHaveLength(input.articles.length)
    for (const a of input.articles) expect(html).toContain(`<code>${a.sha256}</code>`)
  })

  it('escapes hostile text everywhere, so it shows as written and nothing runs', () => {
    const evil = buildStandaloneHtml(hostileInput())
    const evilDoc = parse(evil)
    expect(evil.toLowerCase()).not.toContain('<script')
    expect(evil).not.toContain('<img')
    expect(evil).not.toContain('</style><')
    expect(evil).toContain('&lt;/style&gt;&lt;script&gt;alert(3)&lt;/script&gt;')
    expect(evil).toContain('&quot;&gt;&lt;img src=x onerror=alert(2)&gt;')
    expect(evilDoc.querySelectorAll('script, img, iframe')).toHaveLength(0)
    expect(evilDoc.querySelectorAll('style')).toHaveLength(1)
    expect(attributes(evilDoc).filter((a) => /^on/i.test(a))).toEqual([])
    expect(attributes(evilDoc).filter((a) => /https?:|javascript:/i.test(a))).toEqual([])
    for (const a of evilDoc.querySelectorAll('a'))
      expect(a.getAttribute('href')).toMatch(/^#[\w-]+$/)
    // The only <a> and <b> elements are the page's own: none came from the text.
    expect(evilDoc.querySelectorAll('b')).toHaveLength(0)
    // Each hostile string reads back as written: in the title, the event, the note.
    const event = evilDoc.querySelector('article.event')!
    expect(event.querySelector('h3')?.textContent).toBe(HOSTILE.join('\n'))
    expect(event.querySelector('.note p:last-child')?.textContent).toBe(HOSTILE.join('\n'))
    expect(evilDoc.querySelector('title')?.textContent).toBe(
      `${HOSTILE.join('\n')}: annotated timeline`,
    )
    expect(evilDoc.getElementById('sources')?.textContent).toContain(
      'http://evil.example/"><script>alert(6)</script>',
    )
  })
})

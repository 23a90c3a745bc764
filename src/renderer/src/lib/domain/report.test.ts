/// <reference types="node" />
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import MarkdownIt from 'markdown-it'
import type { Token } from 'markdown-it'
import { describe, expect, it } from 'vitest'
import type { Article, Corpus, TimelineEvent } from '$shared/corpus'
import { buildCorpus } from './corpus'
import { buildMarkdownReport } from './report'
import type { Note } from './types'

const root = resolve(process.cwd(), 'resources/corpus')
const manifest = JSON.parse(readFileSync(resolve(root, 'corpus.json'), 'utf8')) as {
  articles: { file: string }[]
}
const realCorpus = buildCorpus(
  manifest,
  Object.fromEntries(
    manifest.articles.map((a) => [a.file, readFileSync(resolve(root, a.file), 'utf8')]),
  ),
)

const generatedAt = new Date(Date.UTC(2026, 10, 23, 9, 30))

function article(overrides: Partial<Article> = {}): Article {
  return {
    id: 'a1',
    file: 'articles/a1.txt',
    sha256: 'ab'.repeat(32),
    title: 'A *bold* [claim]',
    outlet: null,
    byline: 'Jane Doe',
    published: { edtf: '2009-12', note: 'From the text.' },
    bodyLines: [1, 1],
    captionLine: null,
    language: 'en',
    raw: 'body',
    body: 'body',
    caption: null,
    ...overrides,
  }
}

function event(
  id: string,
  edtf: string | null,
  overrides: Partial<TimelineEvent> = {},
): TimelineEvent {
  return {
    id,
    title: `Event ${id}`,
    summary: `Summary of ${id}.`,
    date: { edtf, note: `Date note for ${id}.` },
    category: 'law-policy',
    people: [],
    organisations: [],
    evidence: [
      {
        articleId: 'a1',
        stance: 'supports',
        quote: { type: 'TextQuoteSelector', exact: `Quote for ${id}`, prefix: '', suffix: '' },
        position: { type: 'TextPositionSelector', start: 0, end: 1 },
      },
    ],
    ...overrides,
  }
}

function note(eventId: string, body: string, overrides: Partial<Note> = {}): Note {
  return {
    id: `note-${eventId}`,
    eventId,
    body,
    createdAt: Date.UTC(2026, 10, 20, 8, 5, 42),
    updatedAt: Date.UTC(2026, 10, 21, 17, 45),
    ...overrides,
  }
}

const md = new MarkdownIt({ html: true })

/** Headings outside any block quote or list, as [level, text]. */
function outline(markdown: string): [number, string][] {
  const tokens = md.parse(markdown, {})
  const result: [number, string][] = []
  tokens.forEach((t: Token, i) => {
    if (t.type === 'heading_open' && t.level === 0) {
      result.push([Number(t.tag.slice(1)), tokens[i + 1]?.content ?? ''])
    }
  })
  return result
}

/** Block tokens of one type that sit at the top level of the document. */
function topLevel(markdown: string, type: string): Token[] {
  return md.parse(markdown, {}).filter((t) => t.type === type && t.level === 0)
}

describe('buildMarkdownReport', () => {
  const corpus: Corpus = {
    title: 'Test corpus',
    articles: [article()],
    events: [
      event('undated-b', null, { title: 'Beta undated' }),
      event('late', '2023-03-28/..'),
      event('early', '2000'),
      event('open', '[..2009-12]'),
      event('day', '2007-12-12'),
      event('undated-a', null, { title: 'Alpha undated' }),
    ],
  }

  it('opens with the title, date, counts and how events are ordered', () => {
    const report = buildMarkdownReport({ corpus, notes: [], generatedAt, appVersion: '0.1.0' })
    const [title, line] = report.split('\n\n')
    expect(title).toBe('# Test corpus: annotated timeline')
    expect(line).toBe(
      'Exported 23 November 2026 from Sourceline 0.1.0. 6 events, 0 notes, 1 source. ' +
        'Events are in order of their earliest possible date; undated events come last.',
    )
  })

  it('lists events in date order with undated ones last, then the sources', () => {
    const report = buildMarkdownReport({ corpus, notes: [], generatedAt })
    expect(outline(report).filter(([level]) => level <= 2)).toEqual([
      [1, 'Test corpus: annotated timeline'],
      [2, '2000 — Event early'],
      [2, '12 December 2007 — Event day'],
      [2, 'On or before December 2009 — Event open'],
      [2, 'On or after 28 March 2023 — Event late'],
      [2, 'Undated — Alpha undated'],
      [2, 'Undated — Beta undated'],
      [2, 'Sources'],
    ])
  })

  it('gives category, EDTF, date note and summary under each event', () => {
    const report = buildMarkdownReport({ corpus, notes: [], generatedAt })
    expect(report).toContain(
      '## On or before December 2009 — Event open\n\n' +
        '*Law and policy · `[..2009-12]`*\n\n' +
        'Date: Date note for open.\n\n' +
        'Summary of open.\n\n' +
        '### Evidence\n\n' +
        '> Quote for open\n\n' +
        '— outlet not named, “A \\*bold\\* \\[claim\\]”, December 2009, by Jane Doe',
    )
    expect(report).toContain('## Undated — Alpha undated\n\n*Law and policy · undated*')
  })

  it('quotes evidence as block quotes, each followed by its citation', () => {
    const report = buildMarkdownReport({ corpus: realCorpus, notes: [], generatedAt })
    for (const e of realCorpus.events) {
      for (const evidence of e.evidence) {
        const source = realCorpus.articles.find((a) => a.id === evidence.articleId)!
        const cited = `— ${source.outlet ?? 'outlet not named'}, “${source.title}”`
        expect(report).toContain(`> ${evidence.quote.exact}\n\n${cited}`)
      }
    }
    expect(report).toContain(
      '— Khmer Times, “China agrees on anti-human trafficking cooperation”, undated, by Mom Kunthear',
    )
    expect(report).toContain(
      '— Phnom Penh Post, “Interior ministry lauds anti-trafficking work”, on or after 12 August 2022',
    )
  })

  it('puts every real event in the report, in compareByDate order', () => {
    const report = buildMarkdownReport({ corpus: realCorpus, notes: [], generatedAt })
    const headings = outline(report).filter(([level]) => level === 2)
    expect(headings).toHaveLength(realCorpus.events.length + 1)
    expect(headings[0]?.[1]).toBe('2000 — Government commits to fighting human trafficking')
    expect(headings.at(-2)?.[1]).toMatch(/^Undated — /)
    const firstUndated = headings.findIndex(([, text]) => text.startsWith('Undated'))
    expect(headings.slice(firstUndated, -1).every(([, text]) => text.startsWith('Undated'))).toBe(
      true,
    )
  })

  it('adds notes under their event with their times in UTC', () => {
    const notes = [
      note('day', 'First line of my note.\n\nSecond paragraph with [a link](https://example.org).'),
    ]
    const report = buildMarkdownReport({ corpus, notes, generatedAt })
    expect(report).toContain(
      '### Notes\n\n' +
        '*Created 2026-11-20T08:05Z; updated 2026-11-21T17:45Z*\n\n' +
        '> First line of my note.\n>\n> Second paragraph with [a link](https://example.org).\n\n' +
        '## On or before December 2009',
    )
    expect(report).toContain('1 note,')
  })

  it('keeps a hostile note inside its block quote', () => {
    const hostile = note(
      'day',
      '## x\n<img src=x onerror=alert(1)>\n---\n```\nunclosed fence\n\n# y\n===',
    )
    const plain = buildMarkdownReport({ corpus, notes: [], generatedAt })
    const report = buildMarkdownReport({ corpus, notes: [hostile], generatedAt })
    // The note adds one '### Notes' heading and nothing else to the outline.
    const expected = outline(plain)
    expected.splice(
      expected.findIndex(([, t]) => t.startsWith('On or before')),
      0,
      [3, 'Notes'],
    )
    expect(outline(report)).toEqual(expected)
    expect(topLevel(report, 'hr')).toEqual([])
    expect(topLevel(report, 'html_block')).toEqual([])
    expect(topLevel(report, 'fence')).toEqual([])
    expect(report).toContain('> ## x\n> <img src=x onerror=alert(1)>\n> ---\n')
  })

  it('escapes corpus text that would change the structure', () => {
    const tricky: Corpus = {
      ...corpus,
      events: [
        event('tricky', '2008', {
          title: 'Title with a closing #',
          summary: '# Not a heading\n- not a list\n1. not a list\n---',
          people: ['*Starred*'],
          evidence: [
            {
              articleId: 'a1',
              stance: 'contradicts',
              quote: {
                type: 'TextQuoteSelector',
                exact: '# hash\n> gt\n- dash\n\n  2) two\n<b>bold</b> and `code`',
                prefix: '',
                suffix: '',
              },
              position: { type: 'TextPositionSelector', start: 0, end: 1 },
            },
          ],
        }),
      ],
    }
    const report = buildMarkdownReport({ corpus: tricky, notes: [], generatedAt })
    expect(outline(report)).toEqual([
      [1, 'Test corpus: annotated timeline'],
      [2, '2008 — Title with a closing \\#'],
      [3, 'Evidence'],
      [2, 'Sources'],
      [3, 'A \\*bold\\* \\[claim\\]'],
    ])
    expect(report).toContain(
      'Contradicts this event:\n\n' +
        '> \\# hash\n> \\> gt\n> \\- dash\n>\n> 2\\) two\n> \\<b>bold\\</b> and \\`code\\`\n\n—',
    )
    expect(topLevel(report, 'bullet_list_open')).toHaveLength(1) // the source's details only
    expect(topLevel(report, 'ordered_list_open')).toEqual([])
    expect(topLevel(report, 'hr')).toEqual([])
    const html = md.render(report)
    expect(html).toContain('<h2>2008 — Title with a closing #</h2>')
    expect(html).toContain('People: *Starred*')
    expect(html).toContain('&lt;b&gt;bold&lt;/b&gt; and `code`')
  })

  it('keeps notes on events that are not in the corpus', () => {
    const report = buildMarkdownReport({
      corpus,
      notes: [note('gone', 'Still here.')],
      generatedAt,
    })
    expect(report).toContain('## Other notes')
    expect(report).toContain('### Event `gone`')
    expect(report).toContain('> Still here.')
  })

  it('lists every source with outlet, byline, date, file and checksum', () => {
    const report = buildMarkdownReport({ corpus: realCorpus, notes: [], generatedAt })
    const sources = report.slice(report.indexOf('## Sources'))
    for (const a of realCorpus.articles) {
      expect(sources).toContain(`### ${a.title}`)
      expect(sources).toContain(`- File: \`${a.file}\``)
      expect(sources).toContain(`- SHA-256: \`${a.sha256}\``)
    }
    expect(sources).toContain('- Outlet: not named (The text names no outlet;')
    expect(sources).toContain('- Byline: Buth Reaksmey Kongkea')
    expect(sources).toContain(
      '- Published: between 10 and 31 December 2009 — Between 10 and 31 December 2009',
    )
    expect(sources).toContain('- Published: Undated — The text gives no date.')
    expect(report.endsWith('\n')).toBe(true)
  })
})

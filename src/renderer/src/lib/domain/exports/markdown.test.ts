/// <reference types="node" />
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import MarkdownIt from 'markdown-it'
import type { Token } from 'markdown-it'
import { describe, expect, it } from 'vitest'
import type { Article, Corpus, TimelineEvent } from '$shared/corpus'
import { buildCorpus } from '../corpus'
import { combineEvents } from '../events'
import type { Note } from '../types'
import { buildReport } from './markdown'
import { CONTRADICTING_QUOTE, HIGHLIGHT_QUOTE, realExportInput } from './test-fixture'

const input = realExportInput()
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

function section(report: string, heading: string): string {
  const start = report.indexOf(`\n${heading}\n`)
  expect(start).toBeGreaterThanOrEqual(0)
  const next = report.indexOf('\n## ', start + heading.length + 2)
  return report.slice(start, next < 0 ? undefined : next)
}

describe('buildReport', () => {
  const report = buildReport(input)

  it('opens with the title and counts, highlights included', () => {
    expect(report.split('\n\n').slice(0, 2)).toEqual([
      '# Cambodia’s fight against human trafficking, 2000–2023: annotated timeline',
      'Exported 23 November 2026 from Sourceline 0.1.0. 24 events, 2 notes, 1 highlight, ' +
        '5 sources. Events are in order of their earliest possible date; undated events come last.',
    ])
  })

  it('has the events, then highlights, people and organisations, and sources', () => {
    const top = outline(report).filter(([level]) => level === 2)
    expect(top).toHaveLength(input.events.length + 3)
    expect(top.slice(-3).map(([, text]) => text)).toEqual([
      'Highlights',
      'People and organisations',
      'Sources',
    ])
  })

  it('marks a contradicting quote, the quotes the user added and the event’s tags', () => {
    const tip = section(report, '## July 2022 — US TIP report downgrades Cambodia to Tier 3')
    expect(tip).toContain('Tags: disputed, follow up')
    expect(tip).toContain(
      `Contradicts this event:\n\n> ${CONTRADICTING_QUOTE}\n\n` +
        '— Phnom Penh Post, “Interior ministry lauds anti-trafficking work”, on or after ' +
        '12 August 2022 (quote added by you)',
    )
  })

  it('includes the user’s own event with its people, organisations and notes', () => {
    const mine = section(
      report,
      '## Circa September 2022 — Follow-up raids & “arrests”, \\<b>per\\</b> the ministry',
    )
    expect(mine).toContain('*Enforcement and figures · `2022-09~` · your own event*')
    expect(mine).toContain('People: Bun Eng')
    expect(mine).toContain('Organisations: Ministry of Interior')
    expect(mine).toContain('No quote has been attached to this event yet.')
    expect(mine).toContain(
      '### Notes\n\n*Created 2026-11-20T08:05Z*\n\n> =1+1 looks like a formula',
    )
  })

  it('lists highlights under their source with tags and note', () => {
    const highlights = section(report, '## Highlights')
    expect(highlights).toContain(
      '### Interior ministry lauds anti-trafficking work\n\n' +
        `> ${HIGHLIGHT_QUOTE}\n\n` +
        '*Highlighted 2026-11-20T08:05Z* · Tags: figures, covid\n\n' +
        'Note:\n\n> Check against the **court** figures.',
    )
  })

  it('indexes people and organisations under their catalogue names', () => {
    const people = section(report, '## People and organisations')
    // "Bun Eng" on the user's event is an alias of Chou Bun Eng: one entry, both events.
    const line = people.split('\n').find((l) => l.startsWith('- Chou Bun Eng'))
    expect(line).toMatch(/^- Chou Bun Eng \(also Bun Eng, Ms Bun Eng\) — \d+ events: /)
    expect(line).toContain('Follow-up raids')
    expect(line).toContain('Chou Bun Eng calls the Tier 3 downgrade unjust')
    expect(people).toContain('### People')
    expect(people).toContain('### Organisations')
    expect(buildReport({ ...input, entities: undefined })).not.toContain('## People and')
  })

  it('keeps a hostile highlight note inside its block quote', () => {
    const hostile = '## x\n<img src=x onerror=alert(1)>\n---\n```\nunclosed'
    const [h] = input.highlights
    const plain = buildReport({ ...input, highlights: [{ ...h!, note: 'fine' }] })
    const evil = buildReport({ ...input, highlights: [{ ...h!, note: hostile, tags: ['# t'] }] })
    expect(outline(evil)).toEqual(outline(plain))
    const top = (type: string) => md.parse(evil, {}).filter((t) => t.type === type && t.level === 0)
    expect(top('html_block')).toEqual([])
    expect(top('fence')).toEqual([])
    expect(top('hr')).toEqual([])
  })

  it('gives an address as a code span, never a link', () => {
    const [first, ...rest] = input.articles
    const withUrl = buildReport({
      ...input,
      articles: [{ ...first!, url: 'https://example.org/a_(b)' }, ...rest],
    })
    expect(withUrl).toContain('- Address: `https://example.org/a_(b)`')
  })
})

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

/** The report for a corpus as curated (no user events, quotes or highlights) and some notes. */
function reportOf(corpus: Corpus, notes: Note[], appVersion?: string): string {
  return buildReport({
    title: corpus.title,
    generatedAt,
    articles: corpus.articles,
    events: combineEvents(corpus.events, [], [], []),
    notes,
    highlights: [],
    ...(appVersion === undefined ? {} : { appVersion }),
  })
}

/** Block tokens of one type that sit at the top level of the document. */
function topLevel(markdown: string, type: string): Token[] {
  return md.parse(markdown, {}).filter((t) => t.type === type && t.level === 0)
}

describe('buildReport: structure and escaping', () => {
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
    const report = reportOf(corpus, [], '0.1.0')
    const [title, line] = report.split('\n\n')
    expect(title).toBe('# Test corpus: annotated timeline')
    expect(line).toBe(
      'Exported 23 November 2026 from Sourceline 0.1.0. 6 events, 0 notes, 1 source. ' +
        'Events are in order of their earliest possible date; undated events come last.',
    )
  })

  it('lists events in date order with undated ones last, then the sources', () => {
    const report = reportOf(corpus, [])
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
    const report = reportOf(corpus, [])
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
    const report = reportOf(realCorpus, [])
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
    const report = reportOf(realCorpus, [])
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
    const report = reportOf(corpus, notes)
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
    const plain = reportOf(corpus, [])
    const report = reportOf(corpus, [hostile])
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
    const report = reportOf(tricky, [])
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
    const report = reportOf(corpus, [note('gone', 'Still here.')])
    expect(report).toContain('## Other notes')
    expect(report).toContain('### Event `gone`')
    expect(report).toContain('> Still here.')
  })

  it('lists every source with outlet, byline, date, file and checksum', () => {
    const report = reportOf(realCorpus, [])
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

import MarkdownIt from 'markdown-it'
import type { Token } from 'markdown-it'
import { describe, expect, it } from 'vitest'
import { buildMarkdownReport } from '../report'
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

  it('is what buildMarkdownReport gives for the same events and notes', () => {
    const legacy = buildMarkdownReport({
      corpus: { title: input.title, articles: input.articles, events: input.events },
      notes: input.notes,
      generatedAt: input.generatedAt,
      appVersion: '0.1.0',
    })
    expect(legacy).toBe(buildReport({ ...input, highlights: [], entities: undefined }))
  })
})

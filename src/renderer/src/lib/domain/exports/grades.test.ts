import { describe, expect, it } from 'vitest'
import { buildCsv, CSV_COLUMNS } from './csv'
import { buildCslJson } from './csl'
import { buildStandaloneHtml } from './html'
import { buildReport } from './markdown'
import { buildTimelineJs } from './timelinejs'
import { gradedExportInput, realExportInput } from './test-fixture'

const QUOTE_GRADE =
  'B2: source B — usually reliable (reason: Wire copy, usually accurate); quote 2 — probably true'

describe('grades in the exports', () => {
  const input = gradedExportInput()

  it('Markdown: each graded quote, the support line, the source, the highlight, the explained conflict', () => {
    const md = buildReport(input)
    expect(md).toContain(`Grade: ${QUOTE_GRADE}`)
    expect(md).toContain('Support: strong support, best B2: usually reliable source; probably true')
    expect(md).toContain(
      '- Reliability: B — usually reliable (reason: Wire copy, usually accurate)',
    )
    expect(md).toContain('Credibility: 4 — doubtful (reason: Not what the court said)')
    expect(md).toContain('## Conflicts explained')
    expect(md).toContain(
      '- Quotes for and against “US TIP report downgrades Cambodia to Tier 3”: The ministry disputes it.',
    )
  })

  it('Markdown without grades says nothing about them', () => {
    const md = buildReport(realExportInput())
    expect(md).not.toContain('Support:')
    expect(md).not.toContain('Grade:')
  })

  it('CSV: a Support and a Grades column, one grade line per quote', () => {
    const csv = buildCsv(input)
    expect(CSV_COLUMNS).toContain('Support')
    expect(CSV_COLUMNS).toContain('Grades')
    expect(csv).toContain(QUOTE_GRADE)
    expect(csv).toContain('strong support, best B2')
    expect(csv).toContain('ungraded')
  })

  it('HTML, TimelineJS and CSL-JSON carry the grades in words', () => {
    const html = buildStandaloneHtml(input)
    expect(html).toContain('Grade: B2: source B — usually reliable')
    expect(html).toContain('<dt>Reliability</dt><dd>B — usually reliable')
    expect(html).toContain('Conflicts explained')
    const slides = JSON.stringify(buildTimelineJs(input))
    expect(slides).toContain('Grade: B2: source B — usually reliable')
    expect(slides).toContain('Support: strong support')
    const item = buildCslJson(input).find((i) => i.id === 'ppp-interior-ministry-lauds')
    expect(item?.note).toContain(
      'Reliability (Admiralty): B — usually reliable (reason: Wire copy, usually accurate)',
    )
  })
})

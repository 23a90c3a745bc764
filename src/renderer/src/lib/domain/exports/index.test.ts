import { describe, expect, it } from 'vitest'
import { buildCsv } from './csv'
import { buildStandaloneHtml } from './html'
import { buildExportText, EXPORT_FILE_TYPES, exportFileName } from './index'
import type { ExportKind, TextExportKind } from './index'
import { buildReport } from './markdown'
import { realExportInput } from './test-fixture'

describe('exportFileName', () => {
  const when = new Date(Date.UTC(2026, 10, 23, 23, 59))

  it('names each kind with the UTC day and its extension', () => {
    const kinds: ExportKind[] = [
      'markdown',
      'csv',
      'timelinejs',
      'annotations',
      'csl',
      'html',
      'pdf',
      'png',
    ]
    expect(kinds.map((k) => exportFileName(k, when))).toEqual([
      'sourceline-report-2026-11-23.md',
      'sourceline-events-2026-11-23.csv',
      'sourceline-timelinejs-2026-11-23.json',
      'sourceline-annotations-2026-11-23.jsonld',
      'sourceline-sources-csl-2026-11-23.json',
      'sourceline-timeline-2026-11-23.html',
      'sourceline-timeline-2026-11-23.pdf',
      'sourceline-timeline-view-2026-11-23.png',
    ])
    for (const k of kinds) {
      expect(exportFileName(k, when).endsWith(`.${EXPORT_FILE_TYPES[k].extensions[0]}`)).toBe(true)
    }
  })

  it('still names a file for an invalid date', () => {
    expect(exportFileName('csv', new Date(Number.NaN))).toBe('sourceline-events-undated.csv')
  })
})

describe('buildExportText', () => {
  const input = realExportInput()

  it('gives each text format its builder’s output', () => {
    expect(buildExportText('markdown', input)).toBe(buildReport(input))
    expect(buildExportText('csv', input)).toBe(buildCsv(input))
    expect(buildExportText('html', input)).toBe(buildStandaloneHtml(input))
  })

  it('writes the JSON formats as parseable, indented JSON', () => {
    const kinds: TextExportKind[] = ['timelinejs', 'annotations', 'csl']
    for (const kind of kinds) {
      const text = buildExportText(kind, input)
      expect(() => JSON.parse(text) as unknown).not.toThrow()
      expect(text).toMatch(/^[[{]\n {2}\S/)
    }
  })
})

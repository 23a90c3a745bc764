import { describe, expect, it } from 'vitest'
import { EXPORT_FILE_TYPES, exportFileName } from './index'
import type { ExportKind } from './index'

describe('exportFileName', () => {
  const when = new Date(Date.UTC(2026, 10, 23, 23, 59))

  it('names each kind with the UTC day and its extension', () => {
    const kinds: ExportKind[] = ['markdown', 'csv', 'timelinejs', 'annotations', 'csl', 'html']
    expect(kinds.map((k) => exportFileName(k, when))).toEqual([
      'sourceline-report-2026-11-23.md',
      'sourceline-events-2026-11-23.csv',
      'sourceline-timelinejs-2026-11-23.json',
      'sourceline-annotations-2026-11-23.jsonld',
      'sourceline-sources-csl-2026-11-23.json',
      'sourceline-timeline-2026-11-23.html',
    ])
    for (const k of kinds) {
      expect(exportFileName(k, when).endsWith(`.${EXPORT_FILE_TYPES[k].extensions[0]}`)).toBe(true)
    }
  })

  it('still names a file for an invalid date', () => {
    expect(exportFileName('csv', new Date(Number.NaN))).toBe('sourceline-events-undated.csv')
  })
})

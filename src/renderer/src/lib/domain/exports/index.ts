/**
 * The export formats in one place: each builds its file from the same ExportInput, and
 * `exportFileName` names the file the save dialog suggests, with the file type each is saved as.
 */
export type { ExportArticle, ExportEntity, ExportInput } from './input'
import { buildWebAnnotations } from './annotations'
import { buildCslJson } from './csl'
import { buildCsv } from './csv'
import { buildStandaloneHtml } from './html'
import type { ExportInput } from './input'
import { buildReport } from './markdown'
import { buildTimelineJs } from './timelinejs'

export { buildReport } from './markdown'
export { buildCsv, CSV_COLUMNS } from './csv'
export { buildTimelineJs } from './timelinejs'
export type { TimelineJsData, TimelineJsDate, TimelineJsSlide } from './timelinejs'
export { buildWebAnnotations } from './annotations'
export type { AnnotationCollection, AnnotationPage, WebAnnotation } from './annotations'
export { buildCslJson } from './csl'
export type { CslDate, CslItem, CslName } from './csl'
export { buildStandaloneHtml, HTML_CSP, HTML_STYLE } from './html'
export { scopeExportInput } from './scope'
export type { ExportScope } from './scope'

/** The text formats built here, then PDF (the HTML printed) and PNG (a picture of the view). */
export type ExportKind =
  'markdown' | 'csv' | 'timelinejs' | 'annotations' | 'csl' | 'html' | 'pdf' | 'png'

export interface ExportFileType {
  /** What the save dialog calls the type. */
  filterName: string
  /** Extensions without the dot, the first the one used. */
  extensions: string[]
  mediaType: string
}

export const EXPORT_FILE_TYPES: Record<ExportKind, ExportFileType> = {
  markdown: { filterName: 'Markdown', extensions: ['md'], mediaType: 'text/markdown' },
  csv: { filterName: 'CSV spreadsheet', extensions: ['csv'], mediaType: 'text/csv' },
  timelinejs: {
    filterName: 'TimelineJS JSON',
    extensions: ['json'],
    mediaType: 'application/json',
  },
  annotations: {
    filterName: 'W3C Web Annotations (JSON-LD)',
    extensions: ['jsonld', 'json'],
    mediaType: 'application/ld+json',
  },
  csl: { filterName: 'CSL-JSON bibliography', extensions: ['json'], mediaType: 'application/json' },
  html: { filterName: 'Web page', extensions: ['html'], mediaType: 'text/html' },
  pdf: { filterName: 'PDF document', extensions: ['pdf'], mediaType: 'application/pdf' },
  png: { filterName: 'PNG image', extensions: ['png'], mediaType: 'image/png' },
}

const STEMS: Record<ExportKind, string> = {
  markdown: 'report',
  csv: 'events',
  timelinejs: 'timelinejs',
  annotations: 'annotations',
  csl: 'sources-csl',
  html: 'timeline',
  pdf: 'timeline',
  png: 'timeline-view',
}

/**
 * 'sourceline-report-2026-11-23.md' and the like. The day is the UTC one, as in the "Exported"
 * line the Markdown and HTML files carry, so a file's name and its contents agree.
 */
export function exportFileName(kind: ExportKind, date: Date): string {
  const day = Number.isFinite(date.getTime()) ? date.toISOString().slice(0, 10) : 'undated'
  return `sourceline-${STEMS[kind]}-${day}.${EXPORT_FILE_TYPES[kind].extensions[0]}`
}

/** The formats that are text built here; PDF and PNG are made from the page or the view. */
export type TextExportKind = Exclude<ExportKind, 'pdf' | 'png'>

/** The file's text for a text format. JSON is indented so a person can read and diff it. */
export function buildExportText(kind: TextExportKind, input: ExportInput): string {
  switch (kind) {
    case 'markdown':
      return buildReport(input)
    case 'csv':
      return buildCsv(input)
    case 'timelinejs':
      return `${JSON.stringify(buildTimelineJs(input), null, 2)}\n`
    case 'annotations':
      return `${JSON.stringify(buildWebAnnotations(input), null, 2)}\n`
    case 'csl':
      return `${JSON.stringify(buildCslJson(input), null, 2)}\n`
    case 'html':
      return buildStandaloneHtml(input)
  }
}
export { chunked, encodeExport, encodePieces, exportPieces, jsonFile, jsonPieces } from './pieces'
export type { ExportPieces, StreamedKind } from './pieces'

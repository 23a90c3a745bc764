/**
 * The sources as CSL-JSON, the data format of Zotero and citeproc-based reference managers: one
 * item per article with its outlet, byline, publication date (from EDTF), address when known, and
 * a note holding the date's reasoning and the file's SHA-256.
 */
import { describeDate } from '../dates'
import { placeDate } from './common'
import type { CalendarParts } from './common'
import type { GradeBook } from '../grading'
import { gradeBook, reliabilityText } from './grades'
import type { ExportArticle, ExportInput } from './input'

export interface CslName {
  family?: string
  given?: string
  literal?: string
}

export interface CslDate {
  'date-parts'?: [number, number?, number?][]
  circa?: boolean
  literal?: string
}

export interface CslItem {
  id: string
  type: 'article-newspaper' | 'post-weblog'
  title: string
  'container-title'?: string
  author?: CslName[]
  issued?: CslDate
  URL?: string
  language: string
  note: string
}

function isBlog(article: ExportArticle): boolean {
  return /\bblog/i.test(`${article.outlet ?? ''} ${article.outletNote ?? ''}`)
}

/**
 * Authors from a byline. Only "Family, Given" says which part is the family name: name order
 * differs between cultures (the corpus's Khmer bylines put the family name first), so any other
 * name is kept whole as a literal rather than split wrongly.
 */
export function bylineAuthors(byline: string): CslName[] {
  return byline
    .replace(/^\s*by\s+/i, '')
    .split(/\s*(?:;|&|\band\b)\s*/i)
    .map((name) => name.trim())
    .filter((name) => name !== '')
    .map((name) => {
      const parts = name.split(',').map((p) => p.trim())
      if (parts.length === 2 && parts[0] && parts[1]) return { family: parts[0], given: parts[1] }
      return { literal: name }
    })
}

function dateParts(parts: CalendarParts): [number, number?, number?] {
  if (parts.month === undefined) return [parts.year]
  if (parts.day === undefined) return [parts.year, parts.month]
  return [parts.year, parts.month, parts.day]
}

/**
 * A plain or approximate year, month or day as date-parts (circa for approximate), and a closed
 * interval as a date-parts range. Anything else (an open, uncertain or one-of date) is its words
 * in `literal`, without `raw`: citeproc reads `raw` first and prints an open interval such as
 * '2023-03-28/..' as the plain date 28 March 2023, claiming what the text does not say. The EDTF
 * itself is kept in the item's note. Undated articles have no `issued` (APA's "n.d.").
 */
export function issuedDate(article: ExportArticle): CslDate | undefined {
  const { published } = article
  if (published.edtf === null) return undefined
  const placed = placeDate(published)
  if (placed?.kind === 'plain') return { 'date-parts': [dateParts(placed.start)] }
  if (placed?.kind === 'qualified' && !placed.uncertain) {
    return { 'date-parts': [dateParts(placed.start)], circa: true }
  }
  if (placed?.kind === 'span' && placed.range && placed.end !== null) {
    return { 'date-parts': [dateParts(placed.start), dateParts(placed.end)] }
  }
  return { literal: describeDate(published) }
}

function item(article: ExportArticle, grades: GradeBook): CslItem {
  const issued = issuedDate(article)
  const { edtf, note } = article.published
  const reliability = reliabilityText(article.id, grades)
  const dateNote = edtf === null ? `Date: ${note}` : `Date (EDTF ${edtf}): ${note}`
  return {
    id: article.id,
    type: isBlog(article) ? 'post-weblog' : 'article-newspaper',
    title: article.title,
    ...(article.outlet === null ? {} : { 'container-title': article.outlet }),
    ...(article.byline === null ? {} : { author: bylineAuthors(article.byline) }),
    ...(issued === undefined ? {} : { issued }),
    ...(article.url ? { URL: article.url } : {}),
    language: article.language,
    note: `${dateNote}\nSHA-256: ${article.sha256}${reliability === null ? '' : `\nReliability (Admiralty): ${reliability}`}`,
  }
}

/** One CSL-JSON item per article, in the order given: JSON.stringify the array for a file. */
export function buildCslJson(input: ExportInput): CslItem[] {
  const grades = gradeBook(input)
  return input.articles.map((a) => item(a, grades))
}

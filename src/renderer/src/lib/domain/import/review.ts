/**
 * The person's check of an imported article before it is saved (and of its details later): the
 * date typed as words or EDTF and said back, the address, the fields as they will be stored, a
 * preview of the text, and the names given to pasted text. Pure: the form and the importer call
 * these, so what they decide is tested without a window.
 */
import type { Dating } from '$shared/corpus'
import { describeDate } from '../dates'
import { parseUserDate } from '../user-dates'
import { httpUrl, type DraftDate } from './draft'

/**
 * Bidirectional embeddings, overrides and isolates. Title, outlet, byline and file name appear
 * inline all over the app (lists, menus, messages), where an unclosed U+202E would reorder the
 * app's own words after it, so they are removed from those fields. The body keeps them: quotes
 * must match it, and each paragraph is shown as its own block.
 */
const DIRECTION_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001F\u007F]/g

/** The text without direction controls, and how many were removed. */
export function withoutDirectionControls(text: string): { text: string; removed: number } {
  const removed = text.match(DIRECTION_CONTROLS)?.length ?? 0
  return { text: removed ? text.replace(DIRECTION_CONTROLS, '') : text, removed }
}

/** A file name safe to show and store: no direction or control characters, never empty. */
export function cleanFileName(name: string): string {
  const clean = withoutDirectionControls(name).text.replace(CONTROL, '').trim()
  return clean === '' ? 'article' : clean
}

/** What the form shows under the date field. */
export type DateReview =
  | { kind: 'empty'; message: string }
  | { kind: 'ok'; edtf: string; words: string }
  | { kind: 'error'; message: string }

/** The date field's first value: the EDTF the file's date was read as, else the file's words. */
export function initialDateText(fromFile: DraftDate | null): string {
  if (!fromFile) return ''
  return fromFile.edtf ?? fromFile.text
}

/** The typed date, read as the event form reads dates; nothing is guessed. */
export function reviewDate(input: string, fromFile: DraftDate | null): DateReview {
  const text = input.trim()
  if (text === '') {
    if (fromFile && fromFile.text !== '' && fromFile.edtf === null)
      return {
        kind: 'empty',
        message: `The file gives “${fromFile.text}”, which is not a date Sourceline can read — type it, or leave empty to keep the article undated.`,
      }
    return {
      kind: 'empty',
      message: fromFile
        ? 'No date in the file — leave empty to keep it undated.'
        : 'No date — leave empty to keep it undated.',
    }
  }
  const read = parseUserDate(text)
  return read.ok
    ? { kind: 'ok', edtf: read.edtf, words: read.words }
    : { kind: 'error', message: read.error }
}

/**
 * The publication date as stored, with its note saying where it comes from (the note is
 * required: an undated article says why). `previous` is the stored date when editing.
 */
export function datingFrom(
  input: string,
  fromFile: DraftDate | null,
  previous: Dating | null = null,
): Dating | { error: string } {
  const review = reviewDate(input, fromFile)
  if (review.kind === 'error') return { error: review.message }
  if (review.kind === 'empty') {
    if (previous && previous.edtf === null) return previous
    if (fromFile && fromFile.text !== '')
      return {
        edtf: null,
        note: `The file gives “${fromFile.text}”, which was not read as a date; left undated.`,
      }
    return { edtf: null, note: fromFile ? 'No date in the file.' : 'Left undated.' }
  }
  if (previous && previous.edtf === review.edtf) return previous
  if (fromFile && fromFile.edtf === review.edtf)
    return { edtf: review.edtf, note: `As the file gives it: “${fromFile.text}”.` }
  return { edtf: review.edtf, note: `Entered by hand as “${input.trim()}”.` }
}

/** The date in words for the reader, or null when undated. */
export function dateInWords(dating: Dating): string | null {
  return dating.edtf ? describeDate(dating) : null
}

/** The address field: empty, or an absolute http(s) address. */
export function reviewUrl(
  input: string,
): { ok: true; url: string | null } | { ok: false; error: string } {
  const text = input.trim()
  if (text === '') return { ok: true, url: null }
  const url = httpUrl(text)
  return url && /^https?:\/\/[^\s]+$/i.test(text)
    ? { ok: true, url }
    : {
        ok: false,
        error:
          'The address must start with http:// or https:// (for example https://example.org/news/1).',
      }
}

/** A title, outlet or byline as it will be stored, with direction controls removed. */
export function cleanField(input: string): { text: string; removed: number } {
  const { text, removed } = withoutDirectionControls(input)
  return { text: text.replace(/\s+/g, ' ').trim(), removed }
}

/** The first paragraphs of the text, each cut to a readable length, for the review preview. */
export function previewParagraphs(body: string, count = 3, maxChars = 400): string[] {
  return body
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .slice(0, count)
    .map((p) => {
      const chars = Array.from(p)
      return chars.length > maxChars ? chars.slice(0, maxChars - 1).join('') + '…' : p
    })
}

/** What was pasted, as a file to import: HTML when the clipboard has it, else plain text. */
export interface PastedFile {
  name: string
  content: string
  type: 'text/html' | 'text/plain'
}

function stamp(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return (
    `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())} ` +
    `${pad(now.getHours())}.${pad(now.getMinutes())}.${pad(now.getSeconds())}`
  )
}

/** The clipboard's HTML or text as a named file, or null when it holds no text at all. */
export function pastedFile(html: string, text: string, now: Date): PastedFile | null {
  if (html.trim() !== '')
    return { name: `Pasted ${stamp(now)}.html`, content: html, type: 'text/html' }
  if (text.trim() !== '')
    return { name: `Pasted ${stamp(now)}.txt`, content: text, type: 'text/plain' }
  return null
}

/** What deleting an imported article does, said before it is done. */
export function deleteConsequence(
  title: string,
  evidence: number,
  highlights: number,
): { allowed: boolean; message: string } {
  if (evidence + highlights === 0)
    return {
      allowed: true,
      message: `Delete “${title}”? No highlight or evidence quotes it. Its text and the original file are removed from Sourceline; Undo (Ctrl+Z) brings them back.`,
    }
  const uses = [
    evidence > 0 ? `${evidence} piece${evidence === 1 ? '' : 's'} of evidence` : '',
    highlights > 0 ? `${highlights} highlight${highlights === 1 ? '' : 's'}` : '',
  ].filter(Boolean)
  return {
    allowed: false,
    message: `“${title}” cannot be deleted while ${uses.join(' and ')} quote${evidence + highlights === 1 ? 's' : ''} it: they would point at nothing. Delete those first; nothing has been changed.`,
  }
}

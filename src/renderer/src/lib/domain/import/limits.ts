/**
 * What an article file may be before it is read: its kind (by extension) and its size. Files are
 * refused up front with a message that names the file and says what would be accepted, so nobody
 * waits for a 200 MB page to parse only to be told no.
 */
import { formatBytes } from '../bytes'

/** Ten megabytes (SI, as file managers show them): far above any article, below a browser hang. */
export const MAX_IMPORT_BYTES = 10_000_000

export type ArticleMediaType = 'text/html' | 'text/markdown' | 'text/plain'

const MEDIA_TYPES: ReadonlyMap<string, ArticleMediaType> = new Map([
  ['html', 'text/html'],
  ['htm', 'text/html'],
  ['md', 'text/markdown'],
  ['markdown', 'text/markdown'],
  ['txt', 'text/plain'],
])

/** The extensions accepted, with their dots, for a file picker's `accept`. */
export const IMPORT_EXTENSIONS: readonly string[] = [...MEDIA_TYPES.keys()].map((e) => `.${e}`)

/** The media type a file name's extension says, or null when it is not a kind we import. */
export function mediaTypeFor(fileName: string): ArticleMediaType | null {
  const match = /\.([A-Za-z0-9]+)$/.exec(fileName.trim())
  return match ? (MEDIA_TYPES.get(match[1]!.toLowerCase()) ?? null) : null
}

/** “x.html” is 52.4 MB; Sourceline imports articles up to 10 MB. */
export function tooLargeMessage(fileName: string, bytes: number): string {
  return `“${fileName}” is ${formatBytes(bytes)}; Sourceline imports articles up to ${formatBytes(MAX_IMPORT_BYTES)}.`
}

/** “x.pdf” is not a kind of file Sourceline imports: choose a web page or text file (…). */
export function unsupportedTypeMessage(fileName: string): string {
  const list = IMPORT_EXTENSIONS.slice(0, -1).join(', ') + ' or ' + IMPORT_EXTENSIONS.at(-1)
  return `“${fileName}” is not a kind of file Sourceline imports: choose a web page or text file (${list}).`
}

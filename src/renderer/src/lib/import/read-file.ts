/**
 * One file the person chose, read into a draft article: refused before it is read when it is the
 * wrong kind or too large, decoded as UTF-8, UTF-16 or UTF-32 (told by a byte-order mark or the
 * zero bytes), or as the charset a page declares when it is none of those; hashed so a second
 * import of the same file is caught, and handed to its reader.
 */
import { sha256Hex, sha256HexOfBytes } from '../domain/corpus'
import { decodeAs, detectEncoding, encodingName } from '../domain/encoding'
import { addWarning, type Draft } from '../domain/import/draft'
import {
  MAX_IMPORT_BYTES,
  mediaTypeFor,
  tooLargeMessage,
  unsupportedTypeMessage,
  type ArticleMediaType,
} from '../domain/import/limits'
import { markdownToArticle } from '../domain/import/markdown'
import { textToArticle } from '../domain/import/text'
import { PageReadCancelled, readPage } from './read-page'
import { counts } from '../strings'

/** What is needed of a File; `arrayBuffer` lets the bytes be checked, not just decoded. */
export interface ImportFile {
  name: string
  size: number
  text(): Promise<string>
  arrayBuffer?(): Promise<ArrayBuffer>
}

export interface ReadArticleFile {
  draft: Draft
  /** The file's text as received, decoded; what is stored as the article's original. */
  original: string
  mediaType: ArticleMediaType
  /** SHA-256 of the original's UTF-8 bytes. */
  sha256: string
}

export type ArticleFileErrorCode =
  'unsupported-type' | 'too-large' | 'empty' | 'unreadable' | 'no-text' | 'cancelled'

/** The file was refused; `message` says why in words the person can act on. */
export class ArticleFileError extends Error {
  override name = 'ArticleFileError'

  constructor(
    readonly code: ArticleFileErrorCode,
    message: string,
  ) {
    super(message)
  }
}

const REPLACEMENT = /\uFFFD/g

/** The charset a page's `<meta>` declares in its first 1024 bytes, as browsers look for it. */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 1024))
  return /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1]?.toLowerCase() ?? null
}

function decodeWith(label: string, bytes: Uint8Array): { text: string; encoding: string } | null {
  try {
    const decoder = new TextDecoder(label)
    return { text: decoder.decode(bytes), encoding: decoder.encoding }
  } catch {
    // A label TextDecoder does not know.
    return null
  }
}

/** The text, and its UTF-8 bytes when the file was exactly those (so hashing needs no encoding). */
interface Decoded {
  text: string
  utf8: Uint8Array | null
}

function decode(
  name: string,
  bytes: Uint8Array,
  mediaType: ArticleMediaType,
  warnings: string[],
): Decoded {
  const detected = detectEncoding(bytes)
  if (detected.encoding !== 'UTF-8') {
    if (detected.bom === 0)
      addWarning(
        warnings,
        `“${name}” is in ${encodingName(detected.encoding)} without a byte-order mark; it was ` +
          'read as such.',
      )
    return { text: decodeAs(bytes, detected), utf8: null }
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    // The decoder drops a byte-order mark; the rest of the bytes are the text's UTF-8.
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
    return { text, utf8: bom ? bytes.subarray(3) : bytes }
  } catch {
    // Not UTF-8: below, either the page's own charset or UTF-8 with replacements.
  }
  const charset = mediaType === 'text/html' ? declaredCharset(bytes) : null
  if (charset && charset !== 'utf-8' && charset !== 'utf8') {
    const decoded = decodeWith(charset, bytes)
    if (decoded && decoded.encoding !== 'utf-8') {
      addWarning(
        warnings,
        `“${name}” is not UTF-8; it was read as ${decoded.encoding}, as the page declares.`,
      )
      return { text: decoded.text, utf8: null }
    }
  }
  const text = new TextDecoder('utf-8').decode(bytes)
  const replaced = text.match(REPLACEMENT)?.length ?? 0
  addWarning(
    warnings,
    `“${name}” is not valid UTF-8: ${counts.unreadableCharacters(replaced)} replaced with “\uFFFD”.`,
  )
  return { text, utf8: null }
}

async function readText(
  file: ImportFile,
  mediaType: ArticleMediaType,
  warnings: string[],
): Promise<Decoded> {
  try {
    if (file.arrayBuffer)
      return decode(file.name, new Uint8Array(await file.arrayBuffer()), mediaType, warnings)
    // Without the bytes, replacement characters are the only sign of bad input left.
    const text = await file.text()
    if (text.includes('\uFFFD'))
      addWarning(
        warnings,
        `“${file.name}” contains “\uFFFD” characters, which usually stand for bytes that were not ` +
          'valid UTF-8.',
      )
    return { text, utf8: null }
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    throw new ArticleFileError('unreadable', `“${file.name}” could not be read: ${detail}`)
  }
}

async function toDraft(
  text: string,
  name: string,
  mediaType: ArticleMediaType,
  signal?: AbortSignal,
): Promise<Draft> {
  switch (mediaType) {
    case 'text/html':
      try {
        return await readPage(text, name, signal)
      } catch (error) {
        if (error instanceof PageReadCancelled)
          throw new ArticleFileError('cancelled', `Reading “${name}” was cancelled.`)
        const detail = error instanceof Error ? error.message : String(error)
        throw new ArticleFileError('unreadable', `“${name}” could not be read: ${detail}`)
      }
    case 'text/markdown':
      return markdownToArticle(text, name)
    case 'text/plain':
      return textToArticle(text, name)
  }
}

/**
 * Reads one file into a draft article. Throws ArticleFileError when the file is refused: the
 * wrong kind or too large (both before reading), empty, unreadable, or without any article text,
 * or when `signal` is aborted while a page is read (code 'cancelled').
 */
export async function readImportFile(
  file: ImportFile,
  signal?: AbortSignal,
): Promise<ReadArticleFile> {
  const mediaType = mediaTypeFor(file.name)
  if (!mediaType) throw new ArticleFileError('unsupported-type', unsupportedTypeMessage(file.name))
  if (file.size > MAX_IMPORT_BYTES)
    throw new ArticleFileError('too-large', tooLargeMessage(file.name, file.size))
  if (file.size === 0) throw new ArticleFileError('empty', `“${file.name}” is empty.`)

  const warnings: string[] = []
  const { text: original, utf8 } = await readText(file, mediaType, warnings)
  if (original.trim() === '') throw new ArticleFileError('empty', `“${file.name}” is empty.`)

  const draft = await toDraft(original, file.name, mediaType, signal)
  if (draft.body.trim() === '')
    throw new ArticleFileError('no-text', `No article text was found in “${file.name}”.`)
  return {
    draft: { ...draft, warnings: [...warnings, ...draft.warnings] },
    original,
    mediaType,
    // From the file's own bytes when they are the text's UTF-8: encoding 10 MB again would hold
    // up the window.
    sha256: utf8 ? await sha256HexOfBytes(utf8) : await sha256Hex(original),
  }
}

/**
 * One file the person chose, read into a draft article: refused before it is read when it is the
 * wrong kind or too large, decoded as UTF-8 (or as the charset a page declares, when it is not
 * UTF-8), hashed so a second import of the same file is caught, and handed to its reader.
 */
import { sha256Hex } from '../domain/corpus'
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
import { htmlToArticle } from './html'

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
  'unsupported-type' | 'too-large' | 'empty' | 'unreadable' | 'no-text'

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

function decode(
  name: string,
  bytes: Uint8Array,
  mediaType: ArticleMediaType,
  warnings: string[],
): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes)
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes)
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
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
      return decoded.text
    }
  }
  const text = new TextDecoder('utf-8').decode(bytes)
  const replaced = text.match(REPLACEMENT)?.length ?? 0
  addWarning(
    warnings,
    `“${name}” is not valid UTF-8: ${replaced} unreadable character${replaced === 1 ? ' was' : 's were'} ` +
      'replaced with “\uFFFD”.',
  )
  return text
}

async function readText(file: ImportFile, mediaType: ArticleMediaType, warnings: string[]) {
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
    return text
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    throw new ArticleFileError('unreadable', `“${file.name}” could not be read: ${detail}`)
  }
}

function toDraft(text: string, name: string, mediaType: ArticleMediaType): Draft {
  switch (mediaType) {
    case 'text/html':
      return htmlToArticle(text, name)
    case 'text/markdown':
      return markdownToArticle(text, name)
    case 'text/plain':
      return textToArticle(text, name)
  }
}

/**
 * Reads one file into a draft article. Throws ArticleFileError when the file is refused: the
 * wrong kind or too large (both before reading), empty, unreadable, or without any article text.
 */
export async function readImportFile(file: ImportFile): Promise<ReadArticleFile> {
  const mediaType = mediaTypeFor(file.name)
  if (!mediaType) throw new ArticleFileError('unsupported-type', unsupportedTypeMessage(file.name))
  if (file.size > MAX_IMPORT_BYTES)
    throw new ArticleFileError('too-large', tooLargeMessage(file.name, file.size))
  if (file.size === 0) throw new ArticleFileError('empty', `“${file.name}” is empty.`)

  const warnings: string[] = []
  const original = await readText(file, mediaType, warnings)
  if (original.trim() === '') throw new ArticleFileError('empty', `“${file.name}” is empty.`)

  const draft = toDraft(original, file.name, mediaType)
  if (draft.body.trim() === '')
    throw new ArticleFileError('no-text', `No article text was found in “${file.name}”.`)
  return {
    draft: { ...draft, warnings: [...warnings, ...draft.warnings] },
    original,
    mediaType,
    sha256: await sha256Hex(original),
  }
}

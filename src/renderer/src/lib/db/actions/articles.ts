/**
 * Writes for imported articles: importing one (the same file twice is refused), editing its
 * details, and deleting it (refused while evidence or highlights quote it). The body and the
 * original file are never rewritten after import: quotes point into them.
 */
import * as v from 'valibot'
import { DatingSchema, type Dating } from '$shared/corpus'
import { db } from '../db'
import { runCommand } from '../history'
import type { ImportedArticle } from '../../domain/types'
import { sha256Hex } from '../../domain/corpus'
import { isValidEdtf } from '../../domain/dates'
import { directionOf, normaliseLanguageTag, type TextDirection } from '../../domain/language'
import { MAX_IMPORT_BYTES, tooLargeMessage } from '../../domain/import/limits'
import { command } from './command'
import { WriteError, toWriteError } from './errors'
import { counts } from '../../strings'

export { findBySha256 } from '../queries/articles'

/** What the person can change after import. */
export interface ArticleDetails {
  title: string
  outlet: string | null
  byline: string | null
  published: Dating
  url: string | null
  /** BCP 47 tag; the direction follows from it. */
  language: string
}

export type NewArticle = Omit<ImportedArticle, 'id' | 'importedAt' | 'updatedAt' | 'direction'>

interface CheckedDetails extends ArticleDetails {
  direction: TextDirection
}

/** Deleting was refused: evidence or highlights quote the article. */
export class ArticleInUseError extends WriteError {
  override name = 'ArticleInUseError'

  constructor(
    title: string,
    readonly evidence: number,
    readonly highlights: number,
  ) {
    const uses = [
      evidence > 0 ? counts.evidencePieces(evidence) : '',
      highlights > 0 ? counts.highlights(highlights) : '',
    ].filter(Boolean)
    super(
      'failed',
      `“${title}” cannot be deleted: ${uses.join(' and ')} quote${evidence + highlights === 1 ? 's' : ''} it. ` +
        'Remove those first.',
    )
  }
}

/** The limits the bundled corpus has (src/shared/corpus.ts ArticleSchema). */
const MAX_TITLE = 500
const MAX_SHORT_FIELD = 200
const MEDIA_TYPES: readonly ImportedArticle['mediaType'][] = [
  'text/html',
  'text/markdown',
  'text/plain',
]

function optional(value: string | null, what: string): string | null {
  const text = value?.trim() ?? ''
  if (text.length > MAX_SHORT_FIELD)
    throw new WriteError(
      'too-large',
      `The ${what} is over ${MAX_SHORT_FIELD} characters; shorten it.`,
    )
  return text === '' ? null : text
}

function checkDetails(details: ArticleDetails): CheckedDetails {
  const title = details.title.trim()
  if (title === '') throw new WriteError('empty', 'An article needs a title.')
  if (title.length > MAX_TITLE)
    throw new WriteError('too-large', `The title is over ${MAX_TITLE} characters; shorten it.`)
  const dating = v.safeParse(DatingSchema, details.published)
  if (!dating.success)
    throw new WriteError('failed', 'The publication date needs a note saying where it comes from.')
  const { edtf } = dating.output
  if (edtf !== null && !isValidEdtf(edtf))
    throw new WriteError('failed', `“${edtf}” is not a date Sourceline can read.`)
  const url = details.url?.trim() || null
  if (url !== null && !/^https?:\/\/[^\s]+$/i.test(url))
    throw new WriteError('failed', 'The article’s address must start with http:// or https://.')
  const language = normaliseLanguageTag(details.language)
  if (language === null)
    throw new WriteError(
      'failed',
      `“${details.language}” is not a language tag; write one such as ‘en’, ‘km’ or ‘pt-BR’.`,
    )
  return {
    title,
    outlet: optional(details.outlet, 'outlet name'),
    byline: optional(details.byline, 'byline'),
    published: dating.output,
    url,
    language,
    direction: directionOf(language),
  }
}

function isConstraintError(error: unknown): boolean {
  return (
    !!error &&
    typeof error === 'object' &&
    ((error as { name?: unknown }).name === 'ConstraintError' ||
      (error as { inner?: { name?: unknown } }).inner?.name === 'ConstraintError')
  )
}

/**
 * Saves an article read from a file, as one undoable step. Refuses with WriteError 'duplicate'
 * when a file with the same SHA-256 is already imported, and checks that the hash is the
 * original's, so the duplicate check can be trusted.
 */
export async function importArticle(input: NewArticle, now = Date.now()): Promise<ImportedArticle> {
  const details = checkDetails(input)
  if (input.body.trim() === '') throw new WriteError('empty', 'The article has no text.')
  const bytes = new TextEncoder().encode(input.original).length
  if (bytes > MAX_IMPORT_BYTES)
    throw new WriteError('too-large', tooLargeMessage(input.originalName, bytes))
  if (!MEDIA_TYPES.includes(input.mediaType))
    throw new WriteError(
      'failed',
      `“${input.mediaType}” is not a kind of article Sourceline keeps.`,
    )
  // Hashed before the transaction: only IndexedDB may be awaited inside one (STYLE.md rule 4).
  if ((await sha256Hex(input.original)) !== input.sha256)
    throw new WriteError(
      'failed',
      `“${input.originalName}” changed while it was read; import it again.`,
    )

  const article: ImportedArticle = {
    id: crypto.randomUUID(),
    ...details,
    body: input.body,
    original: input.original,
    originalName: input.originalName,
    mediaType: input.mediaType,
    sha256: input.sha256,
    importedAt: now,
    updatedAt: now,
  }
  const duplicate = (title: string): WriteError =>
    new WriteError('duplicate', `“${input.originalName}” is already imported, as “${title}”.`)
  // Not `command`: the unique-index race below needs the raw ConstraintError, not a WriteError.
  try {
    await runCommand(db, 'Import article', ['articles'], async () => {
      const existing = await db.articles.where('sha256').equals(article.sha256).first()
      if (existing) throw duplicate(existing.title)
      await db.articles.add(article)
    })
  } catch (error) {
    // Another import of the same file committed first; the unique index caught it.
    if (isConstraintError(error)) throw duplicate(article.title)
    throw toWriteError(error)
  }
  return article
}

/** Changes an imported article's title, outlet, byline, date, address and language. */
export async function updateArticleMetadata(
  id: string,
  details: ArticleDetails,
  now = Date.now(),
): Promise<void> {
  const checked = checkDetails(details)
  await command('Edit article details', ['articles'], async () => {
    const existing = await db.articles.get(id)
    if (!existing) throw new WriteError('missing', 'This article no longer exists.')
    await db.articles.update(id, { ...checked, updatedAt: now })
  })
}

/** Deletes an imported article that nothing quotes; throws ArticleInUseError otherwise. */
export async function deleteArticle(id: string): Promise<void> {
  await command('Delete article', ['articles', 'evidence', 'highlights'], async () => {
    const existing = await db.articles.get(id)
    if (!existing) throw new WriteError('missing', 'This article no longer exists.')
    const evidence = await db.evidence.where('articleId').equals(id).count()
    const highlights = await db.highlights.where('articleId').equals(id).count()
    if (evidence + highlights > 0) throw new ArticleInUseError(existing.title, evidence, highlights)
    await db.articles.delete(id)
  })
}

/** Read-only questions about imported articles. Safe to call from liveQuery. */
import { db } from '../db'
import { byField, readPaged } from './paged'
import type { ImportedArticle } from '../../domain/types'

/** Every imported article, the most recently imported first. */
export async function importedArticles(): Promise<ImportedArticle[]> {
  // As orderBy('importedAt').reverse(), read in pages (thousands of article bodies).
  return byField(await readPaged(db.articles), 'importedAt').reverse()
}

export function importedArticle(id: string): Promise<ImportedArticle | undefined> {
  return db.articles.get(id)
}

/** The imported article whose original has this SHA-256, if the same file came in before. */
export function findBySha256(sha256: string): Promise<ImportedArticle | undefined> {
  return db.articles.where('sha256').equals(sha256).first()
}

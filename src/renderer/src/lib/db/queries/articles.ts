/** Read-only questions about imported articles. Safe to call from liveQuery. */
import { db } from '../db'
import type { ImportedArticle } from '../../domain/types'

/** Every imported article, the most recently imported first. */
export function importedArticles(): Promise<ImportedArticle[]> {
  return db.articles.orderBy('importedAt').reverse().toArray()
}

export function importedArticle(id: string): Promise<ImportedArticle | undefined> {
  return db.articles.get(id)
}

/** The imported article whose original has this SHA-256, if the same file came in before. */
export function findBySha256(sha256: string): Promise<ImportedArticle | undefined> {
  return db.articles.where('sha256').equals(sha256).first()
}

/** Read-only questions about imported articles. Safe to call from liveQuery. */
import { db } from '../db'
import { byField, readPaged, type PageBudget } from './paged'
import type { ImportedArticle } from '../../domain/types'

const textLength = (text: unknown): number => (typeof text === 'string' ? text.length : 0)

/**
 * Articles are read about 250,000 characters of text a page: each page is deserialised in one
 * task, and while the collector marks, the window pays for what a task allocates with marking
 * work of its own (pages of 2 million characters made tasks of 250 ms at 5,000 articles). An
 * imported HTML original alone can be megabytes: such a row is a page of its own.
 */
export const ARTICLE_PAGES: PageBudget<ImportedArticle> = {
  // A row short of a text (never written by the app) weighs less; it must not stop the read.
  weigh: (a) => textLength(a.body) + textLength(a.original),
  budget: 250_000,
  first: 10,
}

/** Every imported article, the most recently imported first. */
export async function importedArticles(): Promise<ImportedArticle[]> {
  // As orderBy('importedAt').reverse(), read in pages (thousands of article bodies).
  return byField(await readPaged(db.articles, ARTICLE_PAGES), 'importedAt').reverse()
}

export function importedArticle(id: string): Promise<ImportedArticle | undefined> {
  return db.articles.get(id)
}

/** The imported article whose original has this SHA-256, if the same file came in before. */
export function findBySha256(sha256: string): Promise<ImportedArticle | undefined> {
  return db.articles.where('sha256').equals(sha256).first()
}

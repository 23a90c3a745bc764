/**
 * Every schema version the app has shipped, in order. Append only: a shipped version and its upgrade
 * are never edited, because users' databases were built by them. Each version has a migration test.
 */
import type { Transaction } from 'dexie'
import { articleLanguage } from '../../domain/language'

export interface Migration {
  version: number
  stores: Record<string, string | null>
  /** Fills in what the new version's records need, inside Dexie's upgrade transaction. */
  upgrade?: (tx: Transaction) => Promise<void>
}

export const MIGRATIONS: readonly Migration[] = [
  {
    // v1: notes on curated events.
    version: 1,
    stores: { notes: 'id, eventId, updatedAt' },
  },
  {
    // v2: highlights, the user's own events and evidence, tags and entity links, entity edits.
    version: 2,
    stores: {
      highlights: 'id, articleId, *tags, updatedAt',
      userEvents: 'id, category, updatedAt',
      evidence: 'id, eventId, articleId',
      eventAnnotations: 'eventId, *tags',
      entityEdits: 'id, createdAt',
    },
  },
  {
    // v3: articles the user imports.
    version: 3,
    stores: { articles: 'id, &sha256, importedAt' },
  },
  {
    // v4: each imported article's language (BCP 47) and direction, indexed by language.
    version: 4,
    stores: { articles: 'id, &sha256, importedAt, language' },
    upgrade: async (tx) => {
      await tx
        .table('articles')
        .toCollection()
        .modify((article: { body?: unknown; language?: unknown; direction?: unknown }) => {
          const found = articleLanguage(typeof article.body === 'string' ? article.body : '')
          article.language = found.language
          article.direction = found.direction
        })
    },
  },
  {
    // v5: grades on articles, quotes and highlights; conflicts the user marked explained.
    version: 5,
    stores: { grades: 'id, kind, targetId', conflictNotes: 'id' },
  },
]

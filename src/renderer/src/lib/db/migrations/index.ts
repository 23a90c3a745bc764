/**
 * Every schema version the app has shipped, in order. Append only: a shipped version and its upgrade
 * are never edited, because users' databases were built by them. Each version has a migration test.
 */
export interface Migration {
  version: number
  stores: Record<string, string | null>
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
    // v5: grades on articles, quotes and highlights; conflicts the user marked explained.
    // (v4, article language, is appended on another branch: Dexie allows the gap.)
    version: 5,
    stores: { grades: 'id, kind, targetId', conflictNotes: 'id' },
  },
]

/**
 * What every export format takes: the events (already narrowed by the caller when exporting the
 * current filter), the sources they quote, and the user's notes and highlights. Imported articles
 * are brought to the bundled articles' shape by `importedToArticle` (import/to-article.ts), so
 * formats see one kind.
 */
import type { Entity } from '../../../../../shared/entities'
import type { AppEvent } from '../events'
import type { SourcedArticle } from '../import/to-article'
import type { Highlight, Note } from '../types'

/** An article as the exports see it: bundled or imported, with its address when it has one. */
export type ExportArticle = SourcedArticle

export type ExportEntity = Pick<Entity, 'id' | 'name' | 'kind' | 'aliases'>

export interface ExportInput {
  /** The timeline's title (the corpus title unless the user named the export). */
  title: string
  generatedAt: Date
  /** Bundled and imported articles: the sources listed and cited. */
  articles: ExportArticle[]
  /** The events to export, curated and the user's, in any order: each format sorts them. */
  events: AppEvent[]
  /**
   * The notes to include. A note on an event that is not in `events` is kept under "Other
   * notes" where the format has such a place, so pass only the exported events' notes when
   * exporting a filter.
   */
  notes: Note[]
  /** The highlights to include, on any of the articles. */
  highlights: Highlight[]
  /** The entity catalogue; when given, reports add an index of the people and organisations. */
  entities?: ExportEntity[]
  appVersion?: string
}

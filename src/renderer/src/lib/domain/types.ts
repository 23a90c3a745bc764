/**
 * Records the user writes (kept in IndexedDB): notes on events, highlights on any passage, their
 * own events, extra evidence on any event, and tags and entity links on curated events. Corpus
 * types (articles, curated events, selectors) are shared and live in $shared/corpus.
 */
import type {
  CategoryId,
  Dating,
  Stance,
  TextPositionSelector,
  TextQuoteSelector,
} from '$shared/corpus'
import type { TextDirection } from './language'

/** A note the user wrote on one event. */
export interface Note {
  id: string
  eventId: string
  /** Markdown, as the user wrote it. */
  body: string
  /** ms since the epoch. */
  createdAt: number
  updatedAt: number
}

/** A passage the user kept, anchored with W3C selectors, with an optional note and tags. */
export interface Highlight {
  id: string
  articleId: string
  quote: TextQuoteSelector
  position: TextPositionSelector
  /** Markdown; empty when the user wrote none. */
  note: string
  tags: string[]
  createdAt: number
  updatedAt: number
}

/** An event the user made. Curated events are never rewritten; this is the user's own. */
export interface UserEvent {
  id: string
  title: string
  summary: string
  date: Dating
  category: CategoryId
  people: string[]
  organisations: string[]
  createdAt: number
  updatedAt: number
}

/** A quote the user attached to any event (curated or their own), for or against it. */
export interface UserEvidence {
  id: string
  eventId: string
  articleId: string
  stance: Stance
  quote: TextQuoteSelector
  position: TextPositionSelector
  createdAt: number
}

/** The user's tags and extra people/organisations on any event, curated ones included. */
export interface EventAnnotation {
  eventId: string
  tags: string[]
  people: string[]
  organisations: string[]
  updatedAt: number
}

/** An article the user imported: its readable text, its metadata and the file as received. */
export interface ImportedArticle {
  id: string
  title: string
  outlet: string | null
  byline: string | null
  published: Dating
  url: string | null
  /** BCP 47 tag of the article's language ('km', 'ar', 'pt-BR'). */
  language: string
  /** How its text runs: from the language, stored so every view and export agrees. */
  direction: TextDirection
  /** The readable text the reader shows and quotes point into. */
  body: string
  /** The file as received, unchanged (text), with its name and type. */
  original: string
  originalName: string
  mediaType: 'text/html' | 'text/markdown' | 'text/plain'
  /** SHA-256 of the original's UTF-8 bytes: the same content imported twice is detected by it. */
  sha256: string
  importedAt: number
  updatedAt: number
}

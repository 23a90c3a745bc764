/**
 * Domain types that live only in the renderer: the user's own notes on events. Corpus types
 * (articles, events, evidence) are shared with the main process and live in $shared/corpus.
 */

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

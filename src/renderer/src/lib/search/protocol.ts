/**
 * Messages between the app and the search worker. The app sends every source's signature; the
 * worker answers with the keys it must (re)index, the app sends those sources in small batches,
 * and the worker indexes them between queries and stores the index when it settles.
 */
import type { SearchFilters, SearchResponse } from '$lib/domain/search/engine'
import type { SearchSource } from '$lib/domain/search/sources'

export type ToWorker =
  /** Signatures come in parts (so no part is a long copy); `last` closes the generation's list. */
  | { type: 'sync'; generation: number; signatures: [string, string][]; last: boolean }
  | { type: 'put'; sources: SearchSource[] }
  | { type: 'query'; id: number; query: string; filters: SearchFilters; limit: number }

export interface IndexStatus {
  /** The stored index (or a fresh one) is loaded and answers queries. */
  loaded: boolean
  /** Sources still to index; results are incomplete while it is above 0. */
  pending: number
  /** Sources indexed in this round, for progress. */
  done: number
  /** True while the index is being built from nothing (missing or older stored index). */
  rebuilding: boolean
  error: string | null
}

export type FromWorker =
  /** The keys to send, in parts; `last` on the final part of a sync's answer. */
  | { type: 'need'; generation: number; keys: string[]; last: boolean }
  | { type: 'status'; status: IndexStatus }
  | { type: 'result'; id: number; response: SearchResponse; complete: boolean }

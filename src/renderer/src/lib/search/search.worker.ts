/**
 * The search worker: builds, updates, stores and queries the index off the UI thread.
 */
import { Indexer } from './indexer'
import type { FromWorker, ToWorker } from './protocol'
import { openSearchStore, readStoredIndex, writeStoredIndex } from './store'

const db = openSearchStore()
const post = (message: FromWorker): void => self.postMessage(message)
const indexer = new Indexer(post, {
  read: () => readStoredIndex(db),
  write: (stored) => writeStoredIndex(db, stored),
})
// The stored index is read while the app starts, not once the app first asks.
indexer.open()

// Messages are handled one after another, so a query never sees half a sync.
let chain: Promise<void> = Promise.resolve()
self.onmessage = (event: MessageEvent<ToWorker>) => {
  chain = chain
    .then(() => indexer.handle(event.data))
    .catch((error: unknown) => console.error('Search worker:', error))
}

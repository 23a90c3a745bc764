/**
 * Test-only faults for proving that writes are all-or-nothing: DBCore middlewares that let the
 * first k-1 writes through and break the k-th, either by failing that one write (as a full disk
 * does) or by aborting its whole transaction. Install with `db.use(...)` before the database opens.
 */
import type { DBCore, DBCoreMutateResponse, Middleware } from 'dexie'

/** A middleware that also counts the writes (mutate calls) it has seen, the failed one included. */
export type FaultMiddleware = Middleware<DBCore> & { readonly writes: number }

/** Shaped like the DOMException IndexedDB raises when the disk is full. */
export function quotaExceededError(): Error {
  return Object.assign(new Error('quota'), { name: 'QuotaExceededError' })
}

/**
 * The k-th write (counting from 1, over every table and transaction) rejects with `error` and never
 * reaches IndexedDB. Its transaction aborts only if the caller lets the error escape, as Dexie does
 * with an uncaught rejection in a transaction scope. `k = Infinity` just counts writes.
 */
export function failAtWrite(k: number, error: Error = quotaExceededError()): FaultMiddleware {
  return faultAt('failAtWrite', k, () => Promise.reject(error))
}

/**
 * The k-th write aborts its transaction and rejects with `error`, so nothing of the transaction
 * survives even when the caller catches the error and carries on: a full disk found at commit.
 * The transaction carries `error` as its cause, as a browser's does, so Dexie reports an
 * AbortError with `error` as its `inner`.
 */
export function abortAtWrite(k: number, error: Error = quotaExceededError()): FaultMiddleware {
  return faultAt('abortAtWrite', k, (trans) => {
    // IDBTransaction.error is a read-only getter; an own property shadows it for this transaction.
    Object.defineProperty(trans, 'error', { value: error, configurable: true })
    trans.abort()
    return Promise.reject(error)
  })
}

function faultAt(
  name: string,
  k: number,
  fault: (trans: { abort(): void }) => Promise<DBCoreMutateResponse>,
): FaultMiddleware {
  let writes = 0
  return {
    stack: 'dbcore',
    name,
    get writes() {
      return writes
    },
    create(down) {
      return {
        table(tableName) {
          const table = down.table(tableName)
          return {
            ...table,
            mutate(req) {
              writes++
              return writes === k ? fault(req.trans) : table.mutate(req)
            },
          }
        },
      }
    },
  }
}

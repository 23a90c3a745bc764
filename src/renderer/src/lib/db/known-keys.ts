/**
 * Rows written with the keys they carry are answered with those keys, not IndexedDB's. Dexie
 * reads every write request's result, and each key IndexedDB answers with is a string of the
 * browser's own, held by a weak handle the garbage collector must visit and let go: an import of
 * 255,000 rows made 255,000 of them, and a collector pause of 170 ms letting them go. The lowest
 * middleware, so everything above it (hooks, live queries, history) gets the same answers.
 */
import type { DBCore, DBCoreTransaction, Middleware } from 'dexie'

export const knownKeys: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'KnownKeys',
  // Below Dexie's own (the lowest is -1): right over its IndexedDB calls.
  level: -2,
  create(down) {
    return {
      ...down,
      table(name) {
        const table = down.table(name)
        const { outbound, autoIncrement, extractKey } = table.schema.primaryKey
        if (outbound || autoIncrement || !extractKey) return table
        return {
          ...table,
          mutate(req) {
            if (req.type !== 'add' && req.type !== 'put') return table.mutate(req)
            const real = req.trans as unknown as IDBTransaction
            const trans = {
              objectStore: (store: string) =>
                store === name
                  ? answeringWith(real.objectStore(store), extractKey)
                  : real.objectStore(store),
            }
            return table.mutate({ ...req, trans: trans as unknown as DBCoreTransaction })
          },
        }
      },
    }
  },
}

/** The store as Dexie's add and put use it, its requests answering with the row's own key. */
function answeringWith(store: IDBObjectStore, keyOf: (row: unknown) => unknown) {
  return {
    keyPath: store.keyPath,
    add: (row: unknown) => withKey(store.add(row), keyOf(row)),
    put: (row: unknown) => withKey(store.put(row), keyOf(row)),
  }
}

/** A request whose result is `key` once it has succeeded; everything else is the request's. */
function withKey(request: IDBRequest, key: unknown) {
  return {
    get result() {
      return request.readyState === 'done' && request.error == null ? key : undefined
    },
    get error() {
      return request.error
    },
    get onsuccess() {
      return request.onsuccess
    },
    set onsuccess(handler: IDBRequest['onsuccess']) {
      request.onsuccess = handler
    },
    get onerror() {
      return request.onerror
    },
    set onerror(handler: IDBRequest['onerror']) {
      request.onerror = handler
    },
  }
}

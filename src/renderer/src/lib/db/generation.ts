/**
 * The data generation: one token per stored table, changed by every transaction that writes to
 * that table before its first write (a DBCore middleware), in this window and in every other
 * (the tokens live in localStorage, shared by the app's windows). Derived data kept between
 * sessions (the timeline's stored index) records the tokens of the tables it was read from, and is
 * used only while they are still the same.
 */
import type { DBCore, DBCoreTransaction, Middleware } from 'dexie'
import { mutateMiddleware } from './mutate-middleware'

const STORAGE_KEY = 'sourceline.generation'

/** Where the tokens are kept: localStorage in the app; a plain map where there is none (Node). */
export interface TokenStore {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
}

function memoryStore(): TokenStore {
  const values = new Map<string, string>()
  return {
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => void values.set(key, value),
  }
}

function defaultStore(): TokenStore {
  try {
    if (typeof localStorage !== 'undefined') return localStorage
  } catch {
    // Storage refused (a sandboxed frame): tokens then last as long as the page.
  }
  return memoryStore()
}

let store: TokenStore = defaultStore()

/** For tests: tokens kept elsewhere from now on. */
export function useTokenStore(next: TokenStore): void {
  store = next
}

function read(): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(store.getItem(STORAGE_KEY) ?? '{}')
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {}
  } catch {
    return {}
  }
}

/**
 * A token never given before: random, not a counter, so two windows changing tables at the same
 * moment cannot both arrive at the same value.
 */
function newToken(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`
}

/** Gives each of `tables` a new token (a write to them may follow). */
export function bumpGeneration(tables: readonly string[]): void {
  if (tables.length === 0) return
  const tokens = read()
  for (const table of tables) tokens[table] = newToken()
  store.setItem(STORAGE_KEY, JSON.stringify(tokens))
}

/**
 * The current generation of `tables`, as one string. Read it BEFORE reading the tables: a write
 * that changed it before is in a transaction created before the read, which IndexedDB lets finish
 * before the read starts (same tables); any write after it changes it again.
 */
export function generationOf(tables: readonly string[]): string {
  const tokens = read()
  return [...tables]
    .sort()
    .map((t) => `${t}=${tokens[t] ?? '0'}`)
    .join(';')
}

/**
 * Bumps a table's generation at the first write request of each transaction to it, before the
 * request is made. (At the write, not when the transaction begins: a read-write transaction that
 * only reads changes nothing, and would leave the live queries' stamps behind for good.)
 */
export function generationMiddleware(): Middleware<DBCore> {
  const bumped = new WeakMap<DBCoreTransaction, Set<string>>()
  return mutateMiddleware('SourcelineGeneration', (table, req) => {
    const name = table.name
    const tables = bumped.get(req.trans) ?? new Set<string>()
    if (!tables.has(name)) {
      tables.add(name)
      bumped.set(req.trans, tables)
      bumpGeneration([name])
    }
    return table.mutate(req)
  })
}

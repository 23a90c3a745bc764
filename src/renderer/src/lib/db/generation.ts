/**
 * The data generation: one token per stored table, changed by every read-write transaction over
 * that table before it can write anything (a DBCore middleware), in this window and in every other
 * (the tokens live in localStorage, shared by the app's windows). Derived data kept between
 * sessions (the timeline's stored index) records the tokens of the tables it was read from, and is
 * used only while they are still the same.
 */
import type { DBCore, Middleware } from 'dexie'

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
 * The current generation of `tables`, as one string. Read it BEFORE reading the tables: data read
 * after it reflects every write whose transaction began before it (IndexedDB runs a read after the
 * read-write transactions created before it on the same tables), and any later write changes it.
 */
export function generationOf(tables: readonly string[]): string {
  const tokens = read()
  return [...tables]
    .sort()
    .map((t) => `${t}=${tokens[t] ?? '0'}`)
    .join(';')
}

/** Bumps the generation of every table a read-write transaction may write, as it is created. */
export function generationMiddleware(): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'SourcelineGeneration',
    create(down) {
      return {
        ...down,
        transaction(stores, mode, options) {
          if (mode === 'readwrite') bumpGeneration(stores)
          return down.transaction(stores, mode, options)
        },
      }
    },
  }
}

/**
 * The store's read-only switch. A database saved by a newer Sourceline is opened read-only: every
 * command refuses before it starts, and a DBCore middleware refuses any write that gets past that
 * (undo, redo, imports), so nothing can change data this build does not understand.
 */
import type { DBCore, Middleware } from 'dexie'
import { WriteError } from './actions/errors'
import { mutateMiddleware } from './mutate-middleware'

export const NEWER_DATABASE_MESSAGE =
  'This data was saved by a newer version of Sourceline. It is shown read-only; ' +
  'update Sourceline to edit it.'

let reason: string | null = null

/** Makes every write refuse with `message`; `null` allows writes again. */
export function setReadOnly(message: string | null): void {
  reason = message
}

/** Why writes are refused, or null when they are allowed. */
export function readOnlyReason(): string | null {
  return reason
}

/** Throws the read-only WriteError when writes are refused. */
export function assertWritable(): void {
  if (reason !== null) throw new WriteError('read-only', `Nothing was saved. ${reason}`)
}

/** Rejects every mutate request while the store is read-only. Install before the database opens. */
export const writeGuard: Middleware<DBCore> = mutateMiddleware(
  'SourcelineWriteGuard',
  (table, req) =>
    reason !== null
      ? Promise.reject(new WriteError('read-only', `Nothing was saved. ${reason}`))
      : table.mutate(req),
)

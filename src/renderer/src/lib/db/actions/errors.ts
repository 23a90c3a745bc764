/** Turns IndexedDB failures into messages a researcher can act on. */
export type WriteErrorCode =
  'empty' | 'too-large' | 'missing' | 'duplicate' | 'disk-full' | 'failed'

export class WriteError extends Error {
  constructor(
    readonly code: WriteErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'WriteError'
  }
}

function isQuotaError(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false
  const e = error as { name?: unknown; inner?: unknown }
  // Dexie wraps the DOMException; an aborted transaction may carry it as its inner cause.
  if (e.name === 'QuotaExceededError') return true
  return e.inner !== undefined && e.inner !== error && isQuotaError(e.inner)
}

export function toWriteError(error: unknown): WriteError {
  if (error instanceof WriteError) return error
  if (isQuotaError(error))
    return new WriteError(
      'disk-full',
      'Disk full: the note was not saved. Your text is kept here; free some space and try again.',
    )
  const detail = error instanceof Error ? error.message : String(error)
  return new WriteError('failed', `Could not save: ${detail}. Your text is kept here; try again.`)
}

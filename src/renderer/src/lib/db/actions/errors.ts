/** Turns IndexedDB failures into messages a researcher can act on. */
export type WriteErrorCode =
  | 'empty'
  | 'too-large'
  | 'missing'
  | 'duplicate'
  | 'disk-full'
  | 'read-only'
  | 'conflict'
  | 'failed'

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

/** What a command's failure is about, in words that fit the thing being saved. */
const SUBJECTS: Record<string, string> = {
  'Add note': 'the note was not saved',
  'Edit note': 'the note was not saved',
  'Delete note': 'the note was not deleted',
  'Add highlight': 'the highlight was not kept',
  'Edit highlight': 'the highlight was not saved',
  'Delete highlight': 'the highlight was not deleted',
  'Create event': 'the event was not created',
  'Edit event': 'the event was not saved',
  'Edit tags and links': 'the tags and links were not saved',
  'Add person or organisation': 'the person or organisation was not added',
  Rename: 'the new name was not saved',
  'Add alias': 'the alias was not saved',
  Merge: 'the merge was not saved',
  'Edit article details': 'the article details were not saved',
}

/** Whether the error is IndexedDB running out of space, however Dexie wrapped it. */
export { isQuotaError }

/**
 * `label` is the command's label ("Add note"); the disk-full message names what was not saved.
 * The forms keep what was typed when a save fails, so the message can promise it.
 */
export function toWriteError(error: unknown, label?: string): WriteError {
  if (error instanceof WriteError) return error
  if (isQuotaError(error)) {
    const subject =
      (label && SUBJECTS[label]) ?? (label ? `“${label}” did not happen` : 'nothing was saved')
    return new WriteError(
      'disk-full',
      `Disk full: ${subject}. What you typed is kept here; free some space and try again.`,
    )
  }
  const detail = error instanceof Error ? error.message : String(error)
  return new WriteError('failed', `Could not save: ${detail}. Your text is kept here; try again.`)
}

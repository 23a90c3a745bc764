/**
 * Importing a project file from the Project file screen, as one session: check the file and show
 * what the import would do, then (once confirmed) import it, or close without writing. In the app
 * the whole session runs in a worker of its own (lib/db/import.worker.ts, decision 0037), which
 * holds the checked file and writes it; this window only shows the preview and the progress,
 * passes Cancel on, and puts the command the worker recorded on its undo stack. Where there are
 * no Workers (unit tests in Node) it runs here, with the same results.
 */
import { db as appDb } from '../db'
import { bumpGeneration } from '../generation'
import { history as appHistory, type Chunk } from '../history'
import type { FromImportWorker, ToImportWorker } from '../import-protocol'
import { readOnlyReason } from '../write-guard'
import type { ProjectContext } from '../../domain/project/format'
import type { ProjectSource } from '../../backups/check-project'
import { WriteError } from './errors'
import {
  IMPORT_LABEL,
  ImportCancelled,
  ImportError,
  importCheckedProject,
  type ImportOptions,
  type ImportSummary,
  type ProjectStore,
} from './project'
import { previewImport, type ImportPreview } from './restore'

export interface ImportSession {
  /** What the import would do, counted when the file was checked. */
  readonly preview: ImportPreview
  /**
   * Merges the checked file into the store as one undoable step, as importCheckedProject does,
   * and throws as it does. Once it has imported the session is closed; after a failure or a
   * cancel (nothing written) it may run again.
   */
  run(options?: Pick<ImportOptions, 'signal' | 'onprogress'>): Promise<ImportSummary>
  /** Lets the file go. An import still running stops, writing nothing (ImportCancelled). */
  close(): void
}

const APP_STORE: ProjectStore = { db: appDb, history: appHistory }

/** Checks `source` once; throws ImportError listing its problems when it cannot be imported. */
export async function checkImport(
  source: ProjectSource,
  context: ProjectContext,
  store: ProjectStore = APP_STORE,
): Promise<ImportSession> {
  if (typeof Worker === 'undefined') return sessionHere(source, context, store)
  const worker = new Worker(new URL('../import.worker.ts', import.meta.url), {
    type: 'module',
    name: 'import',
  })
  const send = (message: ToImportWorker): void => worker.postMessage(message)
  /** Where the worker's messages go: the check's handler, then the import's. */
  let hear: (message: FromImportWorker) => void = () => {}
  let fail: (error: Error) => void = () => {}
  worker.onmessage = ({ data }: MessageEvent<FromImportWorker>) => hear(data)
  worker.onerror = (event) => {
    event.preventDefault()
    fail(new Error(event.message || 'The import stopped unexpectedly.'))
  }
  let closed = false
  let closing = false
  let importing = false
  const close = (): void => {
    closing = true
    // An import under way is stopped, not cut off: the worker rolls it back and says so, and
    // the session closes then. Cut off, it might have committed without telling.
    if (importing) return send({ type: 'stop' })
    if (closed) return
    closed = true
    worker.terminate()
    fail(new ImportCancelled())
  }
  try {
    const preview = await new Promise<ImportPreview>((resolve, reject) => {
      fail = reject
      hear = (message) => {
        if (message.type === 'preview') resolve(message.preview)
        else if (message.type === 'problems') reject(new ImportError(message.problems))
      }
      send({ type: 'check', source, context, dbName: store.db.name, readOnly: readOnlyReason() })
    })
    return { preview, run: (options = {}) => runInWorker(options), close }
  } catch (error) {
    close()
    throw error
  }

  function runInWorker(
    options: Pick<ImportOptions, 'signal' | 'onprogress'>,
  ): Promise<ImportSummary> {
    if (closed || importing) return Promise.reject(new ImportCancelled())
    importing = true
    const { signal, onprogress } = options
    const stop = (): void => send({ type: 'stop' })
    return store.history
      .commandElsewhere(IMPORT_LABEL, () => {
        // Stopped or closed while waiting for an earlier command: nothing was sent yet.
        if (signal?.aborted || closing) throw new ImportCancelled()
        signal?.addEventListener('abort', stop, { once: true })
        return new Promise<{ result: ImportSummary; chunks: Chunk[] }>((resolve, reject) => {
          const chunks: Chunk[] = []
          fail = reject
          hear = (message) => {
            switch (message.type) {
              case 'writing':
                // From inside the worker's transaction, which waits for this ack before its
                // first write: the tokens change then, as this window's own writes change them.
                bumpGeneration(message.tables)
                send({ type: 'ack', seq: message.seq })
                return
              case 'progress':
                onprogress?.(message.written, message.total)
                send({ type: 'ack', seq: message.seq })
                return
              case 'chunks':
                chunks.push(...message.chunks)
                return
              case 'imported':
                resolve({ result: message.summary, chunks })
                return
              case 'failed':
                reject(
                  message.kind === 'cancelled'
                    ? new ImportCancelled()
                    : message.kind === 'write'
                      ? new WriteError(message.code, message.message)
                      : new WriteError(
                          'failed',
                          `Could not import the project: ${message.message}. Nothing was imported.`,
                        ),
                )
                return
            }
          }
          send({ type: 'import' })
        })
      })
      .then(
        (summary) => {
          importing = false
          close()
          return summary
        },
        (error: unknown) => {
          importing = false
          if (closing) close()
          throw error
        },
      )
      .finally(() => signal?.removeEventListener('abort', stop))
  }
}

/** The same session in this thread, for where there are no Workers. */
async function sessionHere(
  source: ProjectSource,
  context: ProjectContext,
  store: ProjectStore,
): Promise<ImportSession> {
  const { project, ...preview } = await previewImport(source, context, store)
  return {
    preview,
    run: (options = {}) => importCheckedProject(project, store, options),
    close: () => {},
  }
}

/** Messages between the window and a project import's worker (lib/db/actions/import-session.ts). */
import type { ProjectSource } from '../backups/check-project'
import type { ProjectContext } from '../domain/project/format'
import type { WriteErrorCode } from './actions/errors'
import type { ImportSummary } from './actions/project'
import type { ImportPreview } from './actions/restore'
import type { Chunk } from './history'

export type ToImportWorker =
  /** Check the file and plan the preview against `dbName`; writes refused with `readOnly`. */
  | {
      type: 'check'
      source: ProjectSource
      context: ProjectContext
      dbName: string
      readOnly: string | null
    }
  | { type: 'import' }
  /** The window has taken in the progress reports up to `seq`. */
  | { type: 'ack'; seq: number }
  | { type: 'stop' }

export type FromImportWorker =
  | { type: 'problems'; problems: string[] }
  | { type: 'preview'; preview: ImportPreview }
  /** Sent before the first write, which waits for the window's ack: the tables to be written. */
  | { type: 'writing'; seq: number; tables: readonly string[] }
  | { type: 'progress'; seq: number; written: number; total: number }
  /** After the commit: the command as recorded, a few chunks per message. */
  | { type: 'chunks'; chunks: Chunk[] }
  | { type: 'imported'; summary: ImportSummary }
  | { type: 'failed'; kind: 'cancelled' | 'error'; name: string; message: string }
  | { type: 'failed'; kind: 'write'; code: WriteErrorCode; message: string }

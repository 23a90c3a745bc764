/** Messages between the window and a step's worker (lib/db/step-in-worker.ts). */
import type { Chunk } from './history'

export type ToStepWorker =
  | { type: 'chunk'; chunk: Chunk }
  | { type: 'run'; dbName: string; direction: 'undo' | 'redo' }
  /** The window has taken in the progress reports up to `seq`. */
  | { type: 'ack'; seq: number }
  | { type: 'stop' }

export type FromStepWorker =
  | { type: 'progress'; seq: number; done: number; total: number }
  | { type: 'done' }
  | { type: 'failed'; kind: 'conflict' | 'stopped' | 'error'; name: string; message: string }

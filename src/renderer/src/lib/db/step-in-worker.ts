/**
 * Runs a large undo or redo in a worker of its own (lib/db/step.worker.ts, decision 0036): an
 * import's undo or redo makes hundreds of thousands of write requests, and their garbage, left
 * on the window's heap, came back as one collector pause of 200–340 ms. The window sends the
 * command's chunks a few at a time between turns, reports the worker's progress, passes Cancel
 * on, and throws what the step would have thrown here.
 */
import { nextTask } from '../domain/pacing'
import { bumpGeneration } from './generation'
import { HistoryConflictError, HistoryStopped, type StepRunner } from './history'
import type { FromStepWorker, ToStepWorker } from './step-protocol'

/** Chunks sent in one task: each is at most 2,048 rows, packed. */
const CHUNKS_PER_TASK = 4

export const stepInWorker: StepRunner = async (dbName, chunks, direction, options) => {
  const worker = new Worker(new URL('./step.worker.ts', import.meta.url), {
    type: 'module',
    name: 'undo',
  })
  const send = (message: ToStepWorker): void => worker.postMessage(message)
  // The worker's connection keeps no generation tokens (they are this window's, in localStorage).
  // Its first report comes from inside its transaction, before any write: the tokens change
  // then, as the window's own writes change them (lib/db/generation.ts).
  const tables = [...new Set(chunks.map((chunk) => chunk.table))]
  let bumped = false
  const stop = (): void => send({ type: 'stop' })
  options.signal?.addEventListener('abort', stop, { once: true })
  // Stopped before it began: the worker stops at its first report, as a step here would.
  if (options.signal?.aborted) stop()
  try {
    await new Promise<void>((resolve, reject) => {
      worker.onerror = (event) => {
        event.preventDefault()
        reject(new Error(`The ${direction} could not start: ${event.message || 'worker failed'}`))
      }
      worker.onmessage = ({ data }: MessageEvent<FromStepWorker>) => {
        if (data.type === 'progress') {
          if (!bumped) bumpGeneration(tables)
          bumped = true
          options.onprogress?.(data.done, data.total)
          send({ type: 'ack', seq: data.seq })
          return
        }
        if (data.type === 'done') resolve()
        else if (data.kind === 'conflict') reject(new HistoryConflictError(data.message))
        else if (data.kind === 'stopped') reject(new HistoryStopped(data.message))
        else reject(Object.assign(new Error(data.message), { name: data.name }))
      }
      void (async () => {
        for (let i = 0; i < chunks.length; i++) {
          send({ type: 'chunk', chunk: chunks[i]! })
          if ((i + 1) % CHUNKS_PER_TASK === 0) await nextTask()
        }
        send({ type: 'run', dbName, direction })
      })()
    })
  } finally {
    options.signal?.removeEventListener('abort', stop)
    worker.terminate()
  }
}

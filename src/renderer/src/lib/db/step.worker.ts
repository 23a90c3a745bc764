/**
 * One large undo or redo, replayed on a connection of its own (decision 0036): the window sends
 * the command's chunks, then `run`; progress goes back as it is made, and the step waits for the
 * window to take it in (REPORTS_AHEAD), so a busy or slowed window slows the step and its Cancel
 * lands while there is still something to cancel.
 */
import Dexie from 'dexie'
import { openDatabase } from './db'
import { HistoryConflictError, HistoryStopped, runStep, type Chunk } from './history'
import { REPORTS_AHEAD, type FromStepWorker, type ToStepWorker } from './step-protocol'

const chunks: Chunk[] = []
const stop = new AbortController()
let sent = 0
let taken = 0
let waiting: { promise: PromiseLike<unknown>; wake: () => void } | null = null

const post = (message: FromStepWorker): void => self.postMessage(message)

function wake(): void {
  waiting?.wake()
  waiting = null
}

/** Waits, keeping the transaction open, while the window is REPORTS_AHEAD reports behind. */
function pace(): PromiseLike<unknown> | undefined {
  if (sent - taken <= REPORTS_AHEAD || stop.signal.aborted) return undefined
  if (!waiting) {
    let resolve!: () => void
    const ready = new Promise<void>((r) => (resolve = r))
    waiting = { promise: Dexie.waitFor(ready), wake: resolve }
  }
  return waiting.promise
}

async function run(dbName: string, direction: 'undo' | 'redo'): Promise<void> {
  const db = openDatabase(dbName, { recordHistory: false })
  try {
    await runStep(db, chunks, direction, {
      signal: stop.signal,
      onprogress: (done, total) => post({ type: 'progress', seq: ++sent, done, total }),
      pace,
    })
    post({ type: 'done' })
  } catch (error) {
    const kind =
      error instanceof HistoryConflictError
        ? 'conflict'
        : error instanceof HistoryStopped
          ? 'stopped'
          : 'error'
    const { name, message } =
      error instanceof Error ? error : { name: 'Error', message: String(error) }
    // Dexie wraps IndexedDB's failures; the cause's name says what it was (disk full).
    const inner = (error as { inner?: { name?: string } } | null)?.inner
    post({ type: 'failed', kind, name: inner?.name ?? name, message })
  } finally {
    db.close()
  }
}

self.onmessage = (event: MessageEvent<ToStepWorker>) => {
  const message = event.data
  if (message.type === 'chunk') chunks.push(message.chunk)
  else if (message.type === 'ack') {
    taken = message.seq
    if (sent - taken <= REPORTS_AHEAD) wake()
  } else if (message.type === 'stop') {
    stop.abort()
    wake()
  } else void run(message.dbName, message.direction)
}

/**
 * One large undo or redo, replayed on a connection of its own (decision 0036): the window sends
 * the command's chunks, then `run`; progress goes back as it is made, paced by the window's
 * acknowledgements (report-pacer.ts).
 */
import { openDatabase } from './db'
import { HistoryConflictError, HistoryStopped, runStep, type Chunk } from './history'
import { ReportPacer, failureName } from './report-pacer'
import type { FromStepWorker, ToStepWorker } from './step-protocol'

const chunks: Chunk[] = []
const stop = new AbortController()
const pacer = new ReportPacer(stop.signal)

const post = (message: FromStepWorker): void => self.postMessage(message)

async function run(dbName: string, direction: 'undo' | 'redo'): Promise<void> {
  const db = openDatabase(dbName, { recordHistory: false })
  try {
    await runStep(db, chunks, direction, {
      signal: stop.signal,
      onprogress: (done, total) => post({ type: 'progress', seq: pacer.next(), done, total }),
      pace: () => pacer.pace(),
    })
    post({ type: 'done' })
  } catch (error) {
    const kind =
      error instanceof HistoryConflictError
        ? 'conflict'
        : error instanceof HistoryStopped
          ? 'stopped'
          : 'error'
    post({ type: 'failed', kind, ...failureName(error) })
  } finally {
    db.close()
  }
}

self.onmessage = (event: MessageEvent<ToStepWorker>) => {
  const message = event.data
  if (message.type === 'chunk') chunks.push(message.chunk)
  else if (message.type === 'ack') pacer.taken(message.seq)
  else if (message.type === 'stop') stop.abort()
  else void run(message.dbName, message.direction)
}

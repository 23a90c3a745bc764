/**
 * A project file's import from its check to its commit, on a connection of its own (decision
 * 0037): the file is read and checked here, the preview planned here, and on `import` the merge
 * is written and recorded here. The window never holds the file's rows, nor the garbage of the
 * hundreds of thousands of write requests a large import makes. After the commit the recorded
 * command goes to the window's undo stack, a few chunks per message.
 */
import { checkProjectInPlace } from '../backups/check-project'
import type { Project } from '../domain/project/format'
import { WriteError } from './actions/errors'
import { ImportCancelled, importCheckedProject } from './actions/project'
import { planImportPreview } from './actions/restore'
import { openDatabase, type SourcelineDb } from './db'
import { UndoStack } from './history'
import type { FromImportWorker, ToImportWorker } from './import-protocol'
import { ReportPacer, failureName } from './report-pacer'
import { setReadOnly } from './write-guard'

/** Chunks per message after the commit: each holds one bulk request's rows (500), packed. */
const CHUNKS_PER_MESSAGE = 4

let checked: { project: Project; db: SourcelineDb } | null = null
/** The import under way: how to stop it and pace it. */
let running: { stop: AbortController; pacer: ReportPacer } | null = null

const post = (message: FromImportWorker): void => self.postMessage(message)

async function check(message: Extract<ToImportWorker, { type: 'check' }>): Promise<void> {
  setReadOnly(message.readOnly)
  try {
    const answer = await checkProjectInPlace(message.source, message.context)
    if (!answer.ok) {
      post({ type: 'problems', problems: answer.problems })
      return
    }
    const db = openDatabase(message.dbName)
    checked = { project: answer.project, db }
    post({ type: 'preview', preview: await planImportPreview(answer.project, db) })
  } catch (error) {
    post({ type: 'problems', problems: [`The file could not be checked: ${String(error)}`] })
  }
}

async function runImport(): Promise<void> {
  if (!checked) {
    post({ type: 'failed', kind: 'error', name: 'Error', message: 'No checked file to import.' })
    return
  }
  const { project, db } = checked
  const history = new UndoStack()
  const stop = new AbortController()
  const pacer = new ReportPacer(stop.signal)
  running = { stop, pacer }
  try {
    const summary = await importCheckedProject(
      project,
      { db, history },
      {
        signal: stop.signal,
        onprogress: (written, total) =>
          post({ type: 'progress', seq: pacer.next(), written, total }),
        pace: () => pacer.pace(),
        onwriting: (tables) => {
          post({ type: 'writing', seq: pacer.next(), tables })
          return pacer.pace(0)
        },
      },
    )
    const chunks = history.latestCommand()?.chunks ?? []
    for (let at = 0; at < chunks.length; at += CHUNKS_PER_MESSAGE)
      post({ type: 'chunks', chunks: chunks.slice(at, at + CHUNKS_PER_MESSAGE) })
    db.close()
    checked = null
    post({ type: 'imported', summary })
  } catch (error) {
    if (error instanceof ImportCancelled)
      post({ type: 'failed', kind: 'cancelled', name: error.name, message: error.message })
    else if (error instanceof WriteError)
      post({ type: 'failed', kind: 'write', code: error.code, message: error.message })
    else post({ type: 'failed', kind: 'error', ...failureName(error) })
  } finally {
    // A failed or stopped import wrote nothing: the file stays checked, to import again.
    running = null
  }
}

self.onmessage = (event: MessageEvent<ToImportWorker>) => {
  const message = event.data
  if (message.type === 'check') void check(message)
  else if (message.type === 'import') void runImport()
  else if (message.type === 'ack') running?.pacer.taken(message.seq)
  else running?.stop.abort()
}

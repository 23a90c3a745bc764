/**
 * The Worker that builds an export file (run-export.ts): it gathers the records sent in slices,
 * builds and encodes the file a chunk at a time (domain/exports/pieces.ts), reports progress,
 * and answers the file's bytes, transferred rather than copied.
 */
import {
  encodeJob,
  joinJob,
  type ExportJob,
  type ExportReply,
  type ExportRequest,
} from './run-export'

const PROGRESS_EVERY_MS = 50

let gathering: { kind: ExportJob['kind']; head: object; lists: Record<string, unknown[]> } | null =
  null

function reply(message: ExportReply, transfer: Transferable[] = []): void {
  postMessage(message, { transfer })
}

onmessage = ({ data }: MessageEvent<ExportRequest>) => {
  try {
    if (data.type === 'start') {
      const lists: Record<string, unknown[]> = {}
      for (const field of data.lists) lists[field] = []
      gathering = { kind: data.kind, head: data.head, lists }
      return
    }
    if (!gathering) throw new Error('the export was not started')
    if (data.type === 'add') {
      const list = gathering.lists[data.field]
      if (!list) throw new Error(`the export has no ${data.field}`)
      for (const item of data.items) list.push(item)
      return
    }
    const job = joinJob(gathering.kind, gathering.head, gathering.lists)
    gathering = null
    let last = 0
    const bytes = encodeJob(job, (done, total) => {
      const now = performance.now()
      if (now - last < PROGRESS_EVERY_MS) return
      last = now
      reply({ type: 'progress', done, total })
    })
    reply({ type: 'done', bytes }, [bytes.buffer])
  } catch (error) {
    reply({ type: 'failed', message: error instanceof Error ? error.message : String(error) })
  }
}

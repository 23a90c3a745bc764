/**
 * The Worker that builds a text export (run-export.ts): it gathers the input sent in slices,
 * builds and encodes the file a chunk at a time (domain/exports/pieces.ts), reports progress,
 * and answers the file's bytes, transferred rather than copied.
 */
import { encodeExport, type ExportInput, type StreamedKind } from '../domain/exports'
import type { ExportReply, ExportRequest } from './run-export'

const PROGRESS_EVERY_MS = 50

let kind: StreamedKind = 'markdown'
let input: ExportInput | null = null

function reply(message: ExportReply, transfer: Transferable[] = []): void {
  postMessage(message, { transfer })
}

onmessage = ({ data }: MessageEvent<ExportRequest>) => {
  try {
    if (data.type === 'start') {
      kind = data.kind
      input = { ...data.head, articles: [], events: [], notes: [], highlights: [] }
      for (const field of data.lists) input[field] = []
      return
    }
    if (!input) throw new Error('the export was not started')
    if (data.type === 'add') {
      const list = input[data.field] as unknown[] | undefined
      if (!list) throw new Error(`the export has no ${data.field}`)
      for (const item of data.items) list.push(item)
      return
    }
    let last = 0
    const bytes = encodeExport(kind, input, (done, total) => {
      const now = performance.now()
      if (now - last < PROGRESS_EVERY_MS) return
      last = now
      reply({ type: 'progress', done, total })
    })
    input = null
    reply({ type: 'done', bytes }, [bytes.buffer])
  } catch (error) {
    reply({ type: 'failed', message: error instanceof Error ? error.message : String(error) })
  }
}

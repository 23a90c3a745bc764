/**
 * Builds an export file off the window's thread: a text format from an ExportInput, or the
 * project file from a snapshot of the tables. The records go to a Worker (export.worker.ts) in
 * slices small enough that no one copy holds the window; the Worker builds the file in chunks
 * and reports progress, and the bytes come back transferred. Aborting the signal ends the Worker
 * at once. Where there is no Worker (unit tests in Node) the same build runs in place.
 */
import {
  encodeExport,
  encodePieces,
  jsonFile,
  type ExportInput,
  type StreamedKind,
} from '../domain/exports'
import { projectFileValue, type ProjectData, type ProjectMeta } from '../domain/project/format'
import { strings } from '../strings'

/** What to build: a text export, or the project file. */
export type ExportJob =
  | { kind: StreamedKind; input: ExportInput }
  | { kind: 'project'; snapshot: ProjectData; meta: ProjectMeta }

type Lists = Record<string, readonly unknown[]>

export type ExportRequest =
  | { type: 'start'; kind: ExportJob['kind']; head: object; lists: string[] }
  | { type: 'add'; field: string; items: unknown[] }
  | { type: 'build' }

export type ExportReply =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; bytes: Uint8Array<ArrayBuffer> }
  | { type: 'failed'; message: string }

/** The export was cancelled: rejected with this so callers can tell it from a failure. */
export class ExportCancelled extends Error {
  override name = 'ExportCancelled'
}

/** Records per message: each copy into the Worker stays a few milliseconds. */
const SLICE = 1000
/** The share of the progress bar that sending the records takes; building takes the rest. */
const SENDING_SHARE = 0.15

/** A job as its fields that are not lists (sent at once) and its lists (sent in slices). */
function split(job: ExportJob): { head: object; lists: Lists } {
  if (job.kind === 'project') return { head: job.meta, lists: { ...job.snapshot } }
  const { articles, events, notes, highlights, entities, grades, conflictNotes, ...head } =
    job.input
  const all = { articles, events, notes, highlights, entities, grades, conflictNotes }
  // Only the lists the input has, even empty: an empty catalogue and none write different files.
  const lists: Lists = {}
  for (const [field, list] of Object.entries(all)) if (list !== undefined) lists[field] = list
  return { head, lists }
}

/** The file's bytes for a job, built in place; `onprogress` hears (done, total). */
export function encodeJob(
  job: ExportJob,
  onprogress?: (done: number, total: number) => void,
): Uint8Array<ArrayBuffer> {
  if (job.kind !== 'project') return encodeExport(job.kind, job.input, onprogress)
  return encodePieces(
    (tick) => jsonFile(projectFileValue(job.snapshot, job.meta), tick),
    onprogress,
  )
}

/** The job the Worker gathered, put back together from its head and lists. */
export function joinJob(kind: ExportJob['kind'], head: object, lists: Lists): ExportJob {
  const whole = { ...head, ...lists }
  return kind === 'project'
    ? { kind, meta: head as ProjectMeta, snapshot: lists as unknown as ProjectData }
    : { kind, input: whole as unknown as ExportInput }
}

export interface RunExportOptions {
  signal?: AbortSignal
  /** 0–1, only growing. */
  onprogress?: (fraction: number) => void
}

export async function runExport(
  job: ExportJob,
  options: RunExportOptions = {},
): Promise<Uint8Array<ArrayBuffer>> {
  const { signal, onprogress = () => {} } = options
  if (signal?.aborted) throw new ExportCancelled('cancelled')
  if (typeof Worker === 'undefined') {
    return encodeJob(job, (done, total) => onprogress(done / total))
  }
  const worker = new Worker(new URL('./export.worker.ts', import.meta.url), {
    type: 'module',
    name: 'export',
  })
  let onabort = () => {}
  const aborted = new Promise<never>((_, reject) => {
    onabort = () => reject(new ExportCancelled('cancelled'))
    signal?.addEventListener('abort', onabort, { once: true })
  })
  const finished = new Promise<Uint8Array<ArrayBuffer>>((resolve, reject) => {
    worker.onmessage = ({ data }: MessageEvent<ExportReply>) => {
      if (data.type === 'progress') {
        onprogress(SENDING_SHARE + (1 - SENDING_SHARE) * (data.done / Math.max(1, data.total)))
      } else if (data.type === 'done') resolve(data.bytes)
      else reject(new Error(data.message))
    }
    worker.onerror = (event) => reject(new Error(event.message || strings.exportDialog.stopped))
  })
  try {
    const sent = send(worker, job, onprogress, signal).then(() => finished)
    return await Promise.race([sent, aborted])
  } finally {
    signal?.removeEventListener('abort', onabort)
    worker.terminate()
  }
}

async function send(
  worker: Worker,
  job: ExportJob,
  onprogress: (fraction: number) => void,
  signal: AbortSignal | undefined,
): Promise<void> {
  const { head, lists } = split(job)
  const fields = Object.keys(lists)
  worker.postMessage({ type: 'start', kind: job.kind, head, lists: fields } satisfies ExportRequest)
  const total = fields.reduce((n, field) => n + (lists[field]?.length ?? 0), 0)
  let sent = 0
  for (const field of fields) {
    const list = lists[field] ?? []
    for (let at = 0; at < list.length; at += SLICE) {
      if (signal?.aborted) return
      const items = list.slice(at, at + SLICE)
      worker.postMessage({ type: 'add', field, items } satisfies ExportRequest)
      sent += items.length
      onprogress((SENDING_SHARE * sent) / Math.max(1, total))
      await yieldToWindow()
    }
  }
  worker.postMessage({ type: 'build' } satisfies ExportRequest)
}

/** Lets the window handle input and paint between slices. */
function yieldToWindow(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0))
}

/** UTF-8 bytes read back as text a slice at a time, for the PDF and print paths that need it. */
export async function textOf(bytes: Uint8Array): Promise<string> {
  const decoder = new TextDecoder()
  const step = 1 << 20
  let text = ''
  for (let at = 0; at < bytes.byteLength; at += step) {
    text += decoder.decode(bytes.subarray(at, at + step), { stream: at + step < bytes.byteLength })
    await yieldToWindow()
  }
  return text
}

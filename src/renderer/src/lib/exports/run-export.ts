/**
 * Builds a text export off the window's thread: the input goes to a Worker (export.worker.ts)
 * in slices small enough that no one copy holds the window, the Worker builds the file in
 * chunks and reports progress, and the bytes come back transferred. Aborting the signal ends
 * the Worker at once. Where there is no Worker (unit tests in Node) the same build runs in place.
 */
import { encodeExport, type ExportInput, type StreamedKind } from '../domain/exports'

/** Input lists, sent a slice at a time. */
export type ListField =
  'articles' | 'events' | 'notes' | 'highlights' | 'entities' | 'grades' | 'conflictNotes'

const LIST_FIELDS: readonly ListField[] = [
  'articles',
  'events',
  'notes',
  'highlights',
  'entities',
  'grades',
  'conflictNotes',
]

type ExportHead = Omit<ExportInput, ListField>

export type ExportRequest =
  | { type: 'start'; kind: StreamedKind; head: ExportHead; lists: ListField[] }
  | { type: 'add'; field: ListField; items: unknown[] }
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
/** The share of the progress bar that sending the input takes; building takes the rest. */
const SENDING_SHARE = 0.15

export interface RunExportOptions {
  signal?: AbortSignal
  /** 0–1, only growing. */
  onprogress?: (fraction: number) => void
}

export async function runExport(
  kind: StreamedKind,
  input: ExportInput,
  options: RunExportOptions = {},
): Promise<Uint8Array<ArrayBuffer>> {
  const { signal, onprogress = () => {} } = options
  if (signal?.aborted) throw new ExportCancelled('cancelled')
  if (typeof Worker === 'undefined') {
    return encodeExport(kind, input, (done, total) => onprogress(done / total))
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
    worker.onerror = (event) => reject(new Error(event.message || 'the export stopped'))
  })
  try {
    return await Promise.race([
      send(worker, kind, input, onprogress, signal).then(() => finished),
      aborted,
    ])
  } finally {
    signal?.removeEventListener('abort', onabort)
    worker.terminate()
  }
}

async function send(
  worker: Worker,
  kind: StreamedKind,
  input: ExportInput,
  onprogress: (fraction: number) => void,
  signal: AbortSignal | undefined,
): Promise<void> {
  const { articles, events, notes, highlights, entities, grades, conflictNotes, ...head } = input
  const lists = { articles, events, notes, highlights, entities, grades, conflictNotes }
  // Lists the input has, even empty: an empty catalogue and none write different files.
  const present = LIST_FIELDS.filter((field) => lists[field] !== undefined)
  worker.postMessage({ type: 'start', kind, head, lists: present } satisfies ExportRequest)
  const total = LIST_FIELDS.reduce((n, field) => n + (lists[field]?.length ?? 0), 0)
  let sent = 0
  for (const field of LIST_FIELDS) {
    const list: readonly unknown[] | undefined = lists[field]
    if (!list) continue
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

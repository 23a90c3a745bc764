/**
 * Reads a saved page into a draft article in a Worker (html.worker.ts), so the window keeps
 * handling input however large or deeply nested the page is. Aborting the signal ends the Worker
 * at once. Where there is no Worker (unit tests in Node), the same reader runs in place.
 */
import type { Draft } from '../domain/import/draft'

export interface PageRequest {
  html: string
  fileName: string
}

export type PageReply = { ok: true; draft: Draft } | { ok: false; message: string }

/** The reading was cancelled: rejected with this so callers can tell it from a failure. */
export class PageReadCancelled extends Error {
  override name = 'PageReadCancelled'
}

export async function readPage(
  html: string,
  fileName: string,
  signal?: AbortSignal,
): Promise<Draft> {
  if (signal?.aborted) throw new PageReadCancelled('cancelled')
  if (typeof Worker === 'undefined') {
    const { htmlToArticle } = await import('./html')
    return htmlToArticle(html, fileName)
  }
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./html.worker.ts', import.meta.url), {
      type: 'module',
      name: 'page-reader',
    })
    const finish = () => {
      worker.terminate()
      signal?.removeEventListener('abort', onabort)
    }
    const onabort = () => {
      finish()
      reject(new PageReadCancelled('cancelled'))
    }
    signal?.addEventListener('abort', onabort, { once: true })
    worker.onmessage = ({ data }: MessageEvent<PageReply>) => {
      finish()
      if (data.ok) resolve(data.draft)
      else reject(new Error(data.message))
    }
    worker.onerror = (event) => {
      finish()
      reject(new Error(event.message || 'the page reader stopped'))
    }
    worker.postMessage({ html, fileName } satisfies PageRequest)
  })
}

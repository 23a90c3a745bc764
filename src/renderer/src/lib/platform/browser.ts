/** The browser build's platform: files leave as downloads, links open in a new tab. */
import { nextTask } from '../domain/pacing'
import type { Platform, RuntimeFacts } from './platform'

/** The browser's Chromium major version from its user agent, or 'unknown' in another browser. */
export function chromiumVersionOf(userAgent: string): string {
  return /(?:Chrome|Chromium)\/([\d.]+)/.exec(userAgent)?.[1] ?? 'unknown'
}

export function browserFacts(userAgent: string, origin: string, appVersion: string): RuntimeFacts {
  return {
    build: 'browser build',
    appVersion,
    electronVersion: null,
    chromiumVersion: chromiumVersionOf(userAgent),
    data: `this browser profile's IndexedDB, for ${origin}`,
    backups: 'none kept by the app: Backups ▸ Download a backup saves one to your downloads',
  }
}

/** Bytes copied into a Blob per task: 100 MB in one copy held the window for 70 ms. */
export const BLOB_SLICE = 8 << 20

/** A Blob of `bytes`, copied a slice per task (a Blob of Blobs holds references, no copy). */
export async function blobInSlices(bytes: Uint8Array, type: string): Promise<Blob> {
  if (bytes.byteLength <= BLOB_SLICE) return new Blob([bytes as Uint8Array<ArrayBuffer>], { type })
  const parts: Blob[] = []
  for (let at = 0; at < bytes.byteLength; at += BLOB_SLICE) {
    parts.push(new Blob([bytes.subarray(at, at + BLOB_SLICE) as Uint8Array<ArrayBuffer>]))
    await nextTask()
  }
  return new Blob(parts, { type })
}

export function createBrowserPlatform(): Platform {
  return {
    kind: 'browser',
    async saveFile(request) {
      // Bytes are a built export or a binary one (PDF, PNG); the file name's extension tells.
      const blob =
        typeof request.content === 'string'
          ? new Blob([request.content], { type: 'text/plain;charset=utf-8' })
          : await blobInSlices(request.content, 'application/octet-stream')
      const url = URL.createObjectURL(blob)
      try {
        const link = document.createElement('a')
        link.href = url
        link.download = request.suggestedName
        link.rel = 'noopener'
        document.body.append(link)
        link.click()
        link.remove()
      } finally {
        // Revoke later: Chromium reads the blob after click() returns.
        setTimeout(() => URL.revokeObjectURL(url), 60_000)
      }
      return { saved: true, where: `your downloads as ${request.suggestedName}` }
    },
    async openExternal(url) {
      if (!url.startsWith('https:')) throw new Error('Only https links can be opened.')
      window.open(url, '_blank', 'noopener,noreferrer')
    },
    onMenuCommand() {
      return () => {}
    },
    async about() {
      return browserFacts(navigator.userAgent, location.origin, __SOURCELINE_VERSION__)
    },
    onProjectFileOpened() {
      return () => {}
    },
  }
}

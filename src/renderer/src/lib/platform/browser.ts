/** The browser build's platform: files leave as downloads, links open in a new tab. */
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

export function createBrowserPlatform(): Platform {
  return {
    kind: 'browser',
    async saveFile(request) {
      // Bytes are a binary export (PDF, PNG); the file name's extension tells the type.
      const blob =
        typeof request.content === 'string'
          ? new Blob([request.content], { type: 'text/plain;charset=utf-8' })
          : new Blob([request.content], { type: 'application/octet-stream' })
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

/** The browser build's platform: files leave as downloads, links open in a new tab. */
import type { Platform } from './platform'

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
  }
}

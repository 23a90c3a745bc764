/**
 * The Platform when running inside Electron: each call goes through window.api and each failed
 * Result becomes a thrown PlatformError carrying the main process's message, so callers handle
 * Electron and the browser the same way. A cancelled save is not an error: it is `{ saved: false }`.
 */
import type { ErrorCode, Result, SourcelineApi } from '$shared/ipc'
import type { Platform, SaveOutcome } from './platform'

export class PlatformError extends Error {
  readonly code: ErrorCode

  constructor(code: ErrorCode, message: string) {
    super(message)
    this.name = 'PlatformError'
    this.code = code
  }
}

export function createElectronPlatform(api: SourcelineApi): Platform {
  return {
    kind: 'electron',

    async saveFile(request): Promise<SaveOutcome> {
      const result = await api.saveFile(request)
      if (!result.ok && result.error.code === 'cancelled') return { saved: false }
      const outcome = unwrap(result)
      return outcome.saved ? { saved: true, where: outcome.path } : { saved: false }
    },

    async printToPdf(html): Promise<Uint8Array<ArrayBuffer>> {
      return unwrap(await api.printToPdf(html)).bytes
    },

    async capturePage(rect): Promise<Uint8Array<ArrayBuffer>> {
      return unwrap(await api.capturePage(rect)).bytes
    },

    async openExternal(url): Promise<void> {
      unwrap(await api.openExternal(url))
    },

    onMenuCommand(listener) {
      return api.onMenuCommand(listener)
    },

    async about() {
      const facts = unwrap(await api.about())
      return {
        build: 'desktop app',
        appVersion: facts.appVersion,
        electronVersion: facts.electronVersion,
        chromiumVersion: facts.chromiumVersion,
        data: `the IndexedDB folder of ${facts.dataFolder} (${facts.databaseFolder})`,
        backups: facts.backupsFolder,
      }
    },

    onProjectFileOpened(listener) {
      let active = true
      // Files opened before the page listened wait in main's queue: take them now, and again
      // each time main says another came.
      const take = async (): Promise<void> => {
        try {
          const files = unwrap(await api.takeOpenedProjectFiles())
          for (const file of files) if (active) listener(file)
        } catch (error) {
          console.error('Opened project files could not be taken', error)
        }
      }
      const unsubscribe = api.onProjectFileOpened(() => void take())
      void take()
      return () => {
        active = false
        unsubscribe()
      }
    },

    backups: {
      async write(reason, content) {
        return unwrap(await api.writeBackup(reason, content))
      },
      async list() {
        return unwrap(await api.listBackups())
      },
      async read(name) {
        return unwrap(await api.readBackup(name)).content
      },
    },

    recovery: {
      async getStoreRecord() {
        return unwrap(await api.getStoreRecord())
      },
      async setStoreRecord(records) {
        return unwrap(await api.setStoreRecord({ records }))
      },
      async quarantineStore() {
        return unwrap(await api.quarantineStore()).path
      },
    },
  }
}

function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value
  throw new PlatformError(result.error.code, result.error.message)
}

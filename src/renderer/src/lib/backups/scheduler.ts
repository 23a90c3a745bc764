/**
 * Automatic backups (Electron): the project file written through platform.backups on a schedule
 * and before every import. In the browser build platform.backups is undefined and all of this is
 * skipped silently: there the user downloads a backup from the Backups screen.
 *
 * Schedule: a check at start and every 15 minutes; a `scheduled` backup is written when the store
 * has data, the data differs from the newest backup, and that backup is an hour old or more. So a
 * backup is at most an hour behind, and an unchanged store writes none.
 * Policy for failures: docs/decisions/0009-backup-screens.md. No platform or database imports
 * here, so it is tested in Node with its dependencies passed in (auto.ts wires the app's).
 */
import type { BackupReason } from '$shared/ipc'
import type { BackupsPlatform } from '../platform/platform'
import { fingerprintBytes, fingerprintText } from './fingerprint'

export const SCHEDULE_INTERVAL_MS = 60 * 60 * 1000
export const CHECK_EVERY_MS = 15 * 60 * 1000

/** A backup that should have been written was not; the message says why and what to do. */
export class BackupNotWrittenError extends Error {
  override name = 'BackupNotWrittenError'
}

/** What the scheduler needs from the app; the app's own unless a test passes its own. */
export interface BackupDeps {
  backups: BackupsPlatform | undefined
  /**
   * The project file for the store as it is now, as UTF-8 bytes (the app builds it in the export
   * Worker, so a large project never holds the window).
   */
  exportFile: () => Promise<Uint8Array>
  countStored: () => Promise<number>
  now: () => number
}

export class AutoBackups {
  readonly #deps: BackupDeps
  /** The newest backup this session knows of: when, and of what. */
  #last: { at: number; fingerprint: string | null } | null = null
  #knowsNewest = false
  /** One write at a time: a scheduled check never races an import's backup. */
  #queue: Promise<unknown> = Promise.resolve()

  constructor(deps: BackupDeps) {
    this.#deps = deps
  }

  get available(): boolean {
    return this.#deps.backups !== undefined
  }

  /**
   * Writes a backup now for `reason`, unless the store is empty (there is nothing to lose) or
   * this is the browser build. Answers the backup's name, or null when none was needed. Throws
   * BackupNotWrittenError when the backup could not be written.
   */
  backupBefore(reason: BackupReason): Promise<string | null> {
    return this.#exclusive(async () => {
      const backups = this.#deps.backups
      if (!backups) return null
      try {
        if ((await this.#deps.countStored()) === 0) return null
        const file = await this.#deps.exportFile()
        return await this.#write(backups, reason, file, await fingerprintBytes(file))
      } catch (error) {
        throw new BackupNotWrittenError(
          `The backup of your current data could not be written: ${detail(error)}`,
        )
      }
    })
  }

  /**
   * The scheduled check. Answers what it did: 'written', or why not ('browser', 'empty',
   * 'unchanged', 'recent'). Throws BackupNotWrittenError when a due backup could not be written.
   */
  check(): Promise<'written' | 'browser' | 'empty' | 'unchanged' | 'recent'> {
    return this.#exclusive(async () => {
      const backups = this.#deps.backups
      if (!backups) return 'browser'
      try {
        if ((await this.#deps.countStored()) === 0) return 'empty'
        const file = await this.#deps.exportFile()
        const content = await fingerprintBytes(file)
        if (!this.#knowsNewest) await this.#learnNewest(backups)
        const last = this.#last
        if (last && last.fingerprint === content) return 'unchanged'
        if (last && this.#deps.now() - last.at < SCHEDULE_INTERVAL_MS) return 'recent'
        await this.#write(backups, 'scheduled', file, content)
        return 'written'
      } catch (error) {
        throw new BackupNotWrittenError(
          `The scheduled backup could not be written: ${detail(error)}`,
        )
      }
    })
  }

  /** Checks now and every CHECK_EVERY_MS; answers a stop function. */
  start(onerror: (message: string) => void): () => void {
    let reported = false
    const run = () => {
      this.check().then(
        () => (reported = false),
        (error: unknown) => {
          // Said once, not every 15 minutes, until a check succeeds again.
          if (!reported) onerror(detail(error))
          reported = true
        },
      )
    }
    run()
    const timer = setInterval(run, CHECK_EVERY_MS)
    return () => clearInterval(timer)
  }

  async #write(
    backups: BackupsPlatform,
    reason: BackupReason,
    file: Uint8Array,
    content: string,
  ): Promise<string> {
    const { name } = await backups.write(reason, file)
    this.#last = { at: this.#deps.now(), fingerprint: content }
    this.#knowsNewest = true
    return name
  }

  /** What the newest backup on disk holds, read once per session. */
  async #learnNewest(backups: BackupsPlatform): Promise<void> {
    const [newest] = (await backups.list()).filter((b) => b.verified)
    this.#knowsNewest = true
    if (!newest) return
    let content: string | null = null
    try {
      content = await fingerprintText(await backups.read(newest.name))
    } catch {
      // Unreadable: compare by age only.
    }
    this.#last = { at: Date.parse(newest.time), fingerprint: content }
  }

  #exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(task, task)
    this.#queue = run.catch(() => undefined)
    return run
  }
}

function detail(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

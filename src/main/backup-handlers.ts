/**
 * The invoke handlers for backups and recovery: where the folders are (all under the app's
 * user-data folder) and how each failure becomes a Result. The work itself is in backups.ts.
 * handle() has checked the sender and validated the arguments by the time any of these runs.
 */
import { app } from 'electron'
import { join } from 'node:path'
import {
  BackupContentSchema,
  BackupNameSchema,
  BackupReasonSchema,
  StoreRecordRequestSchema,
} from '../shared/ipc'
import type { Result } from '../shared/ipc'
import {
  BackupError,
  listBackups,
  quarantineStore,
  readBackup,
  readStoreRecord,
  writeBackup,
  writeStoreRecord,
} from './backups'
import { describeWriteError } from './files'
import { fail, handle, ok } from './ipc'

export interface RecoveryPaths {
  userData: string
  /** The rotated backups of the project file. */
  backups: string
  /** Chromium's IndexedDB folder for this profile: what quarantine copies. */
  store: string
  /** How many records the store held, kept outside it. */
  storeRecord: string
}

export function recoveryPaths(userData: string = app.getPath('userData')): RecoveryPaths {
  return {
    userData,
    backups: join(userData, 'backups'),
    store: join(userData, 'IndexedDB'),
    storeRecord: join(userData, 'store-record.json'),
  }
}

/** Registers the backup:* and recovery:* channels; call once, after the app is ready. */
export function registerBackupHandlers(paths: RecoveryPaths = recoveryPaths()): void {
  handle(
    'backup:write',
    [BackupReasonSchema, BackupContentSchema],
    async (_event, reason, content) => {
      try {
        const { name } = await writeBackup(paths.backups, reason, content)
        return ok({ name })
      } catch (error) {
        return failure(error, () => describeWriteError(error, paths.backups))
      }
    },
  )

  handle('backup:list', [], async () => {
    try {
      return ok(await listBackups(paths.backups))
    } catch (error) {
      return failure(
        error,
        () => `Could not list the backups in ${paths.backups}: ${detail(error)}`,
      )
    }
  })

  handle('backup:read', [BackupNameSchema], async (_event, name) => {
    try {
      return ok({ content: await readBackup(paths.backups, name) })
    } catch (error) {
      return failure(error, () => `Could not read the backup ${name}: ${detail(error)}`)
    }
  })

  handle('recovery:get-record', [], async () => {
    try {
      return ok(await readStoreRecord(paths.storeRecord))
    } catch (error) {
      return failure(error, () => `Could not read ${paths.storeRecord}: ${detail(error)}`)
    }
  })

  handle('recovery:set-record', [StoreRecordRequestSchema], async (_event, request) => {
    try {
      return ok(await writeStoreRecord(paths.storeRecord, request.records))
    } catch (error) {
      return failure(error, () => describeWriteError(error, paths.storeRecord))
    }
  })

  handle('recovery:quarantine', [], async () => {
    try {
      return ok({ path: await quarantineStore(paths.store, paths.userData) })
    } catch (error) {
      return failure(error, () => describeWriteError(error, paths.userData))
    }
  })
}

/** A BackupError keeps its own code and sentence; anything else is a disk problem ('io'). */
function failure(error: unknown, describe: () => string): Result<never> {
  if (error instanceof BackupError) return fail(error.code, error.message)
  console.error('[backups]', error)
  return fail('io', describe())
}

function detail(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

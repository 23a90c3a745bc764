/**
 * Backups and recovery files on disk, for the main process: writing the project file as a backup
 * that is read back before it counts, the rotation after each write, listing and reading backups
 * by exact name, the store record (how many records IndexedDB held, kept outside it), and copying a
 * damaged IndexedDB folder aside. Node only, no Electron: backup-handlers.ts passes the folders in.
 */
import { cp, lstat, mkdir, readdir, readFile, rm } from 'node:fs/promises'
import type { Stats } from 'node:fs'
import { basename, join } from 'node:path'
import * as v from 'valibot'
import { StoreRecordRequestSchema } from '../shared/ipc'
import type { BackupInfo, BackupReason, ErrorCode, StoreRecord } from '../shared/ipc'
import {
  backupFileName,
  parseBackupName,
  selectBackupsToRemove,
  sortNewestFirst,
} from './backup-rotation'
import { errorCode, writeFileAtomic } from './files'

/** Why a backup operation refused or failed, with the IPC error code it answers with. */
export class BackupError extends Error {
  readonly code: ErrorCode

  constructor(code: ErrorCode, message: string) {
    super(message)
    this.name = 'BackupError'
    this.code = code
  }
}

export interface WrittenBackup {
  name: string
  /** Backups the rotation deleted after this one was written. */
  removed: string[]
}

/** The temp files writeFileAtomic leaves behind only if the process died mid-write. */
const TEMP_FILE = /^\.sourceline-[0-9a-f-]{36}\.tmp$/

/**
 * Writes `content` (the project file) as a new backup in `dir`, then keeps the rotation. The file
 * appears under its final name only once complete (temp file, fsync, rename, fsync of the folder),
 * and it counts only once it reads back byte for byte as JSON with a `formatVersion`; otherwise it
 * is deleted again and the write fails.
 */
export function writeBackup(
  dir: string,
  reason: BackupReason,
  content: string | Uint8Array,
  now: Date = new Date(),
): Promise<WrittenBackup> {
  return serialized(dir, async () => {
    await mkdir(dir, { recursive: true })
    await removeStaleTempFiles(dir)
    const name = await unusedBackupName(dir, now, reason)
    const path = join(dir, name)
    await writeFileAtomic(path, content)

    try {
      const problem =
        typeof content === 'string'
          ? describeReadBack(await readFile(path, 'utf8'), content)
          : describeBytesReadBack(await readFile(path), content)
      if (problem) throw problem
    } catch (error) {
      // A backup that did not read back is no backup: it must not be listed or restored.
      await rm(path, { force: true }).catch(() => undefined)
      throw error
    }
    const stats = await lstat(path)
    verifiedFiles.set(path, { size: stats.size, mtimeMs: stats.mtimeMs, verified: true })

    let removed: string[] = []
    try {
      removed = await rotateBackups(dir, now, name)
    } catch (error) {
      // The new backup is safe on disk; an old one left over is not worth failing the write for.
      console.error('[backups] rotation failed', error)
    }
    return { name, removed }
  })
}

/** Why the text read back from disk is not the backup we meant to write, or null if it is. */
function describeReadBack(readBack: string, written: string): BackupError | null {
  if (readBack !== written) {
    return new BackupError('io', 'The backup read back differently from what was written.')
  }
  if (!isProjectFileText(readBack)) {
    return new BackupError(
      'invalid-argument',
      'The backup is not a Sourceline project file (JSON with a formatVersion).',
    )
  }
  return null
}

/** The same check for a backup written as bytes: byte for byte, then as a project file. */
function describeBytesReadBack(readBack: Buffer, written: Uint8Array): BackupError | null {
  if (!readBack.equals(written)) {
    return new BackupError('io', 'The backup read back differently from what was written.')
  }
  const text = readBack.toString('utf8')
  return describeReadBack(text, text)
}

/**
 * True when `text` is a JSON object with a `formatVersion` (a whole number from 1, as the project
 * file has): a file worth offering to restore. The renderer's import checks the rest.
 */
export function isProjectFileText(text: string): boolean {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return false
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return false
  const version: unknown = Object.getOwnPropertyDescriptor(parsed, 'formatVersion')?.value
  return typeof version === 'number' && Number.isSafeInteger(version) && version >= 1
}

/** The name for a backup taken at `now`; in the rare same-millisecond case, the next free one. */
async function unusedBackupName(dir: string, now: Date, reason: BackupReason): Promise<string> {
  for (let offset = 0; offset < 1000; offset++) {
    const name = backupFileName(new Date(now.getTime() + offset), reason)
    if (!(await exists(join(dir, name)))) return name
  }
  throw new BackupError('io', 'Could not find a free name for the backup.')
}

/**
 * Deletes the backups the rotation no longer keeps; answers their names. `justWritten` is spared
 * even when the clock was set back and newer-named backups would push it out: a write must never
 * report a backup that is already gone.
 */
export async function rotateBackups(
  dir: string,
  now: Date = new Date(),
  justWritten?: string,
): Promise<string[]> {
  const names = await readdir(dir)
  const removed: string[] = []
  for (const name of selectBackupsToRemove(names, now)) {
    if (name === justWritten) continue
    const path = join(dir, name)
    // A folder or link that happens to carry a backup's name is not ours to delete.
    if (!(await lstat(path)).isFile()) continue
    await rm(path)
    verifiedFiles.delete(path)
    removed.push(name)
  }
  return removed
}

/** Temp files in the backups folder belong to writes that died: none runs while we hold the queue. */
async function removeStaleTempFiles(dir: string): Promise<void> {
  for (const name of await readdir(dir)) {
    if (TEMP_FILE.test(name)) await rm(join(dir, name), { force: true })
  }
}

/** The backups in `dir`, newest first. Files that are not exactly a backup's name are ignored. */
export async function listBackups(dir: string): Promise<BackupInfo[]> {
  let names: string[]
  try {
    names = await readdir(dir)
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return []
    throw error
  }
  const infos: BackupInfo[] = []
  for (const backup of sortNewestFirst(names.map(parseBackupName).filter((b) => b !== null))) {
    const path = join(dir, backup.name)
    let stats: Stats
    try {
      stats = await lstat(path)
    } catch (error) {
      if (errorCode(error) === 'ENOENT') continue // deleted by a rotation meanwhile
      throw error
    }
    if (!stats.isFile()) continue
    infos.push({
      name: backup.name,
      time: backup.time.toISOString(),
      reason: backup.reason,
      size: stats.size,
      verified: await isVerified(path, stats),
    })
  }
  return infos
}

/**
 * Whether a backup file reads as a project file. A backup never changes once written, so the
 * answer is remembered for its size and modification time: only the first listing after a start
 * reads the files.
 */
const verifiedFiles = new Map<string, { size: number; mtimeMs: number; verified: boolean }>()

async function isVerified(path: string, stats: Stats): Promise<boolean> {
  const known = verifiedFiles.get(path)
  if (known && known.size === stats.size && known.mtimeMs === stats.mtimeMs) return known.verified
  let verified: boolean
  try {
    verified = isProjectFileText(await readFile(path, 'utf8'))
  } catch {
    verified = false
  }
  verifiedFiles.set(path, { size: stats.size, mtimeMs: stats.mtimeMs, verified })
  return verified
}

/** The text of the backup called `name`. Only an exact backup name is accepted: no paths. */
export async function readBackup(dir: string, name: string): Promise<string> {
  if (!parseBackupName(name)) {
    throw new BackupError('invalid-argument', `"${name}" is not the name of a Sourceline backup.`)
  }
  const path = join(dir, name)
  let stats: Stats
  try {
    stats = await lstat(path)
  } catch (error) {
    if (errorCode(error) === 'ENOENT') throw new BackupError('io', `There is no backup ${name}.`)
    throw error
  }
  // lstat, not stat: a link placed in the folder under a backup's name does not lead elsewhere.
  if (!stats.isFile()) throw new BackupError('io', `${name} is not a backup file.`)
  return readFile(path, 'utf8')
}

const StoredRecordSchema = v.strictObject({
  ...StoreRecordRequestSchema.entries,
  savedAt: v.pipe(v.string(), v.isoTimestamp()),
})

/** The last store record, or null when none was written or it cannot be read as one. */
export async function readStoreRecord(path: string): Promise<StoreRecord | null> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null
    throw error
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    parsed = undefined
  }
  const result = v.safeParse(StoredRecordSchema, parsed)
  if (!result.success) {
    // Advisory only: a damaged record must not raise a false alarm about the store.
    console.warn(`[backups] ignoring an unreadable store record at ${path}`)
    return null
  }
  return result.output
}

/** Records how many records the store holds, atomically, so a crash leaves the old record or the new. */
export function writeStoreRecord(
  path: string,
  records: number,
  now: Date = new Date(),
): Promise<StoreRecord> {
  return serialized(path, async () => {
    const record: StoreRecord = { records, savedAt: now.toISOString() }
    await writeFileAtomic(path, `${JSON.stringify(record)}\n`)
    return record
  })
}

/**
 * Copies the store folder (IndexedDB) into a new `damaged-<time>` folder beside it and answers that
 * folder. It never moves or deletes the original. LevelDB's LOCK file is skipped: it holds no data,
 * and Windows refuses to read it while the store is open.
 */
export async function quarantineStore(
  storeDir: string,
  userDataDir: string,
  now: Date = new Date(),
): Promise<string> {
  const stats = await lstat(storeDir).catch((error: unknown) => {
    if (errorCode(error) === 'ENOENT') return null
    throw error
  })
  if (!stats?.isDirectory()) {
    throw new BackupError('io', `There is no store folder to copy at ${storeDir}.`)
  }
  const destination = await createUnusedFolder(userDataDir, `damaged-${timeStamp(now)}`)
  try {
    await cp(storeDir, join(destination, basename(storeDir)), {
      recursive: true,
      errorOnExist: true,
      force: false,
      preserveTimestamps: true,
      filter: (source) => basename(source) !== 'LOCK',
    })
  } catch (error) {
    // Only our own, new, partial copy is removed; the store itself was only read.
    await rm(destination, { recursive: true, force: true }).catch(() => undefined)
    throw error
  }
  return destination
}

async function createUnusedFolder(parent: string, base: string): Promise<string> {
  for (let attempt = 1; attempt <= 100; attempt++) {
    const path = join(parent, attempt === 1 ? base : `${base}-${attempt}`)
    try {
      await mkdir(path) // not recursive: fails if the folder exists, so no copy lands in another
      return path
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw error
    }
  }
  throw new BackupError('io', `Could not create a new folder for the copy in ${parent}.`)
}

/** An ISO time usable in a file name on every system (no colons). */
function timeStamp(time: Date): string {
  return time.toISOString().replaceAll(':', '-')
}

/**
 * Runs tasks for one path one after another: two backups never pick the same name, and a rotation
 * never runs while another backup is being written.
 */
const queues = new Map<string, Promise<void>>()

function serialized<T>(key: string, task: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve()
  const run = previous.then(task)
  const settled = run.then(
    () => undefined,
    () => undefined,
  )
  queues.set(key, settled)
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key)
  })
  return run
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path)
    return true
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false
    throw error
  }
}

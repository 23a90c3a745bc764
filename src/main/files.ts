/**
 * Writing exported files to disk: a safe default file name, an atomic write (temp file, fsync,
 * rename, so a crash or a full disk never leaves a half-written report), and error messages a
 * person can act on. Node only, no Electron, so it is unit-tested directly.
 */
import { randomUUID } from 'node:crypto'
import { open, realpath, rename, rm, stat } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import { dirname, join } from 'node:path'

// Characters Windows, macOS or Linux refuse (or treat as separators) in a file name.
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_NAME = /[\u0000-\u001f\u007f<>:"/\\|?*]+/g
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i

/** Turns a suggested name into a single safe file name for the save dialog's default path. */
export function safeFileName(suggested: string, fallback = 'export'): string {
  const cleaned = suggested
    .replace(UNSAFE_IN_NAME, '-')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .slice(0, 200)
  if (cleaned === '') return fallback
  return WINDOWS_RESERVED.test(cleaned) ? `_${cleaned}` : cleaned
}

/**
 * Writes `content` (UTF-8 text or bytes) to `path` so that `path` holds either the old file or
 * the whole new one. The temp file sits in the same directory because rename is only atomic within
 * one file system. A symlink is written through (the link survives); anything but a regular file
 * is refused, since renaming over it would replace a device or a folder rather than write to it.
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  const target = await existingTarget(path)
  const directory = dirname(target)
  const temp = join(directory, `.sourceline-${randomUUID()}.tmp`)
  let handle: FileHandle | undefined
  try {
    handle = await open(temp, 'wx')
    if (typeof content === 'string') await handle.writeFile(content, 'utf8')
    else await handle.writeFile(content)
    await handle.sync()
    await handle.close()
    handle = undefined
    await rename(temp, target)
  } catch (error) {
    await handle?.close().catch(() => undefined)
    await rm(temp, { force: true }).catch(() => undefined)
    throw error
  }
  await syncDirectory(directory)
}

/** Where the bytes should go: `path`, or the file a symlink at `path` points to. */
async function existingTarget(path: string): Promise<string> {
  let resolved: string
  try {
    resolved = await realpath(path)
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return path // a new file
    throw error
  }
  if (!(await stat(resolved)).isFile()) {
    throw Object.assign(new Error(`${path} is not a regular file`), { code: 'ENOTREG' })
  }
  return resolved
}

/** Makes the rename itself durable. Windows cannot open a directory for syncing: skip it there. */
async function syncDirectory(directory: string): Promise<void> {
  if (process.platform === 'win32') return
  let handle: FileHandle | undefined
  try {
    handle = await open(directory, 'r')
    await handle.sync()
  } catch {
    // The file is already written; a directory that cannot be synced is not worth failing over.
  } finally {
    await handle?.close().catch(() => undefined)
  }
}

/** A sentence for the person saving, naming the cause when the system tells us one. */
export function describeWriteError(error: unknown, path: string): string {
  const code = errorCode(error)
  switch (code) {
    case 'ENOSPC':
      return `Disk full: there is not enough free space to save ${path}.`
    case 'EDQUOT':
      return `Disk quota exceeded: there is no room left in your quota to save ${path}.`
    case 'EACCES':
    case 'EPERM':
      return `Permission denied: Sourceline may not write to ${path}. Choose another folder.`
    case 'EROFS':
      return `Read-only disk: ${path} is on a disk that cannot be written to.`
    case 'ENOENT':
    case 'ENOTDIR':
      return `Folder not found: the folder for ${path} no longer exists.`
    case 'EISDIR':
      return `${path} is a folder. Choose a file name instead.`
    case 'ENOTREG':
      return `${path} is not an ordinary file. Choose another name.`
    case 'ENAMETOOLONG':
      return `File name too long: ${path}. Choose a shorter name.`
    case 'EBUSY':
      return `File in use: ${path} is open in another program. Close it and try again.`
    default: {
      const detail = error instanceof Error ? error.message : String(error)
      return `Could not save ${path}: ${detail}`
    }
  }
}

/** Node's error code ('ENOSPC', 'ENOENT'…) when the error has one. */
export function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined
}

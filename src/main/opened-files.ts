/**
 * Project files the OS asks Sourceline to open: a double-click (macOS `open-file`), a path on the
 * command line (Windows, Linux), or one a second instance hands over. Main only queues the paths
 * and reads them when the renderer takes them; the renderer sends each through the Import project
 * file check and confirmation. Nothing here imports anything.
 */
import { open } from 'node:fs/promises'
import { basename, extname, isAbsolute, resolve } from 'node:path'
import { PROJECT_FILE_EXTENSIONS } from '../shared/ipc'
import type { OpenedProjectFile } from '../shared/ipc'

/** The most main reads of an opened file: the project file format's own limit (200 MB). */
export const MAX_OPENED_BYTES = 200_000_000

export function isProjectFilePath(path: string): boolean {
  const extension = extname(path).slice(1).toLowerCase()
  return (PROJECT_FILE_EXTENSIONS as readonly string[]).includes(extension)
}

/**
 * The project files named on a command line: arguments that are not switches and end in a
 * project file extension, resolved against the folder the command ran in. The first argument is
 * the executable; the app's own folder (`electron .`) has no such extension.
 */
export function projectFilesInArgv(argv: readonly string[], workingDirectory: string): string[] {
  return argv
    .slice(1)
    .filter((arg) => !arg.startsWith('-') && isProjectFilePath(arg))
    .map((arg) => (isAbsolute(arg) ? arg : resolve(workingDirectory, arg)))
}

/** Reads one file, refusing a folder, a missing file or one over the limit by saying so. */
export async function readOpenedFile(
  path: string,
  maxBytes: number = MAX_OPENED_BYTES,
): Promise<OpenedProjectFile> {
  const name = basename(path)
  let handle
  try {
    handle = await open(path, 'r')
    const info = await handle.stat()
    if (!info.isFile()) return { name, problem: `${path} is not a file.` }
    if (info.size > maxBytes) {
      return {
        name,
        problem:
          `The file is ${info.size.toLocaleString('en')} bytes; a project file can be at most ` +
          `${maxBytes.toLocaleString('en')} bytes.`,
      }
    }
    const bytes = new Uint8Array(new ArrayBuffer(info.size))
    let offset = 0
    while (offset < bytes.byteLength) {
      const { bytesRead } = await handle.read(bytes, offset, bytes.byteLength - offset, offset)
      if (bytesRead === 0) break
      offset += bytesRead
    }
    return { name, bytes: offset === bytes.byteLength ? bytes : bytes.slice(0, offset) }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const why =
      code === 'ENOENT'
        ? 'it does not exist (moved or deleted?)'
        : code === 'EACCES' || code === 'EPERM'
          ? 'Sourceline is not allowed to read it'
          : (error as Error).message
    return { name, problem: `${path} could not be read: ${why}.` }
  } finally {
    await handle?.close()
  }
}

/** The paths waiting for the renderer, oldest first; each is read once, when taken. */
export class OpenedFiles {
  #paths: string[] = []

  add(path: string): void {
    if (!this.#paths.includes(path)) this.#paths.push(path)
  }

  get size(): number {
    return this.#paths.length
  }

  async take(): Promise<OpenedProjectFile[]> {
    const paths = this.#paths
    this.#paths = []
    return Promise.all(paths.map((path) => readOpenedFile(path)))
  }
}

export const openedFiles = new OpenedFiles()

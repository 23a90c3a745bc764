/**
 * Reads a project file the user picked. A file over the limit is refused by its size alone, before
 * a byte of it is read into memory; a file that cannot be read says so. UTF-16 and UTF-32 files,
 * with or without a byte-order mark, are read as what they are.
 */
import { decodeAs, detectEncoding } from '../domain/encoding'
import { MAX_PROJECT_BYTES, projectTooLarge } from '../domain/project/format'

export type ReadOutcome = { ok: true; text: string } | { ok: false; problems: string[] }

export async function readProjectFile(
  file: Pick<File, 'size' | 'arrayBuffer'>,
): Promise<ReadOutcome> {
  if (file.size > MAX_PROJECT_BYTES) return { ok: false, problems: [projectTooLarge(file.size)] }
  try {
    const bytes = new Uint8Array(await file.arrayBuffer())
    return { ok: true, text: decodeAs(bytes, detectEncoding(bytes)) }
  } catch (error) {
    return {
      ok: false,
      problems: [`The file could not be read: ${error instanceof Error ? error.message : error}`],
    }
  }
}

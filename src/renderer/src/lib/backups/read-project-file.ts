/**
 * Reads a project file the user picked. A file over the limit is refused by its size alone, before
 * a byte of it is read into memory; a file that cannot be read says so.
 */
import { MAX_PROJECT_BYTES, projectTooLarge } from '../domain/project/format'

export type ReadOutcome = { ok: true; text: string } | { ok: false; problems: string[] }

export async function readProjectFile(file: File): Promise<ReadOutcome> {
  if (file.size > MAX_PROJECT_BYTES) return { ok: false, problems: [projectTooLarge(file.size)] }
  try {
    return { ok: true, text: await file.text() }
  } catch (error) {
    return {
      ok: false,
      problems: [`The file could not be read: ${error instanceof Error ? error.message : error}`],
    }
  }
}

/**
 * Checking a project file before the Project file or Backups screen asks to import or restore it:
 * its problems one by one, or a preview of what it would do. Nothing is written.
 */
import { ImportError } from '../db/actions/project'
import { readProjectFile } from './read-project-file'

export type FileCheck<P> =
  { ok: true; text: string; preview: P } | { ok: false; problems: string[] }

/** The problems an error stands for: an ImportError's list, or any other error's message. */
export function problemsOf(error: unknown): string[] {
  return error instanceof ImportError ? error.problems : [(error as Error).message]
}

/** Runs `preview` over a project file's text; whatever it throws becomes the problems. */
export async function checkText<P>(
  text: string,
  preview: (text: string) => Promise<P>,
): Promise<FileCheck<P>> {
  try {
    return { ok: true, text, preview: await preview(text) }
  } catch (error) {
    return { ok: false, problems: problemsOf(error) }
  }
}

/** Reads a file the user picked (refusing one too big or unreadable), then checks its text. */
export async function checkProjectFile<P>(
  file: File,
  preview: (text: string) => Promise<P>,
): Promise<FileCheck<P>> {
  const read = await readProjectFile(file)
  return read.ok ? checkText(read.text, preview) : read
}

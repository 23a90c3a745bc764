/**
 * What the Project file and Backups screens share around a project file: saving everything as
 * one, and the steps of bringing one in (nothing yet, checking, its problems, or a checked file
 * waiting for the user's confirmation).
 */
import type { Corpus } from '$shared/corpus'
import type { FileCheck } from '$lib/backups/check-file'
import { exportMetaFor } from '$lib/backups/project-context'
import { exportProject } from '$lib/db/actions/project'
import { platform } from '$lib/platform'
import { strings } from '$lib/strings'

/**
 * Saves everything the user made as a project file; answers where it went, or null when the
 * user cancelled. `around` wraps the export (e.g. in the busy indicator).
 */
export async function saveProjectFile(
  corpus: Corpus,
  file: { suggestedName: string; extensions: string[] },
  around: (work: () => Promise<string>) => Promise<string> = (work) => work(),
): Promise<string | null> {
  const content = await around(() => exportProject(exportMetaFor(corpus)))
  const outcome = await platform.saveFile({
    ...file,
    content,
    filterName: strings.files.filterName,
  })
  return outcome.saved ? outcome.where : null
}

export type FileStep<T> =
  | { kind: 'idle' }
  | { kind: 'checking'; fileName: string }
  | { kind: 'problems'; fileName: string; problems: string[] }
  | { kind: 'confirm'; fileName: string; value: T }

/** The step after a check: its problems, or `confirm` made from what the check read. */
export function checkedStep<P, T>(
  fileName: string,
  checked: FileCheck<P>,
  confirm: (text: string, preview: P) => T,
): FileStep<T> {
  return checked.ok
    ? { kind: 'confirm', fileName, value: confirm(checked.text, checked.preview) }
    : { kind: 'problems', fileName, problems: checked.problems }
}

/**
 * What the Project file and Backups screens share around a project file: saving everything as
 * one, and the steps of bringing one in (nothing yet, checking, its problems, or a checked file
 * waiting for the user's confirmation).
 */
import type { Corpus } from '$shared/corpus'
import type { FileCheck } from '$lib/backups/check-file'
import { projectFileBytes } from '$lib/backups/auto'
import { exportMetaFor } from '$lib/backups/project-context'
import { platform } from '$lib/platform'
import type { Busy } from '$lib/state/busy.svelte'
import { strings } from '$lib/strings'

/**
 * Saves everything the user made as a project file, written in the export Worker under the busy
 * indicator (`label`) with progress and Cancel; answers where it went, or null when the user
 * cancelled the save dialog. Rejects with ExportCancelled when Cancel stopped the writing.
 */
export async function saveProjectFile(
  corpus: Corpus,
  file: { suggestedName: string; extensions: string[] },
  busy: Busy,
  label: string,
): Promise<string | null> {
  const content = await busy.run(
    label,
    (report, signal) => projectFileBytes(exportMetaFor(corpus), { signal, onprogress: report }),
    { cancellable: true },
  )
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

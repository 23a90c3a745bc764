/**
 * The steps of bringing in a project file, shared by the Project file and Backups screens:
 * nothing yet, checking, its problems, or a checked file waiting for the user's confirmation.
 */
import type { FileCheck } from '$lib/backups/check-file'

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

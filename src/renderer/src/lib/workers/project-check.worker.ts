/**
 * Checks a project file off the UI thread: the whole file (its size; for a picked file, reading
 * and decoding it; JSON, schema, references, checksums) is read here once, and what comes back is
 * either its problems or the checked project, in parts (checkInParts) so that no one message
 * takes the window long to receive.
 */
import type { ProjectContext } from '../domain/project/format'
import {
  checkInParts,
  checkProjectInPlace,
  type ProjectCheck,
  type ProjectSource,
} from '../backups/check-project'

self.onmessage = async (
  message: MessageEvent<{ source: ProjectSource; context: ProjectContext }>,
) => {
  const { source, context } = message.data
  let answer: ProjectCheck
  try {
    answer = await checkProjectInPlace(source, context)
  } catch (error) {
    answer = { ok: false, problems: [`The file could not be checked: ${String(error)}`] }
  }
  for (const part of checkInParts(answer)) self.postMessage(part)
}

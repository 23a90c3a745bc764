/**
 * Checks a project file off the UI thread: the whole file (size, JSON, schema, references,
 * checksums) is read here once, and what comes back is either its problems or the checked project.
 */
import type { ProjectContext } from '../domain/project/format'
import { checkProjectInPlace, type ProjectCheck } from '../backups/check-project'

self.onmessage = async (message: MessageEvent<{ text: string; context: ProjectContext }>) => {
  const { text, context } = message.data
  let answer: ProjectCheck
  try {
    answer = await checkProjectInPlace(text, context)
  } catch (error) {
    answer = { ok: false, problems: [`The file could not be checked: ${String(error)}`] }
  }
  self.postMessage(answer)
}

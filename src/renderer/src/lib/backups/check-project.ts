/**
 * The one check of a project file's text before an import or a restore. In the app it runs in a
 * Worker (lib/workers/project-check.worker.ts) so a large file never freezes the window; where
 * there are no Workers (unit tests in Node) it runs in place, with the same result.
 */
import {
  parseProjectFile,
  verifyProjectChecksums,
  type Project,
  type ProjectContext,
} from '../domain/project/format'

export type ProjectCheck = { ok: true; project: Project } | { ok: false; problems: string[] }

export async function checkProjectText(
  text: string,
  context: ProjectContext,
): Promise<ProjectCheck> {
  if (typeof Worker === 'undefined') return checkProjectInPlace(text, context)
  const worker = new Worker(new URL('../workers/project-check.worker.ts', import.meta.url), {
    type: 'module',
  })
  try {
    return await new Promise<ProjectCheck>((resolve, reject) => {
      worker.onmessage = (message: MessageEvent<ProjectCheck>) => resolve(message.data)
      worker.onerror = (event) => reject(new Error(event.message || 'the checker stopped'))
      worker.postMessage({ text, context })
    })
  } finally {
    worker.terminate()
  }
}

/** The check itself, on whichever thread calls it. */
export async function checkProjectInPlace(
  text: string,
  context: ProjectContext,
): Promise<ProjectCheck> {
  const parsed = parseProjectFile(text, context)
  if (!parsed.ok) return parsed
  const checksums = await verifyProjectChecksums(parsed.project)
  return checksums.length > 0
    ? { ok: false, problems: checksums }
    : { ok: true, project: parsed.project }
}

/**
 * The one check of a project file's text before an import or a restore. In the app it runs in a
 * Worker (lib/workers/project-check.worker.ts) so a large file never freezes the window; where
 * there are no Workers (unit tests in Node) it runs in place, with the same result. The checked
 * project comes back in parts of a few thousand rows, each message its own short task to receive.
 * A file the user picked goes to the Worker as it is: reading and decoding it are the check's too.
 */
import { readProjectFile } from './read-project-file'
import {
  emptyProjectData,
  parseProjectFile,
  verifyProjectChecksums,
  type Project,
  type ProjectContext,
  type ProjectData,
} from '../domain/project/format'

export type ProjectCheck = { ok: true; project: Project } | { ok: false; problems: string[] }

/**
 * A project file's text, or the file itself (a Blob posts to the Worker without a copy; its text
 * would be a 90 MB clone at 100k events, and decoding it a task of its own).
 */
export type ProjectSource = string | Blob

/** One message from the checker: a whole structured clone of 100k rows is a quarter-second task. */
export type CheckPart =
  | { kind: 'problems'; problems: string[] }
  | { kind: 'head'; project: Project }
  | { kind: 'rows'; table: keyof ProjectData; rows: unknown[] }
  | { kind: 'end' }

/** As the import's chunks (IMPORT_CHUNK): 2,000 events took over 100 ms to receive at 50k. */
const ROWS_PER_PART = 500

/** A check's answer as messages: the project without rows, its rows a part at a time, the end. */
export function* checkInParts(check: ProjectCheck, size = ROWS_PER_PART): Generator<CheckPart> {
  if (!check.ok) {
    yield { kind: 'problems', problems: check.problems }
    return
  }
  const { data, ...rest } = check.project
  yield { kind: 'head', project: { ...rest, data: emptyProjectData() } }
  for (const table of Object.keys(data) as (keyof ProjectData)[]) {
    const rows: unknown[] = data[table]
    for (let at = 0; at < rows.length; at += size)
      yield { kind: 'rows', table, rows: rows.slice(at, at + size) }
  }
  yield { kind: 'end' }
}

/** Puts the parts back together; the answer once the last part has arrived, else null. */
export class CheckAssembly {
  #project: Project | null = null

  add(part: CheckPart): ProjectCheck | null {
    switch (part.kind) {
      case 'problems':
        return { ok: false, problems: part.problems }
      case 'head':
        this.#project = part.project
        return null
      case 'rows': {
        if (!this.#project) throw new Error('rows came before the project')
        const rows: unknown[] = this.#project.data[part.table]
        for (const row of part.rows) rows.push(row)
        return null
      }
      case 'end':
        if (!this.#project) throw new Error('the check ended without a project')
        return { ok: true, project: this.#project }
    }
  }
}

export async function checkProjectText(
  source: ProjectSource,
  context: ProjectContext,
): Promise<ProjectCheck> {
  if (typeof Worker === 'undefined') return checkProjectInPlace(source, context)
  const worker = new Worker(new URL('../workers/project-check.worker.ts', import.meta.url), {
    type: 'module',
  })
  try {
    return await new Promise<ProjectCheck>((resolve, reject) => {
      const assembly = new CheckAssembly()
      worker.onmessage = (message: MessageEvent<CheckPart>) => {
        try {
          const answer = assembly.add(message.data)
          if (answer) resolve(answer)
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)))
        }
      }
      worker.onerror = (event) => reject(new Error(event.message || 'the checker stopped'))
      worker.postMessage({ source, context })
    })
  } finally {
    worker.terminate()
  }
}

/** The check itself, on whichever thread calls it. */
export async function checkProjectInPlace(
  source: ProjectSource,
  context: ProjectContext,
): Promise<ProjectCheck> {
  // A file too large is refused by its size, before it is read.
  const read =
    typeof source === 'string' ? { ok: true as const, text: source } : await readProjectFile(source)
  if (!read.ok) return read
  const parsed = parseProjectFile(read.text, context)
  if (!parsed.ok) return parsed
  const checksums = await verifyProjectChecksums(parsed.project)
  return checksums.length > 0
    ? { ok: false, problems: checksums }
    : { ok: true, project: parsed.project }
}

/*
 * The export runner where there is no Worker (Node): the project file written in pieces is the
 * file serializeProject writes, byte for byte, with progress that grows to the whole; a text
 * export goes through the same path; an aborted signal builds nothing.
 */
import { describe, expect, it } from 'vitest'
import { generateProject } from '../../../../../scripts/generate-project.mjs'
import { buildExportText } from '../domain/exports'
import { generatedExportInput } from '../domain/exports/generated-input'
import { serializeProject, type ProjectData, type ProjectMeta } from '../domain/project/format'
import { ExportCancelled, runExport, textOf } from './run-export'

describe('runExport', () => {
  it('writes the project file as serializeProject does, with progress to the whole', async () => {
    const project = generateProject(2000) as { data: ProjectData }
    // Keys and records out of order: the file sorts both.
    const snapshot = {
      ...project.data,
      userEvents: [...project.data.userEvents].reverse(),
      grades: [],
      conflictNotes: [],
    } as ProjectData
    const meta: ProjectMeta = {
      exportedAt: '2026-12-03T16:00:00.000Z',
      corpus: { title: 'A “title” <with> ünïcode 🧭', articleIds: ['b', 'a'] },
    }
    const progress: number[] = []
    const bytes = await runExport(
      { kind: 'project', snapshot, meta },
      { onprogress: (p) => progress.push(p) },
    )
    expect(await textOf(bytes)).toBe(serializeProject(snapshot, meta))
    expect(progress.length).toBeGreaterThan(100)
    expect(progress.every((p, i) => i === 0 || p >= progress[i - 1]!)).toBe(true)
    expect(progress.at(-1)).toBe(1)
  })

  it('writes a text export as the one-piece builder does', async () => {
    const input = generatedExportInput(7, 300)
    const bytes = await runExport({ kind: 'markdown', input })
    expect(await textOf(bytes)).toBe(buildExportText('markdown', input))
  })

  it('builds nothing once cancelled', async () => {
    const stop = new AbortController()
    stop.abort()
    await expect(
      runExport({ kind: 'csv', input: generatedExportInput(8, 10) }, { signal: stop.signal }),
    ).rejects.toBeInstanceOf(ExportCancelled)
  })
})

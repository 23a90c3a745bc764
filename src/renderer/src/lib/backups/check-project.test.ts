import { describe, expect, it } from 'vitest'
import { CheckAssembly, checkInParts, type ProjectCheck } from './check-project'
import {
  emptyProjectData,
  PROJECT_APP,
  PROJECT_FORMAT_VERSION,
  type Project,
} from '../domain/project/format'

function project(notes: number, highlights: number): Project {
  const data = emptyProjectData()
  for (let i = 0; i < notes; i++) data.notes.push({ id: `n${i}` } as never)
  for (let i = 0; i < highlights; i++) data.highlights.push({ id: `h${i}` } as never)
  return {
    formatVersion: PROJECT_FORMAT_VERSION,
    app: PROJECT_APP,
    exportedAt: '2026-12-03T00:00:00.000Z',
    corpus: { title: 'Corpus', articleIds: ['a1'] },
    data,
  }
}

function roundTrip(check: ProjectCheck, size: number): { answer: ProjectCheck; parts: number } {
  const assembly = new CheckAssembly()
  let parts = 0
  for (const part of checkInParts(check, size)) {
    parts++
    const answer = assembly.add(structuredClone(part))
    if (answer) return { answer, parts }
  }
  throw new Error('no answer')
}

describe('the checked project in parts', () => {
  it('comes back equal to the whole, rows in their order, a few rows a message', () => {
    const whole = project(5, 2)
    const { answer, parts } = roundTrip({ ok: true, project: whole }, 2)
    expect(answer).toEqual({ ok: true, project: whole })
    // head, notes in 3 parts, highlights in 1, end
    expect(parts).toBe(6)
  })

  it('sends an empty project as a head and an end', () => {
    const whole = project(0, 0)
    expect(roundTrip({ ok: true, project: whole }, 2)).toEqual({
      answer: { ok: true, project: whole },
      parts: 2,
    })
  })

  it('passes problems on in one message', () => {
    const check: ProjectCheck = { ok: false, problems: ['bad checksum'] }
    expect(roundTrip(check, 2)).toEqual({ answer: check, parts: 1 })
  })

  it('refuses rows that arrive before the project', () => {
    expect(() => new CheckAssembly().add({ kind: 'rows', table: 'notes', rows: [] })).toThrow()
  })
})

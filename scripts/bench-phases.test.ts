import { describe, expect, it } from 'vitest'
// The benchmark's `--phases` option: what runs, what is added, and that a wrong name stops it.
import { PHASES, PHASES_USAGE, resolvePhases } from './bench-phases.mjs'

const run = (text: string | null) => [...resolvePhases(text).run]

describe("the benchmark's phases", () => {
  it('runs every phase, in order, when none is named', () => {
    expect(run(null)).toEqual(PHASES)
    expect(resolvePhases(undefined).added).toEqual([])
  })

  it('runs the named phases in their fixed order, whatever the order given', () => {
    expect(run('redo,undo,import,check')).toEqual(['check', 'import', 'undo', 'redo'])
    expect(run(' check , import ')).toEqual(['check', 'import'])
    expect(run('raw')).toEqual(['raw'])
    expect(run('check')).toEqual(['check'])
  })

  it('adds the check and the import to every later phase, and says why', () => {
    const { run: phases, added } = resolvePhases('undo')
    expect([...phases]).toEqual(['check', 'import', 'undo'])
    expect(added).toEqual([
      { phase: 'import', by: 'undo needs it' },
      { phase: 'check', by: 'import needs it' },
    ])
    expect(run('redo')).toEqual(['check', 'import', 'undo', 'redo'])
    expect(run('reload')).toEqual(['check', 'import', 'reload'])
  })

  it('measures the steps after the reload on a reloaded page', () => {
    expect(run('zoom')).toEqual(['check', 'import', 'reload', 'zoom'])
    expect(run('exports,raw')).toEqual(['check', 'import', 'reload', 'exports', 'raw'])
  })

  it('redoes an undone import when a later phase needs the project back', () => {
    expect(run('undo,zoom')).toEqual(['check', 'import', 'undo', 'redo', 'reload', 'zoom'])
    expect(resolvePhases('undo,reload').added).toContainEqual({
      phase: 'redo',
      by: 'the phases after undo need the project back',
    })
  })

  it('stops on a phase it does not know, naming it and the known ones', () => {
    expect(() => resolvePhases('check,zom')).toThrow(
      `unknown benchmark phase "zom"; the phases are ${PHASES.join(', ')}`,
    )
    expect(() => resolvePhases('Zoom,export')).toThrow(/phases "Zoom", "export"/)
  })

  it('stops on a list that names no phase', () => {
    expect(() => resolvePhases('')).toThrow(/names no phase/)
    expect(() => resolvePhases(' , ')).toThrow(/names no phase/)
  })

  it('describes every phase in its usage text', () => {
    for (const phase of PHASES) expect(PHASES_USAGE).toMatch(new RegExp(`^  ${phase} `, 'm'))
  })
})

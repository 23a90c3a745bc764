import { describe, expect, it } from 'vitest'
// The benchmark's and the large-project e2e test's generator: its files must pass the real check.
import { generateProject } from '../../../../../../scripts/generate-project.mjs'
import { parseProjectFile, verifyProjectChecksums } from './format'
import { testContext } from './test-fixtures'
import { isValidEdtf } from '../dates'

describe('the generated benchmark project', () => {
  it('is a valid project file with the date mix the benchmark promises', async () => {
    const project = generateProject(2000)
    const parsed = parseProjectFile(JSON.stringify(project), testContext())
    if (!parsed.ok) throw new Error(parsed.problems.join('\n'))
    expect(await verifyProjectChecksums(parsed.project)).toEqual([])
    const dates = parsed.project.data.userEvents.map((e) => e.date.edtf)
    expect(dates.filter((d) => d === null).length).toBeGreaterThan(0)
    expect(dates.filter((d) => d?.startsWith('../')).length).toBeGreaterThan(0)
    expect(dates.filter((d) => d?.includes('/') && !d.startsWith('../')).length).toBeGreaterThan(0)
    expect(dates.every((d) => d === null || isValidEdtf(d))).toBe(true)
    expect(parsed.project.data.notes.length + parsed.project.data.highlights.length).toBe(1000)
    expect(parsed.project.data.articles).toHaveLength(100)
  })
})

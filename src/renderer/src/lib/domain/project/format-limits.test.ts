import { describe, expect, it } from 'vitest'
import { MAX_PROBLEMS, parseProjectFile } from './format'
import { testContext, validProject } from './test-fixtures'

function withHighlights(rows: (first: unknown) => unknown[]): string {
  const project = validProject() as unknown as { data: Record<string, unknown[]> }
  project.data['highlights'] = rows(project.data['highlights']![0])
  return JSON.stringify(project)
}

describe('parseProjectFile on too many records', () => {
  it('refuses a table of 300,000 good records by its length, and no more', () => {
    const text = withHighlights((h) => Array.from({ length: 300_000 }, () => h))
    expect(parseProjectFile(text, testContext())).toEqual({
      ok: false,
      problems: ['data.highlights: has more than 250,000 entries'],
    })
  }, 60_000)

  it('names the length first when the records are broken too, and checks only 250,000', () => {
    // Checking all of them listed nine problems per record and ran out of memory.
    const text = withHighlights(() => Array.from({ length: 1_000_000 }, () => ({})))
    const result = parseProjectFile(text, testContext())
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.problems).toHaveLength(MAX_PROBLEMS + 1)
    expect(result.problems[0]).toBe('data.highlights: has more than 250,000 entries')
    expect(result.problems[1]).toMatch(/^data\.highlights\[0\]\.id: missing/)
    expect(result.problems.at(-1)).toMatch(/^…and [\d,]+ more\.$/)
  }, 300_000)
})

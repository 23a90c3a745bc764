import { describe, expect, it } from 'vitest'
import type { Corpus } from '$shared/corpus'
import {
  backupDownloadName,
  exportMetaFor,
  projectContextFor,
  projectFileName,
} from './project-context'

describe('project context', () => {
  it('names files by the local day', () => {
    const at = new Date(2024, 0, 5, 23, 59)
    expect(projectFileName(at)).toBe('sourceline-project-2024-01-05.sourceline')
    expect(backupDownloadName(at)).toBe('sourceline-backup-2024-01-05.json')
  })

  it('checks files against the bundled articles and curated events', () => {
    const corpus = {
      title: 'A corpus',
      articles: [{ id: 'a1', body: 'Body one.' }],
      events: [{ id: 'e1' }],
    } as unknown as Corpus
    const context = projectContextFor(corpus)
    expect([...context.knownArticleIds]).toEqual(['a1'])
    expect([...context.knownEventIds]).toEqual(['e1'])
    expect(context.bodies.get('a1')).toBe('Body one.')
    expect(exportMetaFor(corpus)).toEqual({ corpus: { title: 'A corpus', articleIds: ['a1'] } })
  })
})

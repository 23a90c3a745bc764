import { describe, expect, it } from 'vitest'
import { ImportQueue, type ImportQueueDeps } from './article-import.svelte'
import { ArticleFileError, type ImportFile, type ReadArticleFile } from '../import/read-file'

function file(name: string): ImportFile {
  return { name, size: 10, text: () => Promise.resolve(name) }
}

function readAs(name: string): ReadArticleFile {
  return {
    draft: {
      title: name,
      outlet: null,
      byline: null,
      published: { text: '', edtf: null },
      url: null,
      body: 'Text.',
      warnings: [],
      language: { tag: 'en', direction: 'ltr', source: 'default' },
      sources: {},
      removed: [],
    },
    original: name,
    mediaType: 'text/plain',
    sha256: `hash-of-${name}`,
  }
}

function queue(known: Record<string, string> = {}) {
  const errors: string[] = []
  const cancelled: string[] = []
  const labels: string[] = []
  const controller = new AbortController()
  const deps: ImportQueueDeps = {
    read: (f, signal) =>
      f.name.endsWith('.pdf')
        ? Promise.reject(new Error(`“${f.name}” is not a kind of file Sourceline imports.`))
        : f.name.startsWith('slow')
          ? new Promise((_, reject) =>
              signal.addEventListener('abort', () =>
                reject(new ArticleFileError('cancelled', `Reading “${f.name}” was cancelled.`)),
              ),
            )
          : Promise.resolve(readAs(f.name)),
    findDuplicate: (sha) =>
      Promise.resolve(known[sha] ? { id: 'existing', title: known[sha] } : undefined),
    onerror: (m) => errors.push(m),
    oncancel: (m) => cancelled.push(m),
    run: (label, work) => {
      labels.push(label)
      return work(controller.signal)
    },
  }
  return {
    queue: new ImportQueue(deps),
    errors,
    cancelled,
    labels,
    cancel: () => controller.abort(),
  }
}

describe('ImportQueue', () => {
  it('says a cancelled file was cancelled, not refused, and goes on to the next', async () => {
    const { queue: q, errors, cancelled, cancel } = queue()
    const adding = q.add([file('slow.html'), file('b.md')])
    await Promise.resolve()
    expect(q.readingName).toBe('slow.html')
    cancel()
    await adding
    expect(cancelled).toEqual(['Reading “slow.html” was cancelled.'])
    expect(errors).toEqual([])
    expect(q.current?.fileName).toBe('b.md')
  })

  it('reviews several files one after another', async () => {
    const { queue: q, labels } = queue()
    await q.add([file('a.txt'), file('b.md')])
    expect(q.current?.fileName).toBe('a.txt')
    expect(q.waiting).toBe(1)
    expect(labels).toEqual(['Reading “a.txt”'])
    expect(q.readingName).toBeNull()
    await q.finish()
    expect(q.current?.fileName).toBe('b.md')
    await q.finish()
    expect(q.current).toBeNull()
  })

  it('reports a refused file and goes on to the next', async () => {
    const { queue: q, errors } = queue()
    await q.add([file('scan.pdf'), file('b.txt')])
    expect(errors).toEqual(['“scan.pdf” is not a kind of file Sourceline imports.'])
    expect(q.current?.fileName).toBe('b.txt')
  })

  it('waits for the current review before reading files added later', async () => {
    const { queue: q } = queue()
    await q.add([file('a.txt')])
    await q.add([file('b.txt')])
    expect(q.current?.fileName).toBe('a.txt')
    expect(q.waiting).toBe(1)
  })

  it('finds the article a file duplicates before it is saved', async () => {
    const { queue: q } = queue({ 'hash-of-a.txt': 'Article A' })
    await q.add([file('a.txt')])
    expect(q.current?.duplicateOf).toEqual({ id: 'existing', title: 'Article A' })
  })

  it('drops everything on reset', async () => {
    const { queue: q } = queue()
    await q.add([file('a.txt'), file('b.txt')])
    q.reset()
    expect(q.current).toBeNull()
    expect(q.waiting).toBe(0)
  })
})

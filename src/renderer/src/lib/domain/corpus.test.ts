/// <reference types="node" />
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import edtf from 'edtf'
import { describe, expect, it } from 'vitest'
import type { CorpusManifest } from '$shared/corpus'
import { buildCorpus, CorpusError, cutLines, sha256Hex, verifyChecksums } from './corpus'
import { codePointToIndex } from './quotes'

const root = resolve(process.cwd(), 'resources/corpus')
const manifest = JSON.parse(readFileSync(resolve(root, 'corpus.json'), 'utf8')) as CorpusManifest
const raws: Record<string, string> = Object.fromEntries(
  manifest.articles.map((a) => [a.file, readFileSync(resolve(root, a.file), 'utf8')]),
)
const bodies = new Map(manifest.articles.map((a) => [a.id, cutLines(raws[a.file]!, a.bodyLines)]))

const evidence = manifest.events.flatMap((event) =>
  event.evidence.map((e, i) => ({ name: `${event.id} evidence ${i + 1}`, ...e })),
)

function corrupted(edit: (m: CorpusManifest) => void): CorpusManifest {
  const copy = structuredClone(manifest)
  edit(copy)
  return copy
}

function problemsOf(run: () => unknown): string[] {
  try {
    run()
  } catch (error) {
    if (error instanceof CorpusError) return error.problems
    throw error
  }
  throw new Error('expected a CorpusError')
}

describe('the bundled corpus', () => {
  it('builds', () => {
    const corpus = buildCorpus(manifest, raws)
    expect(corpus.title).toBe(manifest.title)
    expect(corpus.articles).toHaveLength(manifest.articles.length)
    expect(corpus.events).toHaveLength(manifest.events.length)
    for (const article of corpus.articles) {
      expect(article.body).toBe(bodies.get(article.id))
      expect(article.raw).toBe(raws[article.file])
    }
  })

  it.each(evidence)('$name stands verbatim at its position', (e) => {
    const body = bodies.get(e.articleId)
    expect(body, `article ${e.articleId}`).toBeDefined()
    const start = codePointToIndex(body!, e.position.start)
    const end = codePointToIndex(body!, e.position.end)
    expect(body!.slice(start, end)).toBe(e.quote.exact)
    expect(body!.slice(Math.max(0, start - e.quote.prefix.length), start)).toBe(e.quote.prefix)
    expect(body!.slice(end, end + e.quote.suffix.length)).toBe(e.quote.suffix)
  })

  it('has dates the edtf package reads, and a note for every undated event', () => {
    const datings = [
      ...manifest.events.map((e) => ({ id: e.id, ...e.date })),
      ...manifest.articles.map((a) => ({ id: a.id, ...a.published })),
    ]
    for (const { id, edtf: value, note } of datings) {
      if (value === null) expect(note.trim(), id).not.toBe('')
      else expect(() => edtf(value), `${id}: ${value}`).not.toThrow()
    }
  })

  it('has articles whose files match their SHA-256', async () => {
    for (const article of manifest.articles) {
      const bytes = readFileSync(resolve(root, article.file))
      expect(createHash('sha256').update(bytes).digest('hex'), article.file).toBe(article.sha256)
      expect(await sha256Hex(raws[article.file]!)).toBe(article.sha256)
    }
    expect(await verifyChecksums(buildCorpus(manifest, raws))).toEqual([])
  })

  it('has the events the timeline must show', () => {
    const dateOf = (id: string): string | null | undefined =>
      manifest.events.find((e) => e.id === id)?.date.edtf
    expect(dateOf('commitment-since-2000')).toBe('2000')
    expect(dateOf('anti-trafficking-day-2007')).toBe('2007-12-12')
    expect(dateOf('trafficking-law-2008')).toBe('2008')
    expect(dateOf('national-task-force')).not.toBeUndefined()
    expect(dateOf('tip-tier-3-downgrade-2022')).toBe('2022-07')
    expect(dateOf('jica-meeting-2023-03-27')).toBe('2023-03-27')
  })

  it('dates every dated event within 2000–2023', () => {
    const from = Date.UTC(2000, 0, 1)
    const to = Date.UTC(2024, 0, 1) - 1
    for (const event of manifest.events) {
      if (event.date.edtf === null) continue
      const parsed = edtf(event.date.edtf)
      // An open start is allowed ("on or before"); what is known must lie in the range.
      const min = parsed.min === null || parsed.min === -Infinity ? parsed.max : parsed.min
      const max = parsed.max === null || parsed.max === Infinity ? parsed.min : parsed.max
      expect(min, event.id).toBeGreaterThanOrEqual(from)
      expect(max, event.id).toBeLessThanOrEqual(to)
    }
  })
})

describe('buildCorpus on a corrupted manifest', () => {
  it('lists every problem at once', () => {
    const bad = corrupted((m) => {
      const [first, second, third] = m.events
      first!.evidence[0]!.position.start += 3
      first!.evidence[0]!.position.end += 3
      second!.evidence[0]!.articleId = 'no-such-article'
      third!.date.edtf = '2007-13'
      m.events[3]!.id = first!.id
    })
    const problems = problemsOf(() => buildCorpus(bad, raws))
    expect(problems).toHaveLength(4)
    const first = manifest.events[0]!
    expect(problems).toContainEqual(expect.stringContaining(`event id "${first.id}" is used more`))
    expect(problems).toContainEqual(
      expect.stringMatching(/evidence 1 .*the text at .*; the quote is found at 1331–1445/),
    )
    expect(problems).toContainEqual(
      expect.stringContaining('no article has the id "no-such-article"'),
    )
    expect(problems).toContainEqual(
      expect.stringMatching(new RegExp(`event "${manifest.events[2]!.id}" date: .*2007-13`)),
    )
  })

  it('reports a quote whose context no longer matches', () => {
    const bad = corrupted((m) => {
      m.events[0]!.evidence[0]!.quote.prefix = 'something else entirely, '
    })
    expect(problemsOf(() => buildCorpus(bad, raws))).toEqual([
      expect.stringContaining('prefix or suffix does not match'),
    ])
  })

  it('reports line ranges and captions that do not exist, and missing files', () => {
    const bad = corrupted((m) => {
      m.articles[0]!.bodyLines = [6, 500]
      m.articles[1]!.captionLine = 999
    })
    const fewer = { ...raws }
    delete fewer[manifest.articles[2]!.file]
    const problems = problemsOf(() => buildCorpus(bad, fewer))
    expect(problems).toEqual([
      expect.stringContaining('bodyLines 6–500 do not fit'),
      expect.stringContaining('captionLine 999 does not exist'),
      expect.stringContaining(`no text was supplied for ${manifest.articles[2]!.file}`),
    ])
  })

  it('reports schema problems with their paths', () => {
    const bad = corrupted((m) => {
      ;(m.events[1] as { category: string }).category = 'gossip'
      ;(m.articles[0] as { sha256: string }).sha256 = 'xyz'
    })
    const problems = problemsOf(() => buildCorpus(bad, raws))
    expect(problems).toContainEqual(expect.stringMatching(/^events\[1\]\.category: /))
    expect(problems).toContainEqual(expect.stringMatching(/^articles\[0\]\.sha256: /))
    expect(problemsOf(() => buildCorpus(null, raws))).toHaveLength(1)
  })
})

describe('cutLines', () => {
  it('cuts 1-based inclusive line ranges', () => {
    expect(cutLines('a\nb\nc\nd', [2, 3])).toBe('b\nc')
    expect(cutLines('a\nb', [1, 1])).toBe('a')
    expect(() => cutLines('a\nb', [2, 3])).toThrow(RangeError)
    expect(() => cutLines('a\nb', [0, 1])).toThrow(RangeError)
  })
})

describe('verifyChecksums', () => {
  it('names articles whose text changed', async () => {
    const corpus = buildCorpus(manifest, raws)
    const article = corpus.articles[0]!
    const tampered = { ...corpus, articles: [{ ...article, raw: `${article.raw} ` }] }
    expect(await verifyChecksums(tampered)).toEqual([expect.stringContaining(article.id)])
  })

  it('hashes UTF-8 bytes', async () => {
    expect(await sha256Hex('é')).toBe(createHash('sha256').update('é', 'utf8').digest('hex'))
  })
})

import { describe, expect, it } from 'vitest'
import { SourceQueue } from './queue'
import type { SearchSource } from '$lib/domain/search/sources'

function note(id: string, body = id): SearchSource {
  return {
    kind: 'note',
    key: `note:${id}`,
    id,
    eventId: 'e',
    eventTitle: 'E',
    body,
    signature: body,
    date: null,
  }
}

function drain(queue: SourceQueue): string[] {
  const out: string[] = []
  for (let s = queue.take(); s; s = queue.take()) out.push(s.key)
  return out
}

describe('SourceQueue', () => {
  it('gives sources in arrival order, a replaced one at the back with its newer text', () => {
    const q = new SourceQueue()
    q.put([note('a'), note('b'), note('c')])
    q.put([note('a', 'a2')])
    expect(q.size).toBe(3)
    const bodies: string[] = []
    for (let s = q.take(); s; s = q.take()) bodies.push(s.kind === 'note' ? s.body : '')
    expect(bodies).toEqual(['b', 'c', 'a2'])
    expect(q.size).toBe(0)
  })

  it('keeps only the wanted keys', () => {
    const q = new SourceQueue()
    q.put([note('a'), note('b'), note('c')])
    q.keepOnly(new Set(['note:c', 'note:a']))
    expect(q.size).toBe(2)
    expect(drain(q)).toEqual(['note:a', 'note:c'])
  })

  it('stays in order over many puts and takes', () => {
    const q = new SourceQueue()
    const taken: string[] = []
    for (let i = 0; i < 20_000; i++) {
      q.put([note(String(i))])
      if (i % 3 === 0) taken.push(q.take()!.key)
    }
    taken.push(...drain(q))
    expect(taken).toEqual(Array.from({ length: 20_000 }, (_, i) => `note:${i}`))
  })
})

import { describe, expect, it } from 'vitest'
import { INDEX_VERSION, type StoredIndex } from '$lib/domain/search/engine'
import { articleSource, noteSource, type SearchSource } from '$lib/domain/search/sources'
import { Indexer, NEED_PART, type IndexStore } from './indexer'
import type { FromWorker } from './protocol'

function memoryStore(): IndexStore & { stored: StoredIndex | null; writes: number } {
  const store = {
    stored: null as StoredIndex | null,
    writes: 0,
    read: async () => store.stored && structuredClone(store.stored),
    write: async (s: StoredIndex) => {
      store.stored = structuredClone(s)
      store.writes++
    },
  }
  return store
}

const sources: SearchSource[] = [
  articleSource({ id: 'a', title: 'Task force', body: 'Sar Kheng spoke.', date: null }),
  noteSource({ id: 'n', eventId: 'e', eventTitle: 'E', body: 'budget check', date: null }),
]

/** Runs an indexer through sync → need → put until idle; returns the messages it sent. */
async function settle(indexer: Indexer, messages: FromWorker[], list: SearchSource[]) {
  const start = messages.length
  await indexer.handle({
    type: 'sync',
    generation: 1,
    signatures: list.map((s) => [s.key, s.signature]),
    last: true,
  })
  const need = messages.slice(start).find((m) => m.type === 'need')
  const keys = need?.type === 'need' ? need.keys : []
  await indexer.handle({ type: 'put', sources: list.filter((s) => keys.includes(s.key)) })
  while (indexer.status().pending > 0) await new Promise((r) => setTimeout(r, 5))
  await indexer.flush()
  return keys
}

function make(store: IndexStore): [Indexer, FromWorker[]] {
  const messages: FromWorker[] = []
  return [new Indexer((m) => messages.push(m), store), messages]
}

/** `count` notes ("word 0", "word 1"…) whose signatures the indexer has been sent. */
async function syncNotes(indexer: Indexer, count: number): Promise<SearchSource[]> {
  const many = Array.from({ length: count }, (_, i) =>
    noteSource({ id: `n${i}`, eventId: 'e', eventTitle: 'E', body: `word ${i}`, date: null }),
  )
  await indexer.handle({
    type: 'sync',
    generation: 1,
    signatures: many.map((s) => [s.key, s.signature]),
    last: true,
  })
  return many
}

async function ask(indexer: Indexer, messages: FromWorker[], query: string) {
  await indexer.handle({ type: 'query', id: 7, query, filters: {}, limit: 10 })
  const result = messages.at(-1)
  if (result?.type !== 'result') throw new Error('no result')
  return result
}

describe('search worker indexer', () => {
  it('builds when nothing is stored, answers incomplete meanwhile, and stores the index', async () => {
    const messages: FromWorker[] = []
    const store = memoryStore()
    const indexer = new Indexer((m) => messages.push(m), store)
    const signature = (s: SearchSource): [string, string] => [s.key, s.signature]
    // A list left unfinished by a newer one is dropped; a list in parts is taken whole.
    await indexer.handle({ type: 'sync', generation: 1, signatures: [['gone', 'x']], last: false })
    await indexer.handle({
      type: 'sync',
      generation: 2,
      signatures: [signature(sources[0]!)],
      last: false,
    })
    expect(messages.filter((m) => m.type === 'need')).toEqual([])
    await indexer.handle({
      type: 'sync',
      generation: 2,
      signatures: [signature(sources[1]!)],
      last: true,
    })
    expect(messages.filter((m) => m.type === 'need')).toEqual([
      { type: 'need', generation: 2, keys: ['article:a', 'note:n'], last: true },
    ])
    expect(indexer.status()).toMatchObject({ rebuilding: true, pending: 2 })
    expect((await ask(indexer, messages, 'kheng')).complete).toBe(false)
    await indexer.handle({ type: 'put', sources })
    while (indexer.status().pending > 0) await new Promise((r) => setTimeout(r, 5))
    await indexer.flush()
    const answer = await ask(indexer, messages, 'kheng')
    expect(answer.complete).toBe(true)
    expect(answer.response.total).toBe(1)
    expect(store.writes).toBe(1)
  })

  it('opens a stored index without rebuilding and indexes only what changed', async () => {
    const store = memoryStore()
    await settle(...make(store), sources)

    const [reopened, messages] = make(store)
    expect(await settle(reopened, messages, sources)).toEqual([])
    expect((await ask(reopened, messages, 'budget')).response.total).toBe(1)

    const edited = noteSource({
      id: 'n',
      eventId: 'e',
      eventTitle: 'E',
      body: 'ledger',
      date: null,
    })
    expect(await settle(reopened, messages, [sources[0]!, edited])).toEqual(['note:n'])
    expect((await ask(reopened, messages, 'budget')).response.total).toBe(0)
    expect((await ask(reopened, messages, 'ledger')).response.total).toBe(1)

    // Deleted (or undone) sources leave the index.
    await settle(reopened, messages, [sources[0]!])
    expect((await ask(reopened, messages, 'ledger')).response.total).toBe(0)
  })

  it('rebuilds when the stored index is of another version', async () => {
    const store = memoryStore()
    await settle(...make(store), sources)
    store.stored = { ...store.stored!, version: 0 }
    expect(await settle(...make(store), sources)).toEqual(['article:a', 'note:n'])
  })

  it('rebuilds an index stored in the version-2 form, answering meanwhile as incomplete', async () => {
    const store = memoryStore()
    await settle(...make(store), sources)
    // Version 2 kept keys and signatures as arrays of strings.
    const old: unknown = {
      ...store.stored!,
      version: 2,
      keys: sources.map((s) => s.key),
      signatures: sources.map((s) => s.signature),
    }
    store.stored = old as StoredIndex
    const [reopened, messages] = make(store)
    await reopened.handle({
      type: 'sync',
      generation: 1,
      signatures: sources.map((s) => [s.key, s.signature]),
      last: true,
    })
    expect(reopened.status()).toMatchObject({ rebuilding: true, pending: 2, error: null })
    expect(await ask(reopened, messages, 'kheng')).toMatchObject({ complete: false })
    await reopened.handle({ type: 'put', sources })
    while (reopened.status().pending > 0) await new Promise((r) => setTimeout(r, 5))
    await reopened.flush()
    expect(await ask(reopened, messages, 'kheng')).toMatchObject({ complete: true })
    expect(store.stored.version).toBe(INDEX_VERSION)
  })

  it('tells progress now and then while indexing, and at once when it starts and ends', async () => {
    const [indexer, messages] = make(memoryStore())
    const many = await syncNotes(indexer, 200)
    const statuses = () => messages.flatMap((m) => (m.type === 'status' ? [m.status] : []))
    expect(statuses().at(-1)).toMatchObject({ pending: 200, rebuilding: true })
    // One source a message, as fast as they come: far fewer statuses than messages.
    for (const source of many) await indexer.handle({ type: 'put', sources: [source] })
    while (indexer.status().pending > 0) await new Promise((r) => setTimeout(r, 5))
    expect(statuses().length).toBeLessThan(20)
    // The end is told at once, not after a wait.
    expect(statuses().at(-1)).toMatchObject({ pending: 0, rebuilding: false })
    expect((await ask(indexer, messages, 'word')).complete).toBe(true)
  })

  it('asks for a large change in parts, every key once', async () => {
    const [indexer, messages] = make(memoryStore())
    const many = await syncNotes(indexer, NEED_PART * 2 + 5)
    const parts = messages.flatMap((m) => (m.type === 'need' ? [m.keys] : []))
    expect(parts.map((p) => p.length)).toEqual([NEED_PART, NEED_PART, 5])
    expect(parts.flat().sort()).toEqual(many.map((s) => s.key).sort())
    await indexer.handle({ type: 'put', sources: many })
    while (indexer.status().pending > 0) await new Promise((r) => setTimeout(r, 5))
    expect((await ask(indexer, messages, 'word')).response.total).toBe(many.length)
  })

  it('starts reading the stored index before the first message', async () => {
    const store = memoryStore()
    let reads = 0
    const counting: IndexStore = { read: () => (reads++, store.read()), write: store.write }
    const [indexer] = make(counting)
    indexer.open()
    expect(reads).toBe(1)
    await indexer.handle({ type: 'sync', generation: 1, signatures: [], last: true })
    expect(reads).toBe(1)
  })
})

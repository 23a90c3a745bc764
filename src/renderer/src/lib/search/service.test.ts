import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Note } from '$lib/domain/types'
import type { FromWorker, IndexStatus, ToWorker } from './protocol'
import { SearchService } from './service.svelte'

/** A worker that only records what it is sent; the test plays its side. */
function fakeWorker() {
  const worker = {
    onmessage: null as ((event: MessageEvent<FromWorker>) => void) | null,
    postMessage: vi.fn(),
    terminate: vi.fn(),
  }
  const say = (message: FromWorker) => worker.onmessage?.({ data: message } as MessageEvent)
  return { worker: worker as unknown as Worker, say }
}

const status = (pending: number): FromWorker => ({
  type: 'status',
  status: { loaded: true, pending, done: 0, rebuilding: false, error: null } as IndexStatus,
})

describe('SearchService', () => {
  afterEach(() => void vi.useRealTimers())

  it('tells listeners of changes at once when settled, and at most every 400 ms while indexing', () => {
    vi.useFakeTimers()
    const { worker, say } = fakeWorker()
    const service = new SearchService(worker)
    const heard = vi.fn()
    service.onIndexChange(heard)

    for (let i = 0; i < 20; i++) say(status(100 - i))
    expect(heard).toHaveBeenCalledTimes(0)
    expect(service.status.pending).toBe(81)
    vi.advanceTimersByTime(400)
    expect(heard).toHaveBeenCalledTimes(1)

    say(status(50))
    say(status(0))
    // Settled: told now, and the waiting call is dropped.
    expect(heard).toHaveBeenCalledTimes(2)
    vi.advanceTimersByTime(1000)
    expect(heard).toHaveBeenCalledTimes(2)

    // An edit outside indexing is heard without waiting.
    say(status(1))
    say(status(0))
    expect(heard).toHaveBeenCalledTimes(3)
    service.destroy()
  })

  it('sends the sources a sync asked for in parts, then lets go of the rest', async () => {
    const { worker, say } = fakeWorker()
    const service = new SearchService(worker)
    const notes = Array.from(
      { length: 5 },
      (_, i) => ({ id: `n${i}`, eventId: 'e', body: `note ${i}` }) as unknown as Note,
    )
    service.update({ articles: [], events: [], notes, highlights: [], entities: [] })
    const sent = () => vi.mocked(worker.postMessage).mock.calls.map(([m]) => m as ToWorker)
    await vi.waitFor(() => expect(sent().some((m) => m.type === 'sync' && m.last)).toBe(true))
    const sync = sent().find((m) => m.type === 'sync')!
    const generation = sync.type === 'sync' ? sync.generation : -1
    const put = () => sent().flatMap((m) => (m.type === 'put' ? m.sources.map((s) => s.key) : []))

    say({ type: 'need', generation, keys: ['note:n0', 'note:n3'], last: false })
    say({ type: 'need', generation, keys: ['note:n4'], last: true })
    await vi.waitFor(() => expect(put()).toEqual(['note:n0', 'note:n3', 'note:n4']))
    // After the last part nothing is held: a repeated ask finds nothing to send.
    say({ type: 'need', generation, keys: ['note:n1'], last: true })
    await new Promise((r) => setTimeout(r, 20))
    expect(put()).toEqual(['note:n0', 'note:n3', 'note:n4'])
    service.destroy()
  })
})

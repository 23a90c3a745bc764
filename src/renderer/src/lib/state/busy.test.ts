import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { BUSY_DELAY_MS, Busy } from './busy.svelte'

describe('Busy', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('shows nothing for quick work', async () => {
    const busy = new Busy()
    await busy.run('Saving', () => Promise.resolve(1))
    vi.advanceTimersByTime(BUSY_DELAY_MS * 2)
    expect(busy.active).toBe(false)
  })

  it('shows slow work after the delay, with its progress, and clears it when done', async () => {
    const busy = new Busy()
    let finish = (_: string) => {}
    let report = (_: number) => {}
    const running = busy.run('Importing', (r) => {
      report = r
      return new Promise<string>((resolve) => (finish = resolve))
    })
    expect(busy.active).toBe(false)
    vi.advanceTimersByTime(BUSY_DELAY_MS)
    expect(busy.tasks).toEqual([{ id: 1, label: 'Importing', progress: null }])
    report(0.5)
    expect(busy.tasks[0]?.progress).toBe(0.5)
    finish('done')
    await expect(running).resolves.toBe('done')
    expect(busy.active).toBe(false)
  })

  it('clears a task that fails, and rejects as it did', async () => {
    const busy = new Busy()
    const running = busy.run('Exporting', () => Promise.reject(new Error('disk full')))
    await expect(running).rejects.toThrow('disk full')
    vi.advanceTimersByTime(BUSY_DELAY_MS)
    expect(busy.active).toBe(false)
  })
})

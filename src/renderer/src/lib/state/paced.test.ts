import { describe, expect, it } from 'vitest'
import { runInSlices, sameInput } from './paced.svelte'
import { Abandoned, nextTask } from '../domain/pacing'

describe('runInSlices', () => {
  it('starts the work in a later task, never inside the caller’s', async () => {
    const log: string[] = []
    const running = runInSlices(
      2,
      async (n, pacer) => {
        log.push('work')
        expect(pacer.due()).toBe(false)
        return n * 10
      },
      () => true,
    )
    log.push('caller')
    await Promise.resolve()
    expect(log).toEqual(['caller'])
    expect(await running).toBe(20)
    expect(log).toEqual(['caller', 'work'])
  })

  it('does not start work no longer wanted, and stops it at its next pause', async () => {
    let wanted = true
    let started = 0
    const never = runInSlices(
      1,
      async () => ++started,
      () => wanted,
    )
    wanted = false
    await expect(never).rejects.toBeInstanceOf(Abandoned)
    expect(started).toBe(0)

    wanted = true
    const stopped = runInSlices(
      1,
      async (_, pacer) => {
        started++
        wanted = false
        await pacer.pause()
        return 'finished'
      },
      () => wanted,
    )
    await expect(stopped).rejects.toBeInstanceOf(Abandoned)
    expect(started).toBe(1)
    await nextTask()
  })
})

describe('sameInput', () => {
  it('compares objects by their own values, one level deep', () => {
    const list = [1]
    expect(sameInput({ a: list, b: 2 }, { a: list, b: 2 })).toBe(true)
    expect(sameInput({ a: list }, { a: [1] })).toBe(false)
    expect(sameInput({ a: 1 }, { a: 1, b: undefined })).toBe(false)
    expect(sameInput({ a: 1, c: 2 }, { a: 1, b: 2 })).toBe(false)
    expect(sameInput(list, list)).toBe(true)
    expect(sameInput(3, 3)).toBe(true)
    expect(sameInput(null, {})).toBe(false)
  })
})

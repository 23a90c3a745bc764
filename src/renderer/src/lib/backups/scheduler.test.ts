import { describe, expect, it, vi } from 'vitest'
import type { BackupInfo, BackupReason } from '$shared/ipc'
import type { BackupsPlatform } from '../platform/platform'
import {
  AutoBackups,
  BackupNotWrittenError,
  CHECK_EVERY_MS,
  SCHEDULE_INTERVAL_MS,
} from './scheduler'

const HOUR = SCHEDULE_INTERVAL_MS

function project(note: string, at = '2024-05-01T12:00:00.000Z'): string {
  return `{\n  "formatVersion": 1,\n  "app": "Sourceline",\n  "exportedAt": "${at}",\n  "data": "${note}"\n}\n`
}

/** A backups folder in memory, and a store whose content and size the test sets. */
function setup(start = Date.parse('2024-05-01T12:00:00.000Z')) {
  const files = new Map<string, { reason: BackupReason; content: string; time: number }>()
  const state = { content: project('a'), records: 3, now: start, failWrites: false }
  const backups: BackupsPlatform = {
    async write(reason, content) {
      if (state.failWrites) throw new Error('disk full')
      const name = `backup-${files.size}`
      const text = typeof content === 'string' ? content : new TextDecoder().decode(content)
      files.set(name, { reason, content: text, time: state.now })
      return { name }
    },
    async list(): Promise<BackupInfo[]> {
      return [...files.entries()]
        .map(([name, f]) => ({
          name,
          time: new Date(f.time).toISOString(),
          reason: f.reason,
          size: f.content.length,
          verified: true,
        }))
        .reverse()
    },
    async read(name) {
      return files.get(name)!.content
    },
  }
  const deps = {
    backups,
    exportFile: async () => new TextEncoder().encode(state.content),
    countStored: async () => state.records,
    now: () => state.now,
  }
  return { files, state, deps }
}

describe('AutoBackups', () => {
  it('writes at start when there is data and no backup, then only when data changed an hour on', async () => {
    const { files, state, deps } = setup()
    const auto = new AutoBackups(deps)
    expect(await auto.check()).toBe('written')
    expect([...files.values()].map((f) => [f.reason, f.content])).toEqual([
      ['scheduled', project('a')],
    ])
    state.now += 2 * HOUR
    expect(await auto.check()).toBe('unchanged')
    state.content = project('b')
    state.now += 10 * 60 * 1000
    expect(await auto.check()).toBe('written')
    state.content = project('c')
    state.now += 10 * 60 * 1000
    expect(await auto.check()).toBe('recent')
    state.now += HOUR
    expect(await auto.check()).toBe('written')
    expect(files.size).toBe(3)
  })

  it('at start, takes the newest backup on disk into account', async () => {
    const { files, state, deps } = setup()
    await new AutoBackups(deps).check()
    // A new session half an hour later, with changed data: the backup is recent enough.
    state.now += HOUR / 2
    state.content = project('b', '2024-05-01T12:30:00.000Z')
    expect(await new AutoBackups(deps).check()).toBe('recent')
    // Same data as the newest backup, exported at another moment: nothing to write.
    state.now += 5 * HOUR
    state.content = project('a', '2024-05-01T17:30:00.000Z')
    expect(await new AutoBackups(deps).check()).toBe('unchanged')
    expect(files.size).toBe(1)
  })

  it('writes nothing for an empty store or in the browser', async () => {
    const { files, state, deps } = setup()
    state.records = 0
    expect(await new AutoBackups(deps).check()).toBe('empty')
    expect(await new AutoBackups(deps).backupBefore('before-import')).toBeNull()
    const browser = new AutoBackups({ ...deps, backups: undefined })
    expect(await browser.check()).toBe('browser')
    expect(await browser.backupBefore('before-import')).toBeNull()
    expect(files.size).toBe(0)
  })

  it('backs up before an import whatever the age of the last one, and fails loudly', async () => {
    const { files, state, deps } = setup()
    const auto = new AutoBackups(deps)
    await auto.check()
    expect(await auto.backupBefore('before-import')).toBe('backup-1')
    expect([...files.values()].map((f) => f.reason)).toEqual(['scheduled', 'before-import'])
    state.failWrites = true
    const error = await auto.backupBefore('before-import').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(BackupNotWrittenError)
    expect((error as Error).message).toMatch(/could not be written: disk full/)
  })

  it('reports a failing schedule once until it works again', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    try {
      const { files, state, deps } = setup()
      state.failWrites = true
      const auto = new AutoBackups(deps)
      const errors: string[] = []
      const stop = auto.start((m) => errors.push(m))
      await vi.waitFor(() => expect(errors).toHaveLength(1))
      expect(errors[0]).toMatch(/scheduled backup could not be written: disk full/)
      // Two more failing checks: still one message.
      for (let i = 0; i < 2; i++) {
        const attempt = auto.check().catch(() => undefined)
        vi.advanceTimersByTime(CHECK_EVERY_MS)
        await attempt
        await auto.check().catch(() => undefined)
      }
      expect(errors).toHaveLength(1)
      // A check that works, then one that fails again: said again.
      state.failWrites = false
      vi.advanceTimersByTime(CHECK_EVERY_MS)
      await vi.waitFor(() => expect(files.size).toBe(1))
      await auto.check()
      state.failWrites = true
      state.content = project('b')
      state.now += 2 * HOUR
      vi.advanceTimersByTime(CHECK_EVERY_MS)
      await vi.waitFor(() => expect(errors).toHaveLength(2))
      stop()
    } finally {
      vi.useRealTimers()
    }
  })
})

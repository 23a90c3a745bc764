import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { BackupInfo, BackupReason, StoreRecord } from '$shared/ipc'
import type { BackupsPlatform, RecoveryPlatform } from '../platform/platform'
import { openDatabase, type SourcelineDb } from './db'
import { UndoStack, runCommand } from './history'
import { MIGRATIONS } from './migrations'
import { exportProject } from './actions/project'
import { readOnlyReason, setReadOnly } from './write-guard'
import {
  CURRENT_VERSION,
  keepStoreRecord,
  newestBackup,
  restoreBackup,
  startDatabase,
  startEmpty,
  versionOnDisk,
  type StartupOutcome,
} from './startup'
import { CURATED_EVENT, testContext } from '../domain/project/test-fixtures'

let count = 0
const opened: Dexie[] = []
const newName = () => `startup-${process.pid}-${count++}`

function track<D extends Dexie>(db: D): D {
  opened.push(db)
  return db
}

afterEach(async () => {
  setReadOnly(null)
  for (const db of opened.splice(0)) {
    db.close()
    await Dexie.delete(db.name)
  }
})

/** A database as an older (or newer) build left it: schema `n`, with `notes` rows. */
async function seed(name: string, version: number, notes: number): Promise<void> {
  const old = new Dexie(name)
  for (const m of MIGRATIONS.filter((m) => m.version <= version))
    old.version(m.version).stores(m.stores)
  if (version > CURRENT_VERSION) old.version(version).stores({ futureTable: 'id' })
  await old.open()
  for (let i = 0; i < notes; i++)
    await old.table('notes').add({
      id: `n${i}`,
      eventId: CURATED_EVENT,
      body: `note ${i}`,
      createdAt: i,
      updatedAt: i,
    })
  old.close()
}

function fakeBackups(fail = false) {
  const written: { reason: BackupReason; content: string; name: string }[] = []
  const backups: BackupsPlatform = {
    async write(reason, content) {
      if (fail) throw new Error('Disk full')
      const name = `sourceline-backup-2024-05-0${written.length + 1}T09-30-00.000Z-${reason}.json`
      const text = typeof content === 'string' ? content : new TextDecoder().decode(content)
      written.push({ reason, content: text, name })
      return { name }
    },
    async list(): Promise<BackupInfo[]> {
      return written.map((w) => ({
        name: w.name,
        time: w.name.slice(18, 42),
        reason: w.reason,
        size: w.content.length,
        verified: true,
      }))
    },
    async read(name) {
      const found = written.find((w) => w.name === name)
      if (!found) throw new Error('missing')
      return found.content
    },
  }
  return { backups, written }
}

function fakeRecovery(initial: number | null) {
  const state = {
    record:
      initial === null
        ? null
        : ({ records: initial, savedAt: '2024-05-01T09:00:00.000Z' } as StoreRecord),
    quarantined: 0,
    sets: [] as number[],
  }
  const recovery: RecoveryPlatform = {
    async getStoreRecord() {
      return state.record
    },
    async setStoreRecord(records) {
      state.sets.push(records)
      state.record = { records, savedAt: new Date().toISOString() }
      return state.record
    },
    async quarantineStore() {
      state.quarantined++
      return '/data/damaged-2024-05-01/IndexedDB'
    },
  }
  return { recovery, state }
}

const corpus = async () => ({ title: 'Test', articleIds: ['a'] })

describe('startDatabase', () => {
  it('opens a new store with nothing to back up or recover', async () => {
    const name = newName()
    const db = track(openDatabase(name))
    const { backups, written } = fakeBackups()
    const { recovery } = fakeRecovery(null)
    expect(await startDatabase({ db, backups, recovery, corpus })).toEqual({
      kind: 'ready',
      readOnly: false,
      notices: [],
    })
    expect(written).toEqual([])
    expect(db.verno).toBe(CURRENT_VERSION)
  })

  for (const { version } of MIGRATIONS.slice(0, -1))
    it(`backs up a version ${version} store before upgrading it, and keeps every note`, async () => {
      const name = newName()
      await seed(name, version, 3)
      const db = track(openDatabase(name))
      const { backups, written } = fakeBackups()
      const outcome = await startDatabase({ db, backups, corpus })
      expect(outcome).toMatchObject({ kind: 'ready', readOnly: false })
      expect(written).toHaveLength(1)
      expect(written[0]!.reason).toBe('before-upgrade')
      const file = JSON.parse(written[0]!.content) as { data: { notes: unknown[] } }
      expect(file.data.notes).toHaveLength(3)
      expect((outcome as { notices: string[] }).notices[0]).toMatch(/backed up before updating/)
      expect(await db.notes.count()).toBe(3)
      expect(await versionOnDisk(name)).toBe(CURRENT_VERSION)
    })

  it('does not upgrade when the backup before it fails, and changes nothing', async () => {
    const name = newName()
    await seed(name, 1, 2)
    const db = track(openDatabase(name))
    const { backups } = fakeBackups(true)
    const outcome = await startDatabase({ db, backups, corpus })
    expect(outcome.kind).toBe('upgrade-blocked')
    expect((outcome as { message: string }).message).toMatch(/backup taken first failed: Disk full/)
    expect(db.isOpen()).toBe(false)
    expect(await versionOnDisk(name)).toBe(1)
  })

  it('upgrades an empty older store without a backup; the browser build logs instead', async () => {
    const name = newName()
    await seed(name, 1, 0)
    const db = track(openDatabase(name))
    const { backups, written } = fakeBackups()
    expect(await startDatabase({ db, backups, corpus })).toMatchObject({ kind: 'ready' })
    expect(written).toEqual([])

    const other = newName()
    await seed(other, 1, 1)
    const log = vi.fn()
    const browserDb = track(openDatabase(other))
    expect(await startDatabase({ db: browserDb, corpus, log })).toMatchObject({ kind: 'ready' })
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/no disk backup/))
  })

  it('opens a store saved by a newer build read-only, writes nothing and keeps its version', async () => {
    const name = newName()
    await seed(name, CURRENT_VERSION + 1, 2)
    const db = track(openDatabase(name))
    const { recovery, state } = fakeRecovery(2)
    const outcome = await startDatabase({ db, recovery, corpus })
    expect(outcome).toEqual({ kind: 'ready', readOnly: true, notices: [] })
    expect(readOnlyReason()).toMatch(/saved by a newer version of Sourceline/)
    expect(await db.notes.count()).toBe(2)
    await expect(db.notes.clear()).rejects.toThrow(/newer version/)
    expect(await db.notes.count()).toBe(2)
    expect(state.sets).toEqual([])
    db.close()
    expect(await versionOnDisk(name)).toBe(CURRENT_VERSION + 1)
  })

  it('stops on an empty store whose record says it held data: copies it aside, writes nothing', async () => {
    const name = newName()
    const db = track(openDatabase(name))
    const { recovery, state } = fakeRecovery(12)
    const outcome = await startDatabase({ db, recovery, corpus })
    expect(outcome).toMatchObject({
      kind: 'recovery',
      cause: 'empty',
      expected: 12,
      copiedTo: '/data/damaged-2024-05-01/IndexedDB',
      copyError: null,
    })
    expect(state.quarantined).toBe(1)
    expect(state.sets).toEqual([])
    expect(db.isOpen()).toBe(false)
  })

  it('stops when the store will not open, with the error, and never deletes it', async () => {
    const name = newName()
    await seed(name, CURRENT_VERSION, 1)
    const db = track(openDatabase(name))
    vi.spyOn(db, 'open').mockRejectedValueOnce(new Error('Corruption: block checksum mismatch'))
    const { recovery, state } = fakeRecovery(1)
    const outcome = await startDatabase({ db, recovery, corpus })
    expect(outcome).toMatchObject({ kind: 'recovery', cause: 'failed', expected: 1 })
    expect((outcome as { detail: string }).detail).toMatch(/block checksum mismatch/)
    expect(state.quarantined).toBe(1)
    expect(await versionOnDisk(name)).toBe(CURRENT_VERSION)
  })

  it('carries on when the record agrees, or there is none', async () => {
    const name = newName()
    await seed(name, CURRENT_VERSION, 2)
    const db = track(openDatabase(name))
    const { recovery, state } = fakeRecovery(2)
    expect(await startDatabase({ db, recovery, corpus })).toMatchObject({ kind: 'ready' })
    expect(state.quarantined).toBe(0)
  })
})

describe('after a stopped start', () => {
  async function stopped(): Promise<{
    db: SourcelineDb
    outcome: Extract<StartupOutcome, { kind: 'recovery' }>
    recovery: RecoveryPlatform
    state: ReturnType<typeof fakeRecovery>['state']
  }> {
    const db = track(openDatabase(newName()))
    const { recovery, state } = fakeRecovery(3)
    const outcome = await startDatabase({ db, recovery, corpus })
    if (outcome.kind !== 'recovery') throw new Error('expected a stop')
    return { db, outcome, recovery, state }
  }

  it('restores the newest verified backup into the store, not undoable, and records the count', async () => {
    const source = track(openDatabase(newName()))
    const history = new UndoStack()
    const notes = [1, 2, 3].map((i) => ({
      id: `n${i}`,
      eventId: CURATED_EVENT,
      body: `kept ${i}`,
      createdAt: i,
      updatedAt: i,
    }))
    await runCommand(source, 'seed', ['notes'], () => source.notes.bulkAdd(notes), history)
    const text = await exportProject({ corpus: await corpus() }, { db: source, history })
    const { backups, written } = fakeBackups()
    await backups.write('scheduled', '{"formatVersion":1}')
    await backups.write('manual', text)

    const { db, outcome, recovery, state } = await stopped()
    const newest = await newestBackup(backups)
    expect(newest?.name).toBe(written[1]!.name)
    const appHistory = new UndoStack()
    const records = await restoreBackup(
      { db, history: appHistory },
      backups,
      recovery,
      outcome,
      newest!.name,
      testContext(),
    )
    expect(records).toBe(3)
    expect(await db.notes.orderBy('id').toArray()).toEqual(notes)
    expect(appHistory.canUndo).toBe(false)
    expect(state.sets).toEqual([3])
  })

  it('starts empty only when asked, then records zero', async () => {
    const { db, outcome, recovery, state } = await stopped()
    await startEmpty(db, recovery, outcome)
    expect(db.isOpen()).toBe(true)
    expect(state.sets).toEqual([0])
  })

  it('never deletes a store that would not open and could not be copied aside', async () => {
    const name = newName()
    await seed(name, CURRENT_VERSION, 1)
    const db = track(openDatabase(name))
    vi.spyOn(db, 'open').mockRejectedValueOnce(new Error('Corruption'))
    const { recovery } = fakeRecovery(1)
    recovery.quarantineStore = () => Promise.reject(new Error('No space left on device'))
    const outcome = await startDatabase({ db, recovery, corpus })
    if (outcome.kind !== 'recovery') throw new Error('expected a stop')
    expect(outcome.copyError).toMatch(/No space left/)
    await expect(startEmpty(db, recovery, outcome)).rejects.toThrow(/left as it is/)
    db.close()
    const raw = new Dexie(name)
    await raw.open()
    expect(await raw.table('notes').count()).toBe(1)
    raw.close()
  })
})

describe('keepStoreRecord', () => {
  it('records the count after each committed command, debounced', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    try {
      const db = track(openDatabase(newName()))
      await db.open()
      const history = new UndoStack()
      const { recovery, state } = fakeRecovery(null)
      const stop = keepStoreRecord(db, recovery, history, { delayMs: 50 })
      await vi.advanceTimersByTimeAsync(60)
      await vi.waitFor(() => expect(state.sets).toEqual([0]))
      await runCommand(
        db,
        'Add note',
        ['notes'],
        () => db.notes.add({ id: 'a', eventId: 'e', body: 'b', createdAt: 1, updatedAt: 1 }),
        history,
      )
      await runCommand(
        db,
        'Add note',
        ['notes'],
        () => db.notes.add({ id: 'b', eventId: 'e', body: 'b', createdAt: 1, updatedAt: 1 }),
        history,
      )
      await vi.advanceTimersByTimeAsync(60)
      await vi.waitFor(() => expect(state.sets).toEqual([0, 2]))
      stop()
    } finally {
      vi.useRealTimers()
    }
  })
})

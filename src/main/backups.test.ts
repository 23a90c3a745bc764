import {
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  stat,
  symlink,
  utimes,
  writeFile,
} from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as v from 'valibot'
import { BackupContentSchema } from '../shared/ipc'
import { backupFileName, selectBackupsToKeep } from './backup-rotation'
import {
  BackupError,
  isProjectFileText,
  listBackups,
  quarantineStore,
  readBackup,
  readStoreRecord,
  writeBackup,
  writeStoreRecord,
} from './backups'

// Lets a test make the next read of a given file answer other text, as a failing disk might.
const corruptNextRead = vi.hoisted(() => ({ path: null as string | null }))
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>()
  return {
    ...actual,
    readFile: (async (path: Parameters<typeof actual.readFile>[0], options?: unknown) => {
      const text = await actual.readFile(path, options as BufferEncoding)
      if (typeof path === 'string' && path === corruptNextRead.path) {
        corruptNextRead.path = null
        if (typeof text === 'string') return `${text.slice(0, -1)}!`
        const bytes = Buffer.from(text)
        bytes[bytes.length - 1] = 0x21
        return bytes
      }
      return text
    }) as typeof actual.readFile,
  }
})

const PROJECT = JSON.stringify({ formatVersion: 1, articles: [], notes: [{ text: 'ü ✓' }] })
const NOW = new Date('2024-05-10T15:30:00.000Z')

let root: string
let dir: string

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'sourceline-backups-'))
  dir = join(root, 'backups')
})

afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

async function filesIn(folder: string): Promise<string[]> {
  return (await readdir(folder)).sort()
}

describe('writeBackup', () => {
  it('writes a verified backup named for its time and reason, creating the folder', async () => {
    const { name, removed } = await writeBackup(dir, 'manual', PROJECT, NOW)
    expect(name).toBe('sourceline-backup-2024-05-10T15-30-00.000Z-manual.json')
    expect(removed).toEqual([])
    expect(await filesIn(dir)).toEqual([name])
    expect(await readFile(join(dir, name), 'utf8')).toBe(PROJECT)
    expect(await listBackups(dir)).toEqual([
      {
        name,
        time: NOW.toISOString(),
        reason: 'manual',
        size: Buffer.byteLength(PROJECT),
        verified: true,
      },
    ])
  })

  it.each([
    ['not JSON', '{"formatVersion": 1'],
    ['JSON without formatVersion', '{"articles": []}'],
    ['an array', '[{"formatVersion": 1}]'],
    ['a formatVersion that is null', '{"formatVersion": null}'],
    ['empty', ''],
  ])('refuses %s and leaves no file behind', async (_label, content) => {
    const error: unknown = await writeBackup(dir, 'scheduled', content, NOW).catch((e) => e)
    expect(error).toBeInstanceOf(BackupError)
    expect(error).toMatchObject({ code: 'invalid-argument' })
    expect(await filesIn(dir)).toEqual([])
    expect(await listBackups(dir)).toEqual([])
  })

  it('deletes a backup that reads back differently from what was written', async () => {
    corruptNextRead.path = join(dir, backupFileName(NOW, 'manual'))
    const error: unknown = await writeBackup(dir, 'manual', PROJECT, NOW).catch((e) => e)
    expect(error).toMatchObject({ name: 'BackupError', code: 'io' })
    expect(await filesIn(dir)).toEqual([])
  })

  it('writes a backup given as UTF-8 bytes, read back byte for byte', async () => {
    const bytes = new TextEncoder().encode(PROJECT)
    const { name } = await writeBackup(dir, 'scheduled', bytes, NOW)
    expect(await readFile(join(dir, name), 'utf8')).toBe(PROJECT)
    expect((await listBackups(dir)).map((b) => [b.size, b.verified])).toEqual([
      [bytes.byteLength, true],
    ])
  })

  it('refuses bytes that read back differently or are not a project file', async () => {
    corruptNextRead.path = join(dir, backupFileName(NOW, 'manual'))
    const bytes = new TextEncoder().encode(PROJECT)
    const changed: unknown = await writeBackup(dir, 'manual', bytes, NOW).catch((e) => e)
    expect(changed).toMatchObject({ name: 'BackupError', code: 'io' })
    const notProject = new TextEncoder().encode('{"articles": []}')
    const refused: unknown = await writeBackup(dir, 'manual', notProject, NOW).catch((e) => e)
    expect(refused).toMatchObject({ name: 'BackupError', code: 'invalid-argument' })
    expect(await filesIn(dir)).toEqual([])
  })

  it('gives two backups taken in the same millisecond different names', async () => {
    const written = await Promise.all(
      Array.from({ length: 5 }, () => writeBackup(dir, 'scheduled', PROJECT, NOW)),
    )
    const names = written.map((backup) => backup.name)
    expect(new Set(names).size).toBe(5)
    expect(await filesIn(dir)).toEqual([...names].sort())
    expect((await listBackups(dir)).every((backup) => backup.verified)).toBe(true)
  })

  it('removes temp files left by a write that died, and leaves other files alone', async () => {
    await mkdir(dir)
    const stale = '.sourceline-0b9d3a1e-8f0e-4c1b-9d7e-2a6f5c4b3a21.tmp'
    await writeFile(join(dir, stale), '{"formatVersion": 1, "art')
    await writeFile(join(dir, 'notes.txt'), 'mine')
    expect(await listBackups(dir)).toEqual([])

    const { name } = await writeBackup(dir, 'manual', PROJECT, NOW)
    expect(await filesIn(dir)).toEqual([name, 'notes.txt'].sort())
  })

  it('keeps the rotation: the 10 newest and the newest of each of the last 7 days', async () => {
    await mkdir(dir)
    // Two backups a day for the 20 days before NOW.
    const seeded: string[] = []
    for (let day = 1; day <= 20; day++) {
      for (const hour of [9, 17]) {
        const time = new Date(NOW.getFullYear(), NOW.getMonth(), NOW.getDate() - day, hour)
        const name = backupFileName(time, 'scheduled')
        await writeFile(join(dir, name), PROJECT)
        seeded.push(name)
      }
    }
    await writeFile(join(dir, 'notes.txt'), 'mine')

    const { name, removed } = await writeBackup(dir, 'before-import', PROJECT, NOW)
    const expected = selectBackupsToKeep([...seeded, name], NOW)
    expect(expected.length).toBeLessThanOrEqual(17)
    expect((await listBackups(dir)).map((backup) => backup.name)).toEqual(expected)
    expect(await filesIn(dir)).toEqual([...expected, 'notes.txt'].sort())
    expect(removed.sort()).toEqual(seeded.filter((n) => !expected.includes(n)).sort())
    expect(expected[0]).toBe(name)
  })

  it('keeps the backup just written even when the clock was set back', async () => {
    for (let i = 0; i < 12; i++) {
      await writeBackup(dir, 'scheduled', PROJECT, new Date(NOW.getTime() + 3_600_000 + i))
    }
    const { name, removed } = await writeBackup(dir, 'manual', PROJECT, NOW)
    expect(removed).not.toContain(name)
    expect((await listBackups(dir)).map((backup) => backup.name)).toContain(name)
  })

  it('never rotates away a folder that carries a backup name', async () => {
    await mkdir(dir)
    const old = backupFileName(new Date('2020-01-01T00:00:00.000Z'), 'manual')
    await mkdir(join(dir, old))
    for (let i = 0; i < 12; i++) {
      await writeBackup(dir, 'scheduled', PROJECT, new Date(NOW.getTime() + i))
    }
    expect(await filesIn(dir)).toContain(old)
  })
})

describe('listBackups', () => {
  it('answers nothing for a folder that does not exist yet', async () => {
    expect(await listBackups(dir)).toEqual([])
  })

  it('lists newest first, and marks a file that is no project file as unverified', async () => {
    const first = await writeBackup(dir, 'scheduled', PROJECT, NOW)
    const broken = backupFileName(new Date(NOW.getTime() + 1000), 'manual')
    await writeFile(join(dir, broken), '{"formatVersion": 1, "articles": [')
    const listed = await listBackups(dir)
    expect(listed.map((b) => [b.name, b.verified])).toEqual([
      [broken, false],
      [first.name, true],
    ])
  })

  it('checks a backup again when it changed on disk', async () => {
    const { name } = await writeBackup(dir, 'manual', PROJECT, NOW)
    const path = join(dir, name)
    await writeFile(path, 'damaged')
    const later = new Date(Date.now() + 5000)
    await utimes(path, later, later)
    expect((await listBackups(dir))[0]).toMatchObject({ name, verified: false, size: 7 })
  })
})

describe('readBackup', () => {
  it('answers the text of a backup', async () => {
    const { name } = await writeBackup(dir, 'manual', PROJECT, NOW)
    expect(await readBackup(dir, name)).toBe(PROJECT)
  })

  it.each([
    '../x',
    '../store-record.json',
    `../backups/${backupFileName(NOW, 'manual')}`,
    `${backupFileName(NOW, 'manual')}/../../store-record.json`,
    '/etc/passwd',
    'C:\\Windows\\win.ini',
    '',
  ])('refuses %j, which is not a backup name', async (name) => {
    await writeBackup(dir, 'manual', PROJECT, NOW)
    await expect(readBackup(dir, name)).rejects.toMatchObject({ code: 'invalid-argument' })
  })

  it('refuses a missing backup, a folder and a link under a backup name', async () => {
    await mkdir(dir)
    const secret = join(root, 'secret.json')
    await writeFile(secret, '{"formatVersion": 1}')
    const missing = backupFileName(NOW, 'manual')
    const folder = backupFileName(NOW, 'scheduled')
    const link = backupFileName(NOW, 'before-import')
    await mkdir(join(dir, folder))
    await symlink(secret, join(dir, link))
    for (const name of [missing, folder, link]) {
      await expect(readBackup(dir, name), name).rejects.toMatchObject({ code: 'io' })
    }
    expect((await listBackups(dir)).map((b) => b.name)).toEqual([])
  })
})

describe('isProjectFileText', () => {
  it('wants a JSON object whose formatVersion is a whole number from 1', () => {
    expect(isProjectFileText('{"formatVersion": 2}')).toBe(true)
    expect(isProjectFileText('{"formatVersion": 1, "app": "Sourceline"}')).toBe(true)
    expect(isProjectFileText('{"formatVersion": "1"}')).toBe(false)
    expect(isProjectFileText('{"formatVersion": 0}')).toBe(false)
    expect(isProjectFileText('{"formatVersion": 1.5}')).toBe(false)
    expect(isProjectFileText('{"formatVersion": true}')).toBe(false)
    expect(isProjectFileText('{"__proto__": {"formatVersion": 1}}')).toBe(false)
    expect(isProjectFileText('null')).toBe(false)
    expect(isProjectFileText('1')).toBe(false)
  })
})

describe('store record', () => {
  it('is null before one is written, then the last one written', async () => {
    const path = join(root, 'store-record.json')
    expect(await readStoreRecord(path)).toBeNull()
    expect(await writeStoreRecord(path, 1200, NOW)).toEqual({
      records: 1200,
      savedAt: NOW.toISOString(),
    })
    await writeStoreRecord(path, 1201, new Date(NOW.getTime() + 1))
    expect(await readStoreRecord(path)).toEqual({
      records: 1201,
      savedAt: new Date(NOW.getTime() + 1).toISOString(),
    })
    expect(await filesIn(root)).toEqual(['store-record.json'])
  })

  it('keeps the order of writes that overlap', async () => {
    const path = join(root, 'store-record.json')
    await Promise.all([1, 2, 3, 4, 5].map((n) => writeStoreRecord(path, n, NOW)))
    expect(await readStoreRecord(path)).toMatchObject({ records: 5 })
  })

  it.each([
    ['damaged', '{"records": 12'],
    ['of the wrong shape', '{"records": -1, "savedAt": "2024-05-10T15:30:00.000Z"}'],
    ['with a bad time', '{"records": 3, "savedAt": "yesterday"}'],
  ])('is null when the file is %s', async (_label, text) => {
    const path = join(root, 'store-record.json')
    await writeFile(path, text)
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    expect(await readStoreRecord(path)).toBeNull()
    expect(warn).toHaveBeenCalledOnce()
    warn.mockRestore()
  })
})

describe('quarantineStore', () => {
  async function makeStore(): Promise<string> {
    const store = join(root, 'IndexedDB')
    const db = join(store, 'app_sourceline_0.indexeddb.leveldb')
    await mkdir(db, { recursive: true })
    await writeFile(join(db, '000003.log'), 'records')
    await writeFile(join(db, 'CURRENT'), 'MANIFEST-000001\n')
    await writeFile(join(db, 'LOCK'), '')
    return store
  }

  it('copies the store into damaged-<time>, leaving the store as it was', async () => {
    const store = await makeStore()
    const copy = await quarantineStore(store, root, NOW)
    expect(copy).toBe(join(root, 'damaged-2024-05-10T15-30-00.000Z'))
    const db = join('IndexedDB', 'app_sourceline_0.indexeddb.leveldb')
    expect(await filesIn(join(copy, db))).toEqual(['000003.log', 'CURRENT'])
    expect(await readFile(join(copy, db, '000003.log'), 'utf8')).toBe('records')
    expect(await filesIn(join(root, db))).toEqual(['000003.log', 'CURRENT', 'LOCK'])
  })

  it('never copies into an existing folder', async () => {
    const store = await makeStore()
    const first = await quarantineStore(store, root, NOW)
    const second = await quarantineStore(store, root, NOW)
    expect(second).toBe(`${first}-2`)
    expect((await stat(second)).isDirectory()).toBe(true)
  })

  it('fails with a sentence when there is no store', async () => {
    await expect(quarantineStore(join(root, 'IndexedDB'), root, NOW)).rejects.toMatchObject({
      code: 'io',
      message: expect.stringContaining('no store folder'),
    })
    expect(await filesIn(root)).toEqual([])
  })
})

describe('BackupContentSchema', () => {
  it('takes the project file as text or as bytes, and nothing else', () => {
    expect(v.is(BackupContentSchema, PROJECT)).toBe(true)
    expect(v.is(BackupContentSchema, new TextEncoder().encode(PROJECT))).toBe(true)
    expect(v.is(BackupContentSchema, [1, 2, 3])).toBe(false)
    expect(v.is(BackupContentSchema, { formatVersion: 1 })).toBe(false)
  })
})

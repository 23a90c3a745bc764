/**
 * Backups and recovery in the built app, driven through window.api as the renderer drives them:
 * a backup is a verified file in userData/backups, the rotation keeps at most 17, names that are
 * not backups are refused, and killing the app mid-write leaves no backup or a whole one. Each test
 * has its own user-data folder. Skipped, with the reason printed, where no Electron binary exists.
 */
import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect } from '@playwright/test'
import {
  KEEP_DAYS,
  KEEP_LATEST,
  backupFileName,
  localDayKey,
  parseBackupName,
  recentDays,
} from '../../src/main/backup-rotation'
import { BACKUP_NAME_PATTERN } from '../../src/shared/ipc'
import { ELECTRON_BINARY, SKIP_REASON } from './electron-binary'
import { killApp, launchApp, releaseApp, test } from './launch'

test.skip(!ELECTRON_BINARY, SKIP_REASON)

/** A small project file: what exportProject() writes, as far as main is concerned. */
const PROJECT = JSON.stringify({ formatVersion: 1, app: 'Sourceline', notes: [{ text: 'ü ✓' }] })
/** What writeFileAtomic names its temp files; a kill can leave one behind. */
const TEMP_FILE = /^\.sourceline-[0-9a-f-]{36}\.tmp$/

async function filesIn(folder: string): Promise<string[]> {
  try {
    return (await readdir(folder)).sort()
  } catch {
    return []
  }
}

test('a backup written through window.api is a verified file in userData/backups', async ({
  userDataDir,
}) => {
  const { app, page, backups } = await launchApp(userDataDir)
  try {
    const written = await page.evaluate(
      (content) => window.api?.writeBackup('manual', content),
      PROJECT,
    )
    expect(written).toMatchObject({
      ok: true,
      value: { name: expect.stringMatching(BACKUP_NAME_PATTERN) },
    })
    const name = written?.ok ? written.value.name : ''
    expect(await filesIn(backups)).toEqual([name])
    expect(await readFile(join(backups, name), 'utf8')).toBe(PROJECT)

    const listed = await page.evaluate(() => window.api?.listBackups())
    expect(listed).toEqual({
      ok: true,
      value: [
        {
          name,
          time: parseBackupName(name)?.time.toISOString(),
          reason: 'manual',
          size: Buffer.byteLength(PROJECT),
          verified: true,
        },
      ],
    })
    expect(await page.evaluate((n) => window.api?.readBackup(n), name)).toEqual({
      ok: true,
      value: { content: PROJECT },
    })

    // Something that is not a project file is written, fails its check and is removed again.
    const refused = await page.evaluate(() => window.api?.writeBackup('manual', '{"notes": []}'))
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    const badReason = await page.evaluate(() =>
      window.api?.writeBackup('whenever' as never, '{"formatVersion": 1}'),
    )
    expect(badReason).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    expect(await filesIn(backups)).toEqual([name])
  } finally {
    await app.close()
  }
})

test('the rotation keeps at most 17 backups, the newest and one for each recent day', async ({
  userDataDir,
}) => {
  const { app, page, backups } = await launchApp(userDataDir)
  try {
    // Two backups a day for the last 20 days, as a month of use would leave them.
    await mkdir(backups, { recursive: true })
    const today = new Date()
    for (let day = 1; day <= 20; day++) {
      for (const hour of [9, 17]) {
        const time = new Date(today.getFullYear(), today.getMonth(), today.getDate() - day, hour)
        await writeFile(join(backups, backupFileName(time, 'scheduled')), PROJECT)
      }
    }
    await writeFile(join(backups, 'notes.txt'), 'not a backup')

    const written: string[] = []
    for (let i = 0; i < 12; i++) {
      const result = await page.evaluate(
        (content) => window.api?.writeBackup('scheduled', content),
        PROJECT,
      )
      expect(result?.ok).toBe(true)
      if (result?.ok) written.push(result.value.name)
    }

    const listed = await page.evaluate(() => window.api?.listBackups())
    const names = listed?.ok ? listed.value.map((backup) => backup.name) : []
    const onDisk = (await filesIn(backups)).filter((name) => BACKUP_NAME_PATTERN.test(name))
    expect(names.length).toBeLessThanOrEqual(KEEP_LATEST + KEEP_DAYS)
    expect([...names].sort()).toEqual(onDisk)
    // The ten newest are the ten just written, newest first.
    expect(names.slice(0, KEEP_LATEST)).toEqual(written.slice(-KEEP_LATEST).reverse())
    for (const day of recentDays(new Date()).slice(1)) {
      expect(
        names.some((name) => {
          const time = parseBackupName(name)?.time
          return time !== undefined && localDayKey(time) === day
        }),
        `a backup from ${day}`,
      ).toBe(true)
    }
    expect(await filesIn(backups)).toContain('notes.txt')
  } finally {
    await app.close()
  }
})

test('backup:read refuses anything but a backup name', async ({ userDataDir }) => {
  const { app, page } = await launchApp(userDataDir)
  try {
    const answers = await page.evaluate(async () => {
      const api = window.api
      if (!api) return null
      const names = [
        '../x',
        '../store-record.json',
        '../../../../etc/passwd',
        '/etc/passwd',
        'sourceline-backup-2024-05-01T09-30-00.000Z-manual.json/../../x',
        '..\\sourceline-backup-2024-05-01T09-30-00.000Z-manual.json',
      ]
      const refused = []
      for (const name of names) refused.push(await api.readBackup(name))
      return {
        refused,
        notANumber: await api.readBackup(42 as never),
        missing: await api.readBackup('sourceline-backup-2024-05-01T09-30-00.000Z-manual.json'),
      }
    })
    expect(answers).not.toBeNull()
    for (const answer of answers?.refused ?? []) {
      expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    }
    expect(answers?.notANumber).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    expect(answers?.missing).toMatchObject({ ok: false, error: { code: 'io' } })
  } finally {
    await app.close()
  }
})

test('the store record and the quarantined copy live beside the store', async ({ userDataDir }) => {
  const { app, page, userData } = await launchApp(userDataDir)
  try {
    const saved = await page.evaluate(() => window.api?.setStoreRecord({ records: 1234 }))
    expect(saved).toMatchObject({ ok: true, value: { records: 1234 } })
    expect(await page.evaluate(() => window.api?.getStoreRecord())).toEqual(saved)
    expect(JSON.parse(await readFile(join(userData, 'store-record.json'), 'utf8'))).toEqual(
      saved?.ok ? saved.value : null,
    )
    const negative = await page.evaluate(() => window.api?.setStoreRecord({ records: -1 }))
    expect(negative).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })

    // The renderer opens IndexedDB at start; wait for Chromium to create the folder.
    const store = join(userData, 'IndexedDB')
    await expect.poll(() => existsSync(store), { timeout: 15_000 }).toBe(true)
    const copied = await page.evaluate(() => window.api?.quarantineStore())
    expect(copied).toMatchObject({ ok: true })
    const copy = copied?.ok ? copied.value.path : ''
    expect(copy.startsWith(join(userData, 'damaged-'))).toBe(true)
    expect(await filesIn(join(copy, 'IndexedDB'))).toEqual(
      (await filesIn(store)).filter((name) => name !== 'LOCK'),
    )
    expect(existsSync(store)).toBe(true)
  } finally {
    await app.close()
  }
})

test('killing the app while a backup is written leaves no new backup or a whole one', async ({
  userDataDir,
}) => {
  test.setTimeout(120_000)
  const first = await launchApp(userDataDir)
  const before = await filesIn(first.backups)
  // Never kill(0): that would signal the test runner's own process group.
  try {
    // A project file of about 120 MB, built in the page so the write takes long enough to cut.
    await first.page.evaluate(() => {
      const filler = 'x'.repeat(1_000_000)
      const notes = Array.from({ length: 120 }, (_, id) => ({ id, text: filler }))
      const content = JSON.stringify({ formatVersion: 1, app: 'Sourceline', notes })
      void window.api?.writeBackup('manual', content)
    })
    // Kill as soon as the write is under way: its temp file exists, or it already finished.
    await expect
      .poll(async () => (await filesIn(first.backups)).some((name) => !before.includes(name)), {
        intervals: [5],
        timeout: 60_000,
      })
      .toBe(true)
    await killApp(first)
  } finally {
    await releaseApp(first)
  }

  const left = await filesIn(first.backups)
  const backupsLeft = left.filter((name) => BACKUP_NAME_PATTERN.test(name))
  expect(left.filter((name) => !BACKUP_NAME_PATTERN.test(name) && !TEMP_FILE.test(name))).toEqual(
    [],
  )
  expect(backupsLeft.length).toBeLessThanOrEqual(1)
  for (const name of backupsLeft) {
    // Whole: the complete JSON, not a prefix of it.
    const parsed: unknown = JSON.parse(await readFile(join(first.backups, name), 'utf8'))
    expect(parsed).toMatchObject({ formatVersion: 1, app: 'Sourceline' })
  }

  // Started again, the app lists only whole backups and clears the leftover temp files.
  const second = await launchApp(userDataDir)
  try {
    const listed = await second.page.evaluate(() => window.api?.listBackups())
    expect(listed?.ok).toBe(true)
    const infos = listed?.ok ? listed.value : []
    expect(infos.map((backup) => backup.name).sort()).toEqual(backupsLeft)
    expect(infos.every((backup) => backup.verified)).toBe(true)

    const next = await second.page.evaluate(
      (content) => window.api?.writeBackup('manual', content),
      PROJECT,
    )
    expect(next?.ok).toBe(true)
    expect((await filesIn(second.backups)).filter((name) => TEMP_FILE.test(name))).toEqual([])
  } finally {
    await second.app.close()
  }
})

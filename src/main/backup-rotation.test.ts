import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BACKUP_REASONS } from '../shared/ipc'
import {
  KEEP_DAYS,
  KEEP_LATEST,
  backupFileName,
  localDayKey,
  parseBackupName,
  recentDays,
  selectBackupsToKeep,
  selectBackupsToRemove,
  sortNewestFirst,
} from './backup-rotation'

const DAY = 86_400_000
const NOW = new Date('2024-05-10T15:30:00.000Z')

describe('backup names', () => {
  it('puts the time, without colons, and the reason in the name', () => {
    expect(backupFileName(new Date('2024-05-01T09:30:00.123Z'), 'before-import')).toBe(
      'sourceline-backup-2024-05-01T09-30-00.123Z-before-import.json',
    )
  })

  it('reads back the time and reason it was built from', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1970-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }),
        fc.constantFrom(...BACKUP_REASONS),
        (time, reason) => {
          const name = backupFileName(time, reason)
          expect(parseBackupName(name)).toEqual({ name, time, reason })
        },
      ),
    )
  })

  it('refuses anything that is not exactly a backup name', () => {
    const good = 'sourceline-backup-2024-05-01T09-30-00.000Z-manual.json'
    expect(parseBackupName(good)).not.toBeNull()
    for (const name of [
      '../x',
      `../${good}`,
      `${good}/../x`,
      `/tmp/${good}`,
      `backups/${good}`,
      `${good}.tmp`,
      `.${good}`,
      `${good} `,
      good.replace('manual', 'other'),
      good.toUpperCase(),
      'sourceline-backup-2024-05-01T09:30:00.000Z-manual.json',
      'sourceline-backup-2024-02-30T09-30-00.000Z-manual.json', // no such day
      'sourceline-backup-2024-05-01T24-30-00.000Z-manual.json',
      '.sourceline-0b9d3a1e-8f0e-4c1b-9d7e-2a6f5c4b3a21.tmp',
      '',
    ]) {
      expect(parseBackupName(name), name).toBeNull()
    }
  })
})

describe('recentDays', () => {
  it('is today and the six calendar days before it', () => {
    expect(recentDays(new Date(2024, 4, 3, 0, 5))).toEqual([
      '2024-05-03',
      '2024-05-02',
      '2024-05-01',
      '2024-04-30',
      '2024-04-29',
      '2024-04-28',
      '2024-04-27',
    ])
  })

  describe('across a daylight-saving change', () => {
    const original = process.env['TZ']
    beforeAll(() => {
      process.env['TZ'] = 'Europe/Berlin' // clocks went forward on 31 March 2024
    })
    afterAll(() => {
      if (original === undefined) delete process.env['TZ']
      else process.env['TZ'] = original
    })

    it('neither skips nor repeats a day', () => {
      // 00:30 local time on 1 April, 22:30 UTC the day before.
      const now = new Date('2024-03-31T22:30:00.000Z')
      expect(localDayKey(now)).toBe('2024-04-01')
      expect(recentDays(now)).toEqual([
        '2024-04-01',
        '2024-03-31',
        '2024-03-30',
        '2024-03-29',
        '2024-03-28',
        '2024-03-27',
        '2024-03-26',
      ])
    })
  })
})

/** Backups at times around NOW (future ones too: a clock can be set back), with any reason. */
const backupNames = fc.array(
  fc
    .tuple(fc.integer({ min: -40 * DAY, max: 2 * DAY }), fc.constantFrom(...BACKUP_REASONS))
    .map(([offset, reason]) => backupFileName(new Date(NOW.getTime() + offset), reason)),
  { maxLength: 80 },
)
/** Whatever else may sit in the folder: temp files, a person's notes, near misses. */
const otherNames = fc.array(
  fc.oneof(
    fc.string(),
    fc.constant('.sourceline-0b9d3a1e-8f0e-4c1b-9d7e-2a6f5c4b3a21.tmp'),
    fc.constant('notes.txt'),
    fc.constant('sourceline-backup-2024-05-10T10-00-00.000Z-manual.json.tmp'),
  ),
  { maxLength: 10 },
)
const folders = fc.tuple(backupNames, otherNames).chain(([backups, others]) =>
  fc.shuffledSubarray([...backups, ...others], {
    minLength: backups.length + others.length,
  }),
)
const clocks = fc
  .integer({ min: -3 * DAY, max: 3 * DAY })
  .map((shift) => new Date(NOW.getTime() + shift))

function parsedBackups(names: readonly string[]) {
  return sortNewestFirst([...new Set(names)].map(parseBackupName).filter((b) => b !== null))
}

describe('selectBackupsToKeep', () => {
  it('never deletes the newest backup', () => {
    fc.assert(
      fc.property(folders, clocks, (names, now) => {
        const newest = parsedBackups(names)[0]
        fc.pre(newest !== undefined)
        expect(selectBackupsToKeep(names, now)).toContain(newest?.name)
        expect(selectBackupsToRemove(names, now)).not.toContain(newest?.name)
      }),
    )
  })

  it('keeps at most 10 + 7, and only backups', () => {
    fc.assert(
      fc.property(folders, clocks, (names, now) => {
        const keep = selectBackupsToKeep(names, now)
        expect(keep.length).toBeLessThanOrEqual(KEEP_LATEST + KEEP_DAYS)
        expect(new Set(keep).size).toBe(keep.length)
        for (const name of keep) expect(parseBackupName(name)).not.toBeNull()
      }),
    )
  })

  it('keeps the 10 newest backups', () => {
    fc.assert(
      fc.property(folders, clocks, (names, now) => {
        const keep = new Set(selectBackupsToKeep(names, now))
        for (const backup of parsedBackups(names).slice(0, KEEP_LATEST)) {
          expect(keep.has(backup.name)).toBe(true)
        }
      }),
    )
  })

  it('keeps the newest backup of each of the last 7 days', () => {
    fc.assert(
      fc.property(folders, clocks, (names, now) => {
        const keep = new Set(selectBackupsToKeep(names, now))
        const backups = parsedBackups(names)
        for (const day of recentDays(now)) {
          const newestOfDay = backups.find((backup) => localDayKey(backup.time) === day)
          if (newestOfDay) expect(keep.has(newestOfDay.name), day).toBe(true)
        }
      }),
    )
  })

  it('deletes only backups, each one not kept, and never a name outside the folder', () => {
    fc.assert(
      fc.property(folders, clocks, (names, now) => {
        const keep = selectBackupsToKeep(names, now)
        const remove = selectBackupsToRemove(names, now)
        const backups = new Set(parsedBackups(names).map((backup) => backup.name))
        expect(new Set([...keep, ...remove])).toEqual(backups)
        for (const name of remove) {
          expect(keep).not.toContain(name)
          expect(names).toContain(name)
        }
      }),
    )
  })

  it('is stable: rotating what was kept deletes nothing more', () => {
    fc.assert(
      fc.property(folders, clocks, (names, now) => {
        const keep = selectBackupsToKeep(names, now)
        expect(selectBackupsToKeep(keep, now)).toEqual(keep)
        expect(selectBackupsToRemove(keep, now)).toEqual([])
      }),
    )
  })

  it('does not depend on the order of the folder listing', () => {
    fc.assert(
      fc.property(
        folders.chain((names) =>
          fc.tuple(
            fc.constant(names),
            fc.shuffledSubarray(names, {
              minLength: names.length,
            }),
          ),
        ),
        clocks,
        ([names, shuffled], now) => {
          expect(selectBackupsToKeep(shuffled, now)).toEqual(selectBackupsToKeep(names, now))
        },
      ),
    )
  })

  it('keeps 10 of many backups taken on one day', () => {
    const names = Array.from({ length: 30 }, (_, i) =>
      backupFileName(new Date(NOW.getTime() - i * 60_000), 'scheduled'),
    )
    expect(selectBackupsToKeep(names, NOW)).toEqual(names.slice(0, 10))
  })

  it('adds the newest of each older day in the week to the 10 newest', () => {
    // Three backups a day, at 08:00, 12:00 and 16:00 local time, for 30 days up to today.
    const names: string[] = []
    for (let day = 0; day < 30; day++) {
      for (const hour of [16, 12, 8]) {
        const time = new Date(NOW.getFullYear(), NOW.getMonth(), NOW.getDate() - day, hour)
        names.push(backupFileName(time, 'scheduled'))
      }
    }
    const now = new Date(NOW.getFullYear(), NOW.getMonth(), NOW.getDate(), 18)
    const keep = selectBackupsToKeep(names, now)
    // Days 0 to 2 whole and day 3's newest are the 10 newest; days 4, 5 and 6 add their newest.
    expect(keep).toEqual([...names.slice(0, 10), names[12], names[15], names[18]])
  })
})

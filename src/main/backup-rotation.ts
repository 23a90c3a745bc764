/**
 * Backup file names and the rotation: which backups to keep. Pure (names and a clock in, names
 * out), so the rules are property-tested without a disk. A backup's name carries its time and
 * reason; a file whose name does not match exactly (a temp file, something a person put in the
 * folder) is not a backup, is never counted and is never deleted.
 */
import { BACKUP_NAME_PATTERN, BACKUP_REASONS } from '../shared/ipc'
import type { BackupReason } from '../shared/ipc'

/** The most recent backups, whatever their day. */
export const KEEP_LATEST = 10
/** Calendar days (today and the days before it) that each keep their newest backup. */
export const KEEP_DAYS = 7

export interface ParsedBackupName {
  name: string
  time: Date
  reason: BackupReason
}

/** `sourceline-backup-2024-05-01T09-30-00.000Z-manual.json`: colons are not allowed on Windows. */
export function backupFileName(time: Date, reason: BackupReason): string {
  const name = `sourceline-backup-${time.toISOString().replaceAll(':', '-')}-${reason}.json`
  if (!parseBackupName(name)) throw new RangeError(`No backup name for the time ${time.toString()}`)
  return name
}

/** The time and reason in a backup's name, or null when the name is not exactly a backup's. */
export function parseBackupName(name: string): ParsedBackupName | null {
  const match = BACKUP_NAME_PATTERN.exec(name)
  if (!match) return null
  const [, date, hours, minutes, seconds, millis, reason] = match
  if (!isBackupReason(reason)) return null
  const iso = `${date}T${hours}:${minutes}:${seconds}.${millis}Z`
  const time = new Date(iso)
  // Date normalises 2024-02-30 to March 1st; a name must say a time that exists.
  if (Number.isNaN(time.getTime()) || time.toISOString() !== iso) return null
  return { name, time, reason }
}

function isBackupReason(value: string | undefined): value is BackupReason {
  return BACKUP_REASONS.some((reason) => reason === value)
}

/** The local calendar day of `time`, as YYYY-MM-DD: a day as the person at the computer sees it. */
export function localDayKey(time: Date): string {
  const month = String(time.getMonth() + 1).padStart(2, '0')
  const day = String(time.getDate()).padStart(2, '0')
  return `${time.getFullYear()}-${month}-${day}`
}

/**
 * Today and the `count - 1` local calendar days before it. Counted on the calendar, not in
 * 24-hour steps, which would skip or repeat a day across a daylight-saving change.
 */
export function recentDays(now: Date, count = KEEP_DAYS): string[] {
  const days: string[] = []
  for (let back = 0; back < count; back++) {
    // Noon: no daylight-saving change moves noon into another day.
    days.push(localDayKey(new Date(now.getFullYear(), now.getMonth(), now.getDate() - back, 12)))
  }
  return days
}

/** Backups newest first; the same instant is ordered by name so the result never depends on input order. */
export function sortNewestFirst(backups: readonly ParsedBackupName[]): ParsedBackupName[] {
  return [...backups].sort(
    (a, b) =>
      b.time.getTime() - a.time.getTime() || (a.name < b.name ? 1 : a.name > b.name ? -1 : 0),
  )
}

/**
 * The backups to keep, newest first: the KEEP_LATEST newest, plus the newest backup of each of the
 * last KEEP_DAYS calendar days (today included). At most KEEP_LATEST + KEEP_DAYS names, always the
 * newest. Names that are not backups are not in the answer and must not be deleted either.
 */
export function selectBackupsToKeep(names: readonly string[], now: Date): string[] {
  const backups = sortNewestFirst(
    [...new Set(names)].map(parseBackupName).filter((parsed) => parsed !== null),
  )
  const keep = new Set(backups.slice(0, KEEP_LATEST).map((backup) => backup.name))
  const days = new Set(recentDays(now))
  const daysSeen = new Set<string>()
  for (const backup of backups) {
    const day = localDayKey(backup.time)
    if (!days.has(day) || daysSeen.has(day)) continue
    daysSeen.add(day)
    keep.add(backup.name)
  }
  return backups.filter((backup) => keep.has(backup.name)).map((backup) => backup.name)
}

/** The backups the rotation deletes: every backup name not kept. Other names are left alone. */
export function selectBackupsToRemove(names: readonly string[], now: Date): string[] {
  const keep = new Set(selectBackupsToKeep(names, now))
  const seen = new Set<string>()
  return names.filter((name) => {
    if (keep.has(name) || seen.has(name) || !parseBackupName(name)) return false
    seen.add(name)
    return true
  })
}

/**
 * Backups and project files in the user's words: when a backup was taken, why, and how big it is;
 * whether a record is a flagged copy made by an import. Pure; the locale is the caller's.
 */
import type { BackupReason } from '$shared/ipc'

const REASONS: Record<BackupReason, string> = {
  scheduled: 'Automatic (hourly)',
  'before-upgrade': 'Before an update',
  'before-import': 'Before an import or restore',
  manual: 'Made by you',
}

export function backupReasonWords(reason: BackupReason): string {
  return REASONS[reason]
}

/** "1 May 2024 at 14:30 (3 hours ago)", in the local time zone. */
export function backupTimeWords(iso: string, now: Date, locale?: string): string {
  const at = new Date(iso)
  const absolute = at.toLocaleString(locale, { dateStyle: 'long', timeStyle: 'short' })
  return `${absolute} (${relativeWords(at.getTime() - now.getTime(), locale)})`
}

function relativeWords(ms: number, locale?: string): string {
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
  const seconds = Math.round(ms / 1000)
  const steps: [Intl.RelativeTimeFormatUnit, number][] = [
    ['day', 86_400],
    ['hour', 3600],
    ['minute', 60],
  ]
  for (const [unit, size] of steps)
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit)
  return Math.abs(seconds) < 10 ? 'just now' : format.format(seconds, 'second')
}

/** Ids a merge gave to copies: `<id>-copy-<8 hex>` (see merge.ts). */
const COPY_ID = /-copy-[0-9a-f]{8}$/

export function isImportedCopy(id: string): boolean {
  return COPY_ID.test(id)
}

/**
 * A stand-in for Electron's main process in Chromium: `window.api` defined before the app loads,
 * answering like main does (Result envelopes), with a store record, backups and a quarantine
 * that only record what they were asked. It lets the startup and recovery screens run in the
 * browser e2e; the real main is exercised by e2e/electron/safety.spec.ts where a binary exists.
 */
import type { Page } from '@playwright/test'
import type { AboutFacts, BackupReason, SourcelineApi } from '../src/shared/ipc'

export interface FakeMainSetup {
  /** The store record main would answer; null when there is none. */
  records: number | null
  /** Backups on disk: name → project file text. */
  backups?: Record<string, string>
  /** When set, writeBackup fails with this message (a full disk). */
  writeFails?: string
  /** Project files the OS opened with the app before it started: name → text. */
  openedFiles?: Record<string, string>
}

/** What the fake main answers for Help ▸ About. */
export const FAKE_ABOUT: AboutFacts = {
  appVersion: '0.1.0',
  electronVersion: '45.4.1',
  chromiumVersion: '142.0.7444.52',
  nodeVersion: '22.20.0',
  dataFolder: '/home/user/.config/Sourceline',
  databaseFolder: '/home/user/.config/Sourceline/IndexedDB',
  backupsFolder: '/home/user/.config/Sourceline/backups',
}

export interface FakeMainLog {
  setRecord: number[]
  quarantined: number
  written: { reason: string; content: string }[]
}

export async function installFakeMain(page: Page, setup: FakeMainSetup): Promise<void> {
  await page.addInitScript(
    ({ config, about }: { config: FakeMainSetup; about: AboutFacts }) => {
      const log: FakeMainLog = { setRecord: [], quarantined: 0, written: [] }
      const backups = new Map(Object.entries(config.backups ?? {}))
      let record =
        config.records === null
          ? null
          : { records: config.records, savedAt: '2024-05-01T09:00:00.000Z' }
      let opened = Object.entries(config.openedFiles ?? {})
      const ok = <T>(value: T) => Promise.resolve({ ok: true as const, value })
      const unavailable = () =>
        Promise.resolve({
          ok: false as const,
          error: { code: 'internal' as const, message: 'not in the fake main' },
        })
      const w = window as unknown as { api: SourcelineApi; __fakeMain: FakeMainLog }
      w.__fakeMain = log
      // Typed as the real window.api, so a verb added to the contract must be added here too.
      const api: SourcelineApi = {
        saveFile: () => ok({ saved: false }),
        printToPdf: unavailable,
        capturePage: unavailable,
        openExternal: () => ok({ opened: true }),
        onMenuCommand: () => () => undefined,
        about: () => ok(about),
        takeOpenedProjectFiles() {
          const files = opened.map(([name, text]) => ({
            name,
            bytes: new TextEncoder().encode(text) as Uint8Array<ArrayBuffer>,
          }))
          opened = []
          return ok(files)
        },
        onProjectFileOpened: () => () => undefined,
        writeBackup(reason, content) {
          if (config.writeFails)
            return Promise.resolve({ ok: false, error: { code: 'io', message: config.writeFails } })
          const name = `sourceline-backup-2024-05-0${backups.size + 1}T09-30-00.000Z-${reason}.json`
          // The app sends the file as bytes when it built it in the export Worker.
          const text = typeof content === 'string' ? content : new TextDecoder().decode(content)
          backups.set(name, text)
          log.written.push({ reason, content: text })
          return ok({ name })
        },
        listBackups: () =>
          ok(
            [...backups.entries()]
              .map(([name, content]) => ({
                name,
                time: name.slice(18, 42).replace(/T(\d\d)-(\d\d)-(\d\d)/, 'T$1:$2:$3'),
                reason: name.slice(43, -5) as BackupReason,
                size: content.length,
                verified: true,
              }))
              .sort((a, b) => b.name.localeCompare(a.name)),
          ),
        readBackup: (name) => ok({ content: backups.get(name) ?? '' }),
        getStoreRecord: () => ok(record),
        setStoreRecord({ records }) {
          log.setRecord.push(records)
          record = { records, savedAt: new Date().toISOString() }
          return ok(record)
        },
        quarantineStore() {
          log.quarantined++
          return ok({ path: '/home/user/.config/Sourceline/damaged-2024-05-01T09-31-00.000Z' })
        },
      }
      w.api = api
    },
    { config: setup, about: FAKE_ABOUT },
  )
}

export function fakeMainLog(page: Page): Promise<FakeMainLog> {
  return page.evaluate(() => (window as unknown as { __fakeMain: FakeMainLog }).__fakeMain)
}

/** A project file holding `notes`, as exportProject writes one (docs/decisions/0006). */
export function projectFile(notes: object[]): string {
  return JSON.stringify({
    formatVersion: 1,
    app: 'Sourceline',
    exportedAt: '2024-05-01T09:30:00.000Z',
    corpus: { title: 'Sourceline', articleIds: [] },
    data: {
      notes,
      highlights: [],
      userEvents: [],
      evidence: [],
      eventAnnotations: [],
      entityEdits: [],
      articles: [],
    },
  })
}

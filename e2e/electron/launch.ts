/**
 * How the Electron specs start the built app: each test gets its own user-data folder
 * (`userDataDir`), which `launchApp` starts the app on, as often as a test needs; `launched` is
 * the app started once on it and closed after the test. Specs still call
 * `test.skip(!ELECTRON_BINARY, SKIP_REASON)` themselves.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { _electron as electron, test as base, expect } from '@playwright/test'
import type { ElectronApplication, Page } from '@playwright/test'
import { MAIN_ENTRY, PROJECT_ROOT, productionEnv } from './electron-binary'

export interface RunningApp {
  app: ElectronApplication
  /** The first window, its DOM loaded. */
  page: Page
  /** The userData folder main uses. */
  userData: string
  /** userData/backups, where main writes backups (it may not exist yet). */
  backups: string
  close(): Promise<void>
}

/** Starts the built app on `userDataDir` and waits for its window's DOM. */
export async function launchApp(userDataDir: string): Promise<RunningApp> {
  expect(existsSync(MAIN_ENTRY), `${MAIN_ENTRY} is missing: run electron-vite build`).toBe(true)
  // No executablePath: Playwright then finds the electron package's binary itself and preloads
  // its loader, which adds the switches it runs Chromium with elsewhere.
  const app = await electron.launch({
    // The project directory: Electron reads package.json "main" and loads it as an ES module.
    args: [PROJECT_ROOT, `--user-data-dir=${userDataDir}`],
    env: productionEnv(),
  })
  try {
    const page = await app.firstWindow()
    await page.waitForLoadState('domcontentloaded')
    // Ask main rather than assume: this is the folder the handlers use.
    const userData = await app.evaluate(({ app: electronApp }) => electronApp.getPath('userData'))
    return { app, page, userData, backups: join(userData, 'backups'), close: () => app.close() }
  } catch (error) {
    // A window that never came must not leave the app running.
    await app.close()
    throw error
  }
}

export const test = base.extend<{ userDataDir: string; launched: RunningApp }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this pattern
  userDataDir: async ({}, use, testInfo) => {
    await use(testInfo.outputPath('user-data'))
  },
  launched: async ({ userDataDir }, use) => {
    const running = await launchApp(userDataDir)
    try {
      await use(running)
    } finally {
      await running.close()
    }
  },
})

/** Kills the app as a crash or a power cut would (SIGKILL) and waits until its process is gone. */
export async function killApp(running: RunningApp): Promise<void> {
  const child = running.app.process()
  if (child.pid === undefined) throw new Error('the app process has no pid')
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.kill('SIGKILL')
  await exited
}

/** Lets go of Playwright's handle, which outlives a killed app: closing must not wait on it. */
export async function releaseApp(running: RunningApp): Promise<void> {
  await Promise.race([
    running.app.close().catch(() => undefined),
    new Promise((resolve) => setTimeout(resolve, 5_000)),
  ])
}

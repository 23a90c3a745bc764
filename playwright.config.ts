/**
 * End-to-end tests. The `chromium` project loads the built renderer (out/renderer) over http from
 * scripts/serve-renderer.mjs in an installed Chromium; each test gets a fresh persistent profile
 * from e2e/fixtures.ts. The `electron` project runs e2e/electron specs, which launch the built app
 * through Playwright's _electron API wherever an Electron binary is found (ELECTRON_OVERRIDE_DIST_PATH
 * or node_modules/electron/dist); elsewhere (our CI) they skip and the reason is printed once.
 */
import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, findChromium, findElectron } from './scripts/find-browser.mjs'

const PORT = Number(process.env['SOURCELINE_E2E_PORT'] ?? 4178)
const BASE_URL = `http://127.0.0.1:${PORT}`
const CI = !!process.env['CI']

const electron = findElectron()
const chromiumOnly = process.argv.join(' ').match(/--project[= ]chromium(?!\S)/) !== null
// Workers load this file too; the runner alone says it, unless only Chromium was asked for.
if (!electron.binary && !chromiumOnly && process.env['TEST_WORKER_INDEX'] === undefined) {
  console.log(`[e2e] Electron specs skipped: ${electron.reason}`)
}

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  forbidOnly: CI,
  retries: CI ? 1 : 0,
  // Two cores here: more workers only fight over them.
  workers: 2,
  reporter: [['list']],
  expect: { timeout: 10_000 },
  use: {
    baseURL: BASE_URL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    acceptDownloads: true,
  },
  projects: [
    {
      name: 'chromium',
      // Specs in e2e/ and its subfolders, except the Electron ones.
      testMatch: 'e2e/**/*.spec.ts',
      testIgnore: 'e2e/electron/**',
      use: {
        browserName: 'chromium',
        launchOptions: {
          // undefined: Playwright's own Chromium (see scripts/ensure-browser.mjs).
          executablePath: findChromium(),
          args: [...CHROMIUM_ARGS],
        },
      },
    },
    {
      name: 'electron',
      testMatch: 'e2e/electron/**/*.spec.ts',
      // Each test starts the app at least once; a cold Electron start is slow on a loaded machine.
      timeout: 90_000,
    },
  ],
  webServer: {
    command: `node scripts/serve-renderer.mjs ${PORT}`,
    url: `${BASE_URL}/`,
    reuseExistingServer: !CI,
    timeout: 30_000,
    stdout: 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 2_000 },
  },
})

/**
 * The built app (out/main/index.js after `electron-vite build`) launched in a real Electron: the
 * window and timeline appear, and the security defaults hold where they matter, in the running
 * process. Each test starts the app on a fresh user-data directory. Skipped, with the reason
 * printed, where no Electron binary is installed (ELECTRON_SKIP_BINARY_DOWNLOAD).
 */
import { spawn } from 'node:child_process'
import { expect } from '@playwright/test'
import type { ElectronApplication, Page } from '@playwright/test'
import type { WebPreferences } from 'electron'
import { CONTENT_SECURITY_POLICY } from '../../src/main/csp'
import { ELECTRON_BINARY, PROJECT_ROOT, SKIP_REASON, productionEnv } from './electron-binary'
import { test as base } from './launch'

const test = base.extend<{ electronApp: ElectronApplication; appWindow: Page }>({
  electronApp: async ({ launched }, use) => {
    await use(launched.app)
  },
  appWindow: async ({ launched }, use) => {
    await use(launched.page)
  },
})

test.skip(!ELECTRON_BINARY, SKIP_REASON)

test('opens one Sourceline window showing the timeline with events', async ({
  electronApp,
  appWindow,
}) => {
  await expect
    .poll(() =>
      electronApp.evaluate(({ BrowserWindow }) =>
        BrowserWindow.getAllWindows().map((w) => ({ title: w.getTitle(), visible: w.isVisible() })),
      ),
    )
    .toEqual([{ title: expect.stringContaining('Sourceline'), visible: true }])
  expect(appWindow.url()).toBe('app://sourceline/index.html')
  await expect(appWindow.getByTestId('timeline')).toBeVisible()
  await expect(appWindow.locator('.vis-item-content').first()).toBeVisible()
})

test('runs the page with context isolation, sandbox and no Node', async ({ electronApp }) => {
  const preferences = await electronApp.evaluate(({ BrowserWindow }) => {
    const contents = BrowserWindow.getAllWindows()[0]?.webContents
    // Part of the runtime API (Electron's own specs use it) but missing from electron.d.ts.
    const withLast = contents as
      { getLastWebPreferences(): WebPreferences | null | undefined } | undefined
    const last = withLast?.getLastWebPreferences()
    return last
      ? {
          contextIsolation: last.contextIsolation,
          sandbox: last.sandbox,
          nodeIntegration: last.nodeIntegration,
          nodeIntegrationInSubFrames: last.nodeIntegrationInSubFrames ?? false,
          webSecurity: last.webSecurity,
          webviewTag: last.webviewTag ?? false,
          disableBlinkFeatures: last.disableBlinkFeatures,
        }
      : null
  })
  expect(preferences).toEqual({
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    webviewTag: false,
    disableBlinkFeatures: 'Auxclick',
  })
})

test('gives the page no require, process or other Node globals', async ({ appWindow }) => {
  const kinds = await appWindow.evaluate(() => {
    const scope = globalThis as Record<string, unknown>
    return ['require', 'process', 'module', 'Buffer', 'global', '__dirname'].map(
      (name) => `${name}: ${typeof scope[name]}`,
    )
  })
  expect(kinds).toEqual([
    'require: undefined',
    'process: undefined',
    'module: undefined',
    'Buffer: undefined',
    'global: undefined',
    '__dirname: undefined',
  ])
})

test('window.api has exactly the verbs and nothing of Electron', async ({ appWindow }) => {
  const surface = await appWindow.evaluate(() => ({
    api: window.api
      ? Object.entries(window.api)
          .map(([name, value]) => `${name}: ${typeof value}`)
          .sort()
      : null,
    ipcRenderer: 'ipcRenderer' in window,
    electron: 'electron' in window,
  }))
  expect(surface).toEqual({
    api: [
      'getStoreRecord: function',
      'listBackups: function',
      'onMenuCommand: function',
      'openExternal: function',
      'quarantineStore: function',
      'readBackup: function',
      'saveFile: function',
      'setStoreRecord: function',
      'writeBackup: function',
    ],
    ipcRenderer: false,
    electron: false,
  })
})

test('main validates what the page sends', async ({ appWindow }) => {
  const answers = await appWindow.evaluate(async () => {
    const api = window.api
    if (!api) return null
    const unknownField = { suggestedName: 'a.md', content: '', filterName: 'Markdown' }
    return {
      http: await api.openExternal('http://example.com/'),
      file: await api.openExternal('file:///etc/passwd'),
      emptyName: await api.saveFile({
        suggestedName: '',
        content: 'x',
        filterName: 'Markdown',
        extensions: ['md'],
      }),
      // Deliberately malformed, as a compromised page might send.
      malformed: await api.saveFile({ ...unknownField, extensions: ['md'], extra: 1 } as never),
    }
  })
  expect(answers).toMatchObject({
    http: { ok: false, error: { code: 'invalid-argument' } },
    file: { ok: false, error: { code: 'invalid-argument' } },
    emptyName: { ok: false, error: { code: 'invalid-argument' } },
    malformed: { ok: false, error: { code: 'invalid-argument' } },
  })
})

test('window.open opens no window', async ({ electronApp, appWindow }) => {
  // Counted in main: a window that window.open made would exist before window.open returned.
  await electronApp.evaluate(({ app }) => {
    const counter = globalThis as { createdContents?: number }
    counter.createdContents = 0
    app.on(
      'web-contents-created',
      () => (counter.createdContents = (counter.createdContents ?? 0) + 1),
    )
  })
  const handle = await appWindow.evaluate(() => window.open('https://example.com/') === null)
  expect(handle).toBe(true)
  expect(
    await electronApp.evaluate(() => (globalThis as { createdContents?: number }).createdContents),
  ).toBe(0)
  expect(electronApp.windows()).toHaveLength(1)
  expect(
    await electronApp.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length),
  ).toBe(1)
})

test('the page cannot navigate away from the app', async ({ electronApp, appWindow }) => {
  // Record the next will-navigate in main; our guard was attached first, so it has already run.
  await electronApp.evaluate(({ BrowserWindow }) => {
    const contents = BrowserWindow.getAllWindows()[0]?.webContents
    const store = globalThis as { sourcelineNavigation?: Promise<unknown> }
    store.sourcelineNavigation = new Promise((resolve) => {
      contents?.once('will-navigate', (event) => {
        resolve({ url: event.url, prevented: event.defaultPrevented })
      })
    })
  })
  await appWindow.evaluate(() => {
    location.href = 'https://example.com/'
  })
  const attempt = await electronApp.evaluate(
    () => (globalThis as { sourcelineNavigation?: Promise<unknown> }).sourcelineNavigation,
  )
  expect(attempt).toEqual({ url: 'https://example.com/', prevented: true })
  expect(appWindow.url()).toBe('app://sourceline/index.html')
  await expect(appWindow.getByTestId('timeline')).toBeVisible()
})

test('permission requests are denied', async ({ appWindow }) => {
  const answers = await appWindow.evaluate(async () => ({
    notifications: await Notification.requestPermission(),
    geolocation: await new Promise<string>((resolve) => {
      navigator.geolocation.getCurrentPosition(
        () => resolve('granted'),
        (error) =>
          resolve(error.code === error.PERMISSION_DENIED ? 'denied' : `error ${error.code}`),
        { timeout: 10_000 },
      )
    }),
  }))
  expect(answers).toEqual({ notifications: 'denied', geolocation: 'denied' })
})

test('app:// serves with the CSP header and refuses to leave the renderer folder', async ({
  appWindow,
}) => {
  const responses = await appWindow.evaluate(async () => {
    const page = await fetch('/index.html')
    const escape = await fetch('/%2e%2e%2f%2e%2e%2fpackage.json')
    return {
      csp: page.headers.get('content-security-policy'),
      type: page.headers.get('content-type'),
      escape: escape.status,
    }
  })
  expect(responses).toEqual({
    csp: CONTENT_SECURITY_POLICY,
    type: 'text/html; charset=utf-8',
    escape: 404,
  })
})

test('the File menu has the export item', async ({ electronApp }) => {
  const fileItems = await electronApp.evaluate(({ Menu }) => {
    const file = Menu.getApplicationMenu()?.items.find((item) => item.label === 'File')
    return (
      file?.submenu?.items.map((item) => ({
        id: item.id,
        label: item.label,
        accelerator: item.accelerator,
      })) ?? []
    )
  })
  expect(fileItems).toContainEqual({
    id: 'export-report',
    label: 'Export…',
    accelerator: 'CmdOrCtrl+E',
  })
})

test('a menu command reaches the page through window.api', async ({ electronApp, appWindow }) => {
  await appWindow.evaluate(() => {
    const store = window as Window & { sourcelineCommands?: string[] }
    store.sourcelineCommands = []
    window.api?.onMenuCommand((command) => store.sourcelineCommands?.push(command))
  })
  // Fit All changes only the view, so clicking it in a test has no lasting effect.
  await electronApp.evaluate(({ Menu }) => {
    Menu.getApplicationMenu()?.getMenuItemById('fit-all')?.click()
  })
  await expect
    .poll(() =>
      appWindow.evaluate(
        () => (window as Window & { sourcelineCommands?: string[] }).sourcelineCommands,
      ),
    )
    .toEqual(['fit-all'])
})

test('a second instance hands over to the first and exits', async ({
  electronApp,
  userDataDir,
}) => {
  const second = spawn(
    ELECTRON_BINARY ?? 'electron',
    // --no-sandbox as Playwright passes it to the first instance (CI containers often need it).
    [PROJECT_ROOT, `--user-data-dir=${userDataDir}`, '--no-sandbox'],
    { env: productionEnv(), stdio: 'ignore' },
  )
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    const timer = setTimeout(() => {
      second.kill()
      reject(new Error('the second instance did not exit within 20 s'))
    }, 20_000)
    second.once('exit', (code) => {
      clearTimeout(timer)
      resolve(code)
    })
  })
  expect(exitCode).toBe(0)
  expect(
    await electronApp.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length),
  ).toBe(1)
})

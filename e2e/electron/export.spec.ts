/**
 * Exports in the built Electron app: PDF (main prints the standalone page in a hidden window
 * without script, which is destroyed afterwards), PNG (main captures the timeline view) and
 * Markdown (built in the export Worker, its bytes saved through the preload bridge), each
 * produced from the Export dialog and saved through a save dialog stubbed to answer a path in the
 * test's folder; and main refusing bad arguments. Skipped, with the reason printed, where no
 * Electron binary is installed.
 */
import { readFile } from 'node:fs/promises'
import { expect } from '@playwright/test'
import type { ElectronApplication, Page } from '@playwright/test'
import { pngSize } from '../readers'
import { ELECTRON_BINARY, SKIP_REASON } from './electron-binary'
import { test as base } from './launch'

const test = base.extend<{ electronApp: ElectronApplication; appWindow: Page }>({
  electronApp: async ({ launched }, use) => {
    await use(launched.app)
  },
  appWindow: async ({ launched }, use) => {
    await expect(launched.page.locator('.vis-item-content').first()).toBeVisible()
    await use(launched.page)
  },
})

test.skip(!ELECTRON_BINARY, SKIP_REASON)

/** Makes main's save dialog answer `path` at once, as if the user had chosen it. */
async function answerSaveDialog(electronApp: ElectronApplication, path: string): Promise<void> {
  await electronApp.evaluate(({ dialog }, filePath) => {
    dialog.showSaveDialog = (async () => ({
      canceled: false,
      filePath,
    })) as typeof dialog.showSaveDialog
  }, path)
}

async function exportFrom(appWindow: Page, format: 'pdf' | 'png' | 'markdown'): Promise<void> {
  await appWindow.getByTestId('export-open').click()
  const dialog = appWindow.getByRole('dialog', { name: 'Export' })
  await dialog.getByTestId(`export-format-${format}`).check()
  await dialog.getByTestId('export-run').click()
}

test('PDF: printed from the standalone page, saved where the user chose, no window left over', async ({
  electronApp,
  appWindow,
}, testInfo) => {
  const target = testInfo.outputPath('timeline.pdf')
  await answerSaveDialog(electronApp, target)
  await exportFrom(appWindow, 'pdf')
  await expect(appWindow.getByTestId('message-success')).toContainText(`PDF saved to ${target}`, {
    timeout: 30_000,
  })
  const pdf = await readFile(target)
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
  expect(pdf.length).toBeGreaterThan(10_000)
  // The hidden printing window is gone.
  expect(
    await electronApp.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length),
  ).toBe(1)
})

test('PNG: main captures the timeline view at its size on screen', async ({
  electronApp,
  appWindow,
}, testInfo) => {
  const target = testInfo.outputPath('timeline.png')
  const box = await appWindow.getByTestId('timeline').boundingBox()
  if (!box) throw new Error('the timeline has no box')
  const scale = await appWindow.evaluate(() => window.devicePixelRatio)
  await answerSaveDialog(electronApp, target)
  await exportFrom(appWindow, 'png')
  await expect(appWindow.getByTestId('message-success')).toContainText(target, {
    timeout: 30_000,
  })
  const size = pngSize(new Uint8Array(await readFile(target)))
  expect(Math.abs(size.width - Math.round(box.width * scale))).toBeLessThanOrEqual(1)
  expect(Math.abs(size.height - Math.round(box.height * scale))).toBeLessThanOrEqual(1)
})

test('Markdown: built in the export Worker, saved through the bridge as UTF-8 bytes', async ({
  electronApp,
  appWindow,
}, testInfo) => {
  const target = testInfo.outputPath('report.md')
  await answerSaveDialog(electronApp, target)
  await exportFrom(appWindow, 'markdown')
  await expect(appWindow.getByTestId('message-success')).toContainText(
    `Report saved to ${target}`,
    {
      timeout: 30_000,
    },
  )
  const text = await readFile(target, 'utf8')
  expect(text).toMatch(/^# .+: annotated timeline\n\nExported /)
  expect(text).toContain('## Sources')
  expect(text.endsWith('\n')).toBe(true)
})

test('main refuses an empty page to print and a rectangle outside its bounds', async ({
  appWindow,
}) => {
  const answers = await appWindow.evaluate(async () => {
    const api = window.api
    if (!api) throw new Error('no window.api')
    return {
      empty: await api.printToPdf(''),
      negative: await api.capturePage({ x: -1, y: 0, width: 10, height: 10 }),
      huge: await api.capturePage({ x: 0, y: 0, width: 100_000, height: 10 }),
      fractional: await api.capturePage({ x: 0, y: 0, width: 10.5, height: 10 }),
    }
  })
  for (const answer of Object.values(answers)) {
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
  }
})

test('the printing window is hidden and runs no script', async ({ electronApp, appWindow }) => {
  // Watch every window main creates from now on: is it shown, and which titles does it get?
  await electronApp.evaluate(({ app }) => {
    const store = globalThis as typeof globalThis & {
      printing?: { shown: boolean[]; titles: string[] }
    }
    const seen = { shown: [] as boolean[], titles: [] as string[] }
    store.printing = seen
    app.on('browser-window-created', (_event, window) => {
      seen.shown.push(window.isVisible())
      window.webContents.on('page-title-updated', (_e, title) => seen.titles.push(title))
    })
  })
  // Its script would retitle the page; with JavaScript off the page keeps its first title.
  const answer = await appWindow.evaluate(async () => {
    const api = window.api
    if (!api) throw new Error('no window.api')
    const result = await api.printToPdf(
      '<!doctype html><title>as written</title><p>Hello</p>' +
        '<script>document.title = "changed by script"</script>',
    )
    return result.ok ? new TextDecoder('latin1').decode(result.value.bytes.subarray(0, 5)) : ''
  })
  expect(answer).toBe('%PDF-')
  const seen = await electronApp.evaluate(
    () => (globalThis as typeof globalThis & { printing?: unknown }).printing,
  )
  expect(seen).toMatchObject({ shown: [false] })
  const titles = (seen as { titles: string[] }).titles
  expect(titles).toContain('as written')
  expect(titles).not.toContain('changed by script')
  expect(
    await electronApp.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length),
  ).toBe(1)
})

import { existsSync } from 'node:fs'
import { dirname } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { IpcMainInvokeEvent } from 'electron'
import { beforeEach, describe, expect, it, vi } from 'vitest'

// Electron is not available to Vitest: a window that records what main asks of it stands in.
const fake = vi.hoisted(() => {
  interface FakeWindow {
    options: { show?: boolean; webPreferences?: Record<string, unknown> }
    loadedFile: string | null
    loadedHtml: string | null
    destroyed: boolean
  }
  return {
    windows: [] as FakeWindow[],
    handlers: new Map<string, (...args: unknown[]) => Promise<unknown>>(),
    requestFilter: null as
      ((details: { url: string }, callback: (answer: { cancel: boolean }) => void) => void) | null,
    loadError: null as Error | null,
  }
})

vi.mock('electron', async () => {
  const { readFile: read } = await import('node:fs/promises')
  class BrowserWindow {
    options: (typeof fake.windows)[number]['options']
    loadedFile: string | null = null
    loadedHtml: string | null = null
    destroyed = false
    webContents = { printToPDF: async () => Buffer.from('%PDF-1.7 printed') }
    constructor(options: (typeof fake.windows)[number]['options']) {
      this.options = options
      fake.windows.push(this)
    }
    async loadFile(file: string): Promise<void> {
      if (fake.loadError) throw fake.loadError
      this.loadedFile = file
      this.loadedHtml = await read(file, 'utf8')
    }
    destroy(): void {
      this.destroyed = true
    }
  }
  const session = {
    fromPartition: () => ({
      setPermissionRequestHandler: () => undefined,
      setPermissionCheckHandler: () => undefined,
      webRequest: {
        onBeforeRequest: (filter: typeof fake.requestFilter) => {
          fake.requestFilter = filter
        },
      },
    }),
  }
  return { BrowserWindow, session }
})

vi.mock('./ipc', () => ({
  handle: (channel: string, _schemas: unknown, fn: (...args: unknown[]) => Promise<unknown>) => {
    fake.handlers.set(channel, fn)
  },
  ok: (value: unknown) => ({ ok: true, value }),
  fail: (code: string, message: string) => ({ ok: false, error: { code, message } }),
}))

const { registerExportHandlers } = await import('./export-handlers')
registerExportHandlers()

function call(channel: string, ...args: unknown[]): Promise<unknown> {
  const handler = fake.handlers.get(channel)
  if (!handler) throw new Error(`${channel} is not registered`)
  return handler(...args)
}

const HTML = '<!doctype html><title>Report</title><p>Ünïcödé ✓</p>'

describe('export:print-pdf', () => {
  beforeEach(() => {
    fake.windows.length = 0
    fake.loadError = null
  })

  it('prints the page in a hidden, script-less, sandboxed window without preload, then cleans up', async () => {
    const answer = (await call('export:print-pdf', {}, HTML)) as {
      ok: boolean
      value: { bytes: Uint8Array }
    }
    expect(answer.ok).toBe(true)
    expect(Buffer.from(answer.value.bytes).toString('latin1')).toBe('%PDF-1.7 printed')
    const [window] = fake.windows
    expect(fake.windows).toHaveLength(1)
    expect(window?.options.show).toBe(false)
    expect(window?.options.webPreferences).toMatchObject({
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      disableBlinkFeatures: 'Auxclick',
    })
    expect(window?.options.webPreferences).not.toHaveProperty('preload')
    expect(window?.loadedHtml).toBe(HTML)
    expect(window?.destroyed).toBe(true)
    expect(existsSync(dirname(window?.loadedFile ?? '/'))).toBe(false)
  })

  it('lets the hidden window load only the page it prints', async () => {
    await call('export:print-pdf', {}, HTML)
    const file = fake.windows[0]?.loadedFile ?? ''
    const filter = fake.requestFilter
    if (!filter) throw new Error('no request filter was installed')
    const decide = (url: string) =>
      new Promise<boolean>((resolve) => filter({ url }, ({ cancel }) => resolve(cancel)))
    expect(await decide(pathToFileURL(file).href)).toBe(false)
    expect(await decide('https://example.com/font.woff')).toBe(true)
    expect(await decide(pathToFileURL(`${file}.other`).href)).toBe(true)
    expect(await decide('data:text/html,hi')).toBe(true)
  })

  it('answers an io error, destroys the window and removes the page when loading fails', async () => {
    fake.loadError = new Error('ERR_FAILED')
    const answer = await call('export:print-pdf', {}, HTML)
    expect(answer).toEqual({
      ok: false,
      error: { code: 'io', message: 'Could not make the PDF: ERR_FAILED' },
    })
    expect(fake.windows[0]?.destroyed).toBe(true)
  })
})

describe('export:capture-page', () => {
  const sender = (png: Buffer, empty = false) =>
    ({
      sender: {
        capturePage: async () => ({ isEmpty: () => empty, toPNG: () => png }),
      },
    }) as unknown as IpcMainInvokeEvent

  it('answers the PNG of the rectangle', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])
    const answer = (await call('export:capture-page', sender(png), {
      x: 0,
      y: 0,
      width: 10,
      height: 10,
    })) as { ok: boolean; value: { bytes: Uint8Array } }
    expect(answer.ok).toBe(true)
    expect([...answer.value.bytes]).toEqual([...png])
  })

  it('says why when the window could not be captured', async () => {
    const answer = await call('export:capture-page', sender(Buffer.alloc(0), true), {
      x: 0,
      y: 0,
      width: 10,
      height: 10,
    })
    expect(answer).toMatchObject({ ok: false, error: { code: 'io' } })
  })
})

/**
 * The Playwright `test` every Sourceline spec imports. Each test runs in its own Chromium with a
 * fresh on-disk profile, so IndexedDB really persists and `app.restart()` can quit and reopen the
 * app on the same data (Playwright's default context keeps IndexedDB in memory). It also records
 * console errors, uncaught page errors and every request, and saves downloads for inspection.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  test as base,
  expect,
  type BrowserContext,
  type ConsoleMessage,
  type Page,
  type WebError,
} from '@playwright/test'

import { skipOrientation } from './fresh-profile'

export { expect }
export type { Page }

/** The running app: a persistent Chromium profile and the page showing the app. */
export interface App {
  /** The current page. Replaced by `restart()`: read it again after restarting. */
  readonly page: Page
  /** The current browser context (one per launch). */
  readonly context: BrowserContext
  /** The profile directory; the same across restarts, deleted after the test. */
  readonly profileDir: string
  /** Navigates the current page to `path` (relative to baseURL) and returns the page. */
  open(path?: string): Promise<Page>
  /** Quits the browser, relaunches it on the same profile, opens `path` and returns the new page. */
  restart(path?: string): Promise<Page>
}

export interface ConsoleIssue {
  kind: 'console' | 'pageerror'
  text: string
  /** Where it came from: the script location for console errors, the page URL for page errors. */
  where: string
}

/**
 * Console messages that are expected and harmless. Sanitizing input with an inline handler
 * (`<img onerror=...>`) makes Chromium report a CSP violation for the handler DOMPurify is about
 * to remove; the sanitized output is clean. Only this exact report is ignored: any other CSP
 * violation is a real error.
 */
export const KNOWN_CONSOLE_NOISE: readonly RegExp[] = [
  // Chromium 156 wording first, older Chromium's second.
  /^(Executing inline event handler violates|Refused to execute inline event handler because it violates) the following Content Security Policy directive/,
]

export class ConsoleErrors {
  readonly #all: ConsoleIssue[] = []

  /** Every console error and uncaught page error so far, known noise included. */
  get all(): readonly ConsoleIssue[] {
    return this.#all
  }

  /** The errors that count: all of them except KNOWN_CONSOLE_NOISE and `ignore`. */
  unexpected(ignore: readonly RegExp[] = []): ConsoleIssue[] {
    const patterns = [...KNOWN_CONSOLE_NOISE, ...ignore]
    return this.#all.filter((issue) => !patterns.some((p) => p.test(issue.text)))
  }

  /** Fails the test, listing them, if any unexpected console or page error was seen. */
  expectNone(ignore: readonly RegExp[] = []): void {
    const issues = this.unexpected(ignore).map((i) => `${i.kind}: ${i.text} (${i.where})`)
    expect(issues, 'console errors and uncaught page errors').toEqual([])
  }

  /** @internal Called by the `app` fixture for each browser launch. */
  attach(context: BrowserContext): void {
    context.on('console', (message: ConsoleMessage) => {
      if (message.type() !== 'error') return
      const { url, lineNumber } = message.location()
      const where = url ? `${url}:${lineNumber}` : ''
      this.#all.push({ kind: 'console', text: message.text(), where })
    })
    context.on('weberror', (webError: WebError) => {
      const error = webError.error()
      this.#all.push({
        kind: 'pageerror',
        text: error.stack ?? String(error),
        where: webError.page()?.url() ?? '',
      })
    })
  }
}

export class RequestLog {
  readonly #urls: string[] = []
  readonly #local: readonly string[]

  /** @param localHosts host names that count as "this machine" */
  constructor(localHosts: readonly string[] = ['127.0.0.1']) {
    this.#local = localHosts
  }

  /** Every request URL the app's pages made, in order, across restarts. */
  get urls(): readonly string[] {
    return this.#urls
  }

  /** Requests that left this machine: anything but the local hosts and data:, blob:, about:. */
  external(): string[] {
    return this.#urls.filter((raw) => {
      const url = new URL(raw)
      if (['data:', 'blob:', 'about:'].includes(url.protocol)) return false
      return !this.#local.includes(url.hostname)
    })
  }

  /** Fails the test if any request went anywhere but the local hosts. */
  expectAllLocal(): void {
    expect(this.external(), 'requests that left 127.0.0.1').toEqual([])
  }

  /** @internal Called by the `app` fixture for each browser launch. */
  attach(context: BrowserContext): void {
    context.on('request', (request) => this.#urls.push(request.url()))
  }
}

export interface Downloaded {
  /** Where the file was saved, under the test's output directory (kept with its results). */
  path: string
  /** The file's contents as UTF-8. */
  text: string
  /** The name the app offered, e.g. `timeline.csv`. */
  suggestedFilename: string
}

let downloadCount = 0

/** Runs `action` (e.g. a click on Export), waits for the download it starts and reads the file. */
export async function download(page: Page, action: () => Promise<unknown>): Promise<Downloaded> {
  const [started] = await Promise.all([page.waitForEvent('download'), action()])
  const failure = await started.failure()
  if (failure) throw new Error(`download of ${started.suggestedFilename()} failed: ${failure}`)
  const suggestedFilename = started.suggestedFilename()
  downloadCount += 1
  const path = base.info().outputPath('downloads', String(downloadCount), suggestedFilename)
  await started.saveAs(path)
  return { path, text: await readFile(path, 'utf8'), suggestedFilename }
}

interface Fixtures {
  /** Show the first start's orientation; other specs start as someone who has dismissed it. */
  orientation: boolean
  app: App
  consoleErrors: ConsoleErrors
  requests: RequestLog
}

export const test = base.extend<Fixtures>({
  orientation: [false, { option: true }],

  // Playwright requires the destructuring pattern even when a fixture needs nothing.
  // eslint-disable-next-line no-empty-pattern
  consoleErrors: async ({}, use) => {
    await use(new ConsoleErrors())
  },

  // eslint-disable-next-line no-empty-pattern
  requests: async ({}, use) => {
    await use(new RequestLog())
  },

  app: async (
    {
      playwright,
      browserName,
      headless,
      launchOptions,
      baseURL,
      consoleErrors,
      requests,
      orientation,
    },
    use,
  ) => {
    if (browserName !== 'chromium') throw new Error('the app fixture runs Chromium only')
    const profileDir = await mkdtemp(join(tmpdir(), 'sourceline-e2e-'))

    const launch = async (): Promise<{ context: BrowserContext; page: Page }> => {
      const context = await playwright.chromium.launchPersistentContext(profileDir, {
        ...launchOptions,
        headless,
        ...(baseURL ? { baseURL } : {}),
        acceptDownloads: true,
      })
      if (!orientation) await skipOrientation(context)
      consoleErrors.attach(context)
      requests.attach(context)
      const page = context.pages()[0] ?? (await context.newPage())
      return { context, page }
    }

    let current = await launch()
    const app: App = {
      get page() {
        return current.page
      },
      get context() {
        return current.context
      },
      profileDir,
      async open(path = '/') {
        await current.page.goto(path)
        return current.page
      },
      async restart(path = '/') {
        await current.context.close()
        current = await launch()
        await current.page.goto(path)
        return current.page
      },
    }

    try {
      await use(app)
    } finally {
      await current.context.close()
      await rm(profileDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 })
    }
  },

  // Specs that never restart can use `page` and `context` directly: they are the app's.
  context: async ({ app }, use) => {
    await use(app.context)
  },

  page: async ({ app }, use) => {
    await use(app.page)
  },
})

/**
 * Hostile fixtures assign `window.__pwned` (a string naming the payload) if any of their code
 * ever runs. Fails the test, naming the payload, if one did, once the page has run what was
 * queued (afterPendingWork).
 */
export async function expectSentinelUnset(page: Page): Promise<void> {
  await afterPendingWork(page)
  const pwned = await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)
  expect(pwned, 'a hostile payload ran').toBeUndefined()
}

/**
 * Waits, without a fixed sleep, until the page has run whatever a payload could have queued: a
 * request made now to the app's own server comes back (so the image, stylesheet or refresh
 * requests queued before it have been answered), then two frames are drawn (so their load and
 * error handlers, and anything those put off to the next frame, have run). Absence cannot be
 * awaited; this is the event it would come before.
 */
export async function afterPendingWork(page: Page): Promise<void> {
  await page.evaluate(async () => {
    // A page with no origin (about:blank) has no server to have asked anything of.
    if (location.origin !== 'null') {
      const response = await fetch(`${location.origin}/?after-pending-work=${Date.now()}`, {
        cache: 'no-store',
      })
      await response.text()
    }
    await new Promise<void>((resolve) =>
      requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
    )
  })
}

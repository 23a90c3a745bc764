/**
 * A second Sourceline on a fresh, empty profile beside the `app` fixture's: the colleague who
 * receives a project file. Its console errors and requests go to the same logs as the first one's.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserContext, BrowserType, LaunchOptions, Page } from '@playwright/test'
import type { ConsoleErrors, RequestLog } from './fixtures'

export interface FreshProfile {
  page: Page
  context: BrowserContext
  close(): Promise<void>
}

export async function launchFreshProfile(options: {
  chromium: BrowserType
  launchOptions: LaunchOptions
  headless: boolean
  baseURL: string | undefined
  consoleErrors: ConsoleErrors
  requests: RequestLog
}): Promise<FreshProfile> {
  const dir = await mkdtemp(join(tmpdir(), 'sourceline-e2e-fresh-'))
  const context = await options.chromium.launchPersistentContext(dir, {
    ...options.launchOptions,
    headless: options.headless,
    ...(options.baseURL ? { baseURL: options.baseURL } : {}),
    acceptDownloads: true,
  })
  await skipOrientation(context)
  options.consoleErrors.attach(context)
  options.requests.attach(context)
  const page = context.pages()[0] ?? (await context.newPage())
  return {
    page,
    context,
    async close() {
      await context.close()
      await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 })
    },
  }
}

/** Starts a profile as someone who has dismissed the first start's orientation already. */
export async function skipOrientation(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    try {
      if (!localStorage.getItem('sourceline.layout'))
        localStorage.setItem('sourceline.layout', JSON.stringify({ orientationDone: true }))
    } catch {
      // about:blank has no storage
    }
  })
}

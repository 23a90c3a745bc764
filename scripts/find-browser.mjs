/**
 * Finds a Chromium-family browser already on this machine for the e2e tests and the bench.
 * Playwright cannot download its own browser everywhere we run (our CI reaches only npm and apt),
 * so an installed Chromium comes first and Playwright's managed browser is the fallback.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'

/** Flags for a quiet, offline, headless run: no GPU, no background traffic, no first-run UI. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

const ENV_VARS = ['SOURCELINE_CHROMIUM', 'CHROMIUM_PATH']

function candidates() {
  const list = [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
  ]
  for (const base of [
    process.env['PROGRAMFILES'],
    process.env['PROGRAMFILES(X86)'],
    process.env['LOCALAPPDATA'],
  ]) {
    if (base) list.push(join(base, 'Google', 'Chrome', 'Application', 'chrome.exe'))
  }
  return list
}

/**
 * The path of a Chromium to launch, or undefined to let Playwright use its own managed browser.
 * An environment override that points nowhere is an error rather than a silent fallback, so a
 * typo does not quietly test against a different browser.
 */
export function findChromium() {
  for (const name of ENV_VARS) {
    const value = process.env[name]
    if (!value) continue
    if (!existsSync(value)) throw new Error(`${name}=${value}, but no file exists at that path`)
    return value
  }
  return candidates().find((path) => existsSync(path))
}

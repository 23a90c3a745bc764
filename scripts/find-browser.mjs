/**
 * Finds the browsers the e2e tests run in: a Chromium-family browser already on this machine (for
 * the e2e tests and the bench), and an Electron binary for the e2e/electron specs. Playwright
 * cannot download its own browser everywhere we run (our CI reaches only npm and apt), so an
 * installed Chromium comes first and Playwright's managed browser is the fallback.
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

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

/** Where the electron package keeps its binary, and the binary's path inside that folder. */
function electronPackage() {
  const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', 'electron')
  const pathFile = join(dir, 'path.txt')
  const fallback = { darwin: 'Electron.app/Contents/MacOS/Electron', win32: 'electron.exe' }
  const inside = existsSync(pathFile)
    ? readFileSync(pathFile, 'utf8').trim()
    : (fallback[process.platform] ?? 'electron')
  return { dir, inside }
}

/** The one command that makes the Electron specs run on a developer's machine. */
export const ELECTRON_SPECS_COMMAND = 'npx install-electron && npm run test:electron'

/**
 * The Electron binary the e2e/electron specs launch, or why there is none. The same places the
 * electron package looks: ELECTRON_OVERRIDE_DIST_PATH, else node_modules/electron/dist. Nothing
 * here loads the electron package, whose index.js downloads a missing binary.
 */
export function findElectron() {
  const { dir, inside } = electronPackage()
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH']
  if (override) {
    const binary = join(override, inside)
    return existsSync(binary)
      ? { binary }
      : { reason: `ELECTRON_OVERRIDE_DIST_PATH=${override}, but there is no Electron at ${binary}` }
  }
  const binary = join(dir, 'dist', inside)
  return existsSync(binary)
    ? { binary }
    : {
        reason:
          'no Electron binary in node_modules/electron/dist (installed with ' +
          `ELECTRON_SKIP_BINARY_DOWNLOAD) and no ELECTRON_OVERRIDE_DIST_PATH; run ${ELECTRON_SPECS_COMMAND}`,
      }
}

/**
 * Makes sure the e2e tests have a browser before Playwright starts: an installed Chromium
 * (see find-browser.mjs), else Playwright's managed Chromium, downloading it if the network allows.
 * Exits non-zero with a clear instruction when neither is possible.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { findChromium } from './find-browser.mjs'

const HELP =
  'No Chromium found. Install Chromium (e.g. apt-get install chromium) ' +
  'or set SOURCELINE_CHROMIUM=/path/to/chrome'

function playwrightChromium() {
  return import('@playwright/test').then(
    ({ chromium }) => {
      try {
        return chromium.executablePath()
      } catch {
        return undefined
      }
    },
    () => undefined,
  )
}

async function main() {
  let found
  try {
    found = findChromium()
  } catch (error) {
    console.error(String(error instanceof Error ? error.message : error))
    return 1
  }
  if (found) {
    console.log(`e2e browser: ${found}`)
    return 0
  }

  const managed = await playwrightChromium()
  if (managed && existsSync(managed)) {
    console.log(`e2e browser: Playwright's Chromium at ${managed}`)
    return 0
  }

  console.log("No installed Chromium; trying 'npx playwright install chromium'...")
  const result = spawnSync('npx', ['playwright', 'install', 'chromium'], {
    stdio: 'inherit',
    shell: process.platform === 'win32',
    timeout: 10 * 60 * 1000,
  })
  const installed = await playwrightChromium()
  if (result.status === 0 && installed && existsSync(installed)) {
    console.log(`e2e browser: Playwright's Chromium at ${installed}`)
    return 0
  }
  console.error(HELP)
  return 1
}

process.exitCode = await main()

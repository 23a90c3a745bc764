/**
 * What the Electron specs share: where the built app is, the Electron binary (or why there is
 * none: specs skip, printing the reason, see scripts/find-browser.mjs), and the environment that
 * makes main take its production app:// path.
 */
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { findElectron } from '../../scripts/find-browser.mjs'

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url))
export const MAIN_ENTRY = join(PROJECT_ROOT, 'out', 'main', 'index.js')

const found = findElectron()
export const ELECTRON_BINARY: string | undefined = found.binary
export const SKIP_REASON = found.reason ?? ''

/** The environment without the dev server URL, so main takes its production app:// path. */
export function productionEnv(): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && key !== 'ELECTRON_RENDERER_URL') env[key] = value
  }
  return env
}

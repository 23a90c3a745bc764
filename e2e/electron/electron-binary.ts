/**
 * What the Electron specs share: where the built app is, whether an Electron binary is installed
 * (specs skip, printing why, where it is not: ELECTRON_SKIP_BINARY_DOWNLOAD), and the environment
 * that makes main take its production app:// path.
 */
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url))
export const MAIN_ENTRY = join(PROJECT_ROOT, 'out', 'main', 'index.js')

/**
 * The Electron binary's path, or undefined when it was never downloaded. The electron package's
 * index.js starts a download when its binary is missing, so it is only required once path.txt and
 * the binary it names are known to exist.
 */
function findElectronBinary(): string | undefined {
  try {
    const requireCjs = createRequire(import.meta.url)
    const packageDir = dirname(requireCjs.resolve('electron/package.json'))
    const pathFile = join(packageDir, 'path.txt')
    if (!existsSync(pathFile)) return undefined
    const overrideDir = process.env['ELECTRON_OVERRIDE_DIST_PATH']
    const expected = join(overrideDir ?? join(packageDir, 'dist'), readFileSync(pathFile, 'utf8'))
    if (!existsSync(expected)) return undefined
    const binary: unknown = requireCjs('electron')
    return typeof binary === 'string' && existsSync(binary) ? binary : undefined
  } catch {
    return undefined
  }
}

export const ELECTRON_BINARY = findElectronBinary()
export const SKIP_REASON =
  'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD); run npx electron --version to fetch it'
if (!ELECTRON_BINARY) console.log(`[e2e/electron] skipped: ${SKIP_REASON}`)

/** The environment without the dev server URL, so main takes its production app:// path. */
export function productionEnv(): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && key !== 'ELECTRON_RENDERER_URL') env[key] = value
  }
  return env
}

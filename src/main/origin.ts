/**
 * Which pages count as the app itself: app://sourceline in production, and the electron-vite dev
 * server while developing. Navigation guards and the IPC sender check both ask here.
 */
import { app } from 'electron'
import { isAppUrl } from './app-protocol'

/**
 * Set by `electron-vite dev`. Ignored in a packaged app so an environment variable cannot make a
 * shipped build trust (or load) some local server.
 */
export const devServerUrl: string | undefined = app.isPackaged
  ? undefined
  : process.env['ELECTRON_RENDERER_URL']

export function isOwnUrl(url: string): boolean {
  return isAppUrl(url, devServerUrl)
}

/** Picks the platform once: Electron when the preload exposed window.api, else the browser. */
import { createBrowserPlatform } from './browser'
import { createElectronPlatform } from './electron'
import type { Platform } from './platform'

export type { Platform, SaveOutcome } from './platform'

export const platform: Platform = window.api
  ? createElectronPlatform(window.api)
  : createBrowserPlatform()

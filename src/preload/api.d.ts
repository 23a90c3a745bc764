/**
 * The global type of window.api for renderer code. Optional: the browser build runs without the
 * preload, so code reaches it through lib/platform rather than assuming it is there.
 */
import type { SourcelineApi } from '../shared/ipc'

declare global {
  interface Window {
    api?: SourcelineApi
  }
}

export {}

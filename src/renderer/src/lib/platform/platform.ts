/**
 * The one seam between the renderer and where it runs: Electron (through window.api) or a plain
 * browser (downloads and links). Everything else in the renderer is the same on both.
 */
import type { MenuCommand, SaveFileRequest } from '$shared/ipc'

export type SaveOutcome = { saved: true; where: string } | { saved: false }

export interface Platform {
  readonly kind: 'electron' | 'browser'
  /** Saves text through a native dialog (Electron) or as a download (browser). Throws on failure. */
  saveFile(request: SaveFileRequest): Promise<SaveOutcome>
  /** Opens an https link outside the app. Throws on failure. */
  openExternal(url: string): Promise<void>
  /** Commands from the application menu; the browser build has none. Returns an unsubscribe. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void
}

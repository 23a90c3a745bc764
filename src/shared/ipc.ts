/**
 * The one IPC contract between the renderer and the main process. Channel names read
 * `domain:verb-noun`. Every invoke answers with a Result envelope: errors do not cross IPC as classes.
 */
import * as v from 'valibot'

export type Result<T> =
  { ok: true; value: T } | { ok: false; error: { code: ErrorCode; message: string } }

export type ErrorCode = 'invalid-argument' | 'forbidden' | 'io' | 'cancelled' | 'internal'

export const SaveFileRequestSchema = v.strictObject({
  suggestedName: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  /** UTF-8 text to write. 200 MB is far beyond any report; it bounds what main will accept. */
  content: v.pipe(v.string(), v.maxLength(200_000_000)),
  filterName: v.pipe(v.string(), v.maxLength(100)),
  extensions: v.pipe(v.array(v.pipe(v.string(), v.regex(/^[a-z0-9]{1,10}$/))), v.maxLength(10)),
})
export type SaveFileRequest = v.InferOutput<typeof SaveFileRequestSchema>

export type SaveFileOutcome = { saved: true; path: string } | { saved: false }

export const OpenExternalRequestSchema = v.pipe(
  v.string(),
  v.maxLength(2048),
  v.url(),
  v.check((s) => s.startsWith('https:'), 'only https links open outside the app'),
)

export const MENU_COMMANDS = [
  'export-report',
  'zoom-in',
  'zoom-out',
  'fit-all',
  'undo',
  'redo',
] as const
export type MenuCommand = (typeof MENU_COMMANDS)[number]

/** Renderer → main calls, answered with a Result. */
export interface InvokeContract {
  'export:save-file': (request: SaveFileRequest) => Result<SaveFileOutcome>
  'shell:open-external': (url: string) => Result<{ opened: true }>
}

/** Main → renderer events. */
export interface EventContract {
  'menu:command': (command: MenuCommand) => void
}

export type InvokeChannel = keyof InvokeContract
export type EventChannel = keyof EventContract

/** What the preload exposes as `window.api`: verbs, never Electron. */
export interface SourcelineApi {
  saveFile(request: SaveFileRequest): Promise<Result<SaveFileOutcome>>
  openExternal(url: string): Promise<Result<{ opened: true }>>
  onMenuCommand(listener: (command: MenuCommand) => void): () => void
}

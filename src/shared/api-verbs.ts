/**
 * The verbs of window.api and the IPC channel behind each: the one list the preload builds
 * window.api from, `SourcelineApi` is typed from (src/shared/ipc.ts), and the unit tests hold
 * main's handlers to. Plain data with type-only imports, so the sandboxed preload can bundle it.
 */
import type { EventChannel, InvokeChannel } from './ipc'

export type VerbRoute = { readonly invoke: InvokeChannel } | { readonly event: EventChannel }

export const API_VERBS = {
  /** Saves text or bytes through the native save dialog. */
  saveFile: { invoke: 'export:save-file' },
  /** Prints a standalone HTML export to PDF in a hidden window without script; answers the bytes. */
  printToPdf: { invoke: 'export:print-pdf' },
  /** A PNG of a rectangle of the app's page as it is drawn now. */
  capturePage: { invoke: 'export:capture-page' },
  openExternal: { invoke: 'shell:open-external' },
  /** Writes the project file as a verified backup in the app's backups folder. */
  writeBackup: { invoke: 'backup:write' },
  /** The backups on disk, newest first. */
  listBackups: { invoke: 'backup:list' },
  readBackup: { invoke: 'backup:read' },
  getStoreRecord: { invoke: 'recovery:get-record' },
  setStoreRecord: { invoke: 'recovery:set-record' },
  /** Copies (never moves) the IndexedDB folder aside; answers the copy's folder. */
  quarantineStore: { invoke: 'recovery:quarantine' },
  /** Versions and folders for Help ▸ About. */
  about: { invoke: 'app:get-about' },
  /** Project files the OS asked the app to open, read and removed from main's queue. */
  takeOpenedProjectFiles: { invoke: 'project:take-opened-files' },
  onMenuCommand: { event: 'menu:command' },
  /** A project file was opened from outside: takeOpenedProjectFiles() has it. */
  onProjectFileOpened: { event: 'project:file-opened' },
} as const satisfies Record<string, VerbRoute>

export type ApiVerbs = typeof API_VERBS
export type ApiVerb = keyof ApiVerbs

/** Every verb's name, in the table's order. */
export const API_VERB_NAMES = Object.keys(API_VERBS) as ApiVerb[]

/** The channels the verbs invoke: main must handle each of them, and nothing else. */
export const INVOKE_CHANNELS: InvokeChannel[] = Object.values(API_VERBS).flatMap(
  (route: VerbRoute) => ('invoke' in route ? [route.invoke] : []),
)

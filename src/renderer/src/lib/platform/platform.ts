/**
 * The one seam between the renderer and where it runs: Electron (through window.api) or a plain
 * browser (downloads and links). Everything else in the renderer is the same on both.
 */
import type {
  BackupInfo,
  BackupReason,
  CaptureRect,
  MenuCommand,
  OpenedProjectFile,
  SaveFileRequest,
  StoreRecord,
} from '$shared/ipc'

export type SaveOutcome = { saved: true; where: string } | { saved: false }

export interface Platform {
  readonly kind: 'electron' | 'browser'
  /** Saves text or bytes through a native dialog (Electron) or as a download (browser). Throws on failure. */
  saveFile(request: SaveFileRequest): Promise<SaveOutcome>
  /**
   * Electron only: the standalone HTML export printed to PDF by main, with script disabled. The
   * browser build prints instead (lib/exports/print.ts). Throws on failure.
   */
  printToPdf?(html: string): Promise<Uint8Array<ArrayBuffer>>
  /** Electron only: a PNG of a rectangle of the page (CSS pixels) as drawn now. Throws on failure. */
  capturePage?(rect: CaptureRect): Promise<Uint8Array<ArrayBuffer>>
  /** Opens an https link outside the app. Throws on failure. */
  openExternal(url: string): Promise<void>
  /** Commands from the application menu; the browser build has none. Returns an unsubscribe. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void
  /** What Help ▸ About shows of where the app runs and where its data lives. Throws on failure. */
  about(): Promise<RuntimeFacts>
  /**
   * Project files the OS opened with the app (Electron: double-click, command line, a second
   * instance), each passed to `listener` once, including any opened before the call. The browser
   * build has none. Returns an unsubscribe.
   */
  onProjectFileOpened(listener: (file: OpenedProjectFile) => void): () => void
  /** Backups kept by the app on disk (Electron). The browser build has none: it offers a download. */
  readonly backups?: BackupsPlatform
  /** Recovery files kept outside IndexedDB (Electron). Undefined in the browser build. */
  readonly recovery?: RecoveryPlatform
}

/** The project file as rotated backups in the app's data folder. Each call throws on failure. */
export interface BackupsPlatform {
  /**
   * Writes a backup (the project file as text, or as its UTF-8 bytes) that has been read back
   * and checked; answers its file name.
   */
  write(reason: BackupReason, content: string | Uint8Array): Promise<{ name: string }>
  /** The backups on disk, newest first. */
  list(): Promise<BackupInfo[]>
  /** The project file text of the backup called `name` (a name from list()). */
  read(name: string): Promise<string>
}

/** What lets the app notice a lost or damaged store and keep a copy of it. Throws on failure. */
export interface RecoveryPlatform {
  /** How many records the store held when last recorded, or null if never recorded. */
  getStoreRecord(): Promise<StoreRecord | null>
  setStoreRecord(records: number): Promise<StoreRecord>
  /** Copies the IndexedDB folder aside (never moves it); answers the folder it was copied to. */
  quarantineStore(): Promise<string>
}

/** Where the app runs and keeps its data, for the About box. */
export interface RuntimeFacts {
  build: 'desktop app' | 'browser build'
  appVersion: string
  /** Null in the browser build. */
  electronVersion: string | null
  chromiumVersion: string
  /** Where the database lives, in words a user can follow. */
  data: string
  /** Where backups are kept, in words. */
  backups: string
}

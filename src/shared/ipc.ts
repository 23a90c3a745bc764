/**
 * The one IPC contract between the renderer and the main process. Channel names read
 * `domain:verb-noun`. Every invoke answers with a Result envelope: errors do not cross IPC as classes.
 */
import * as v from 'valibot'
import type { ApiVerbs } from './api-verbs'

export type Result<T> =
  { ok: true; value: T } | { ok: false; error: { code: ErrorCode; message: string } }

export type ErrorCode = 'invalid-argument' | 'forbidden' | 'io' | 'cancelled' | 'internal'

export const SaveFileRequestSchema = v.strictObject({
  suggestedName: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  /**
   * UTF-8 text, or bytes for binary formats (PDF, PNG). 400 MB, the largest project file, bounds
   * what main will accept.
   */
  content: v.union([
    v.pipe(v.string(), v.maxLength(400_000_000)),
    v.pipe(
      v.instance(Uint8Array),
      v.check((bytes) => bytes.byteLength <= 400_000_000, 'at most 400 MB'),
    ),
  ]),
  filterName: v.pipe(v.string(), v.maxLength(100)),
  extensions: v.pipe(v.array(v.pipe(v.string(), v.regex(/^[a-z0-9]{1,10}$/))), v.maxLength(10)),
})
export type SaveFileRequest = v.InferOutput<typeof SaveFileRequestSchema>

export type SaveFileOutcome = { saved: true; path: string } | { saved: false }

/**
 * The standalone HTML export that main prints to PDF. The same bound as a saved export: the page
 * is loaded in a hidden window, so main refuses anything larger before creating one.
 */
export const PrintPdfRequestSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(50_000_000))

/**
 * A rectangle of the app's own page, in CSS pixels, to capture as a PNG (the timeline view).
 * Bounded so a bad value cannot ask for a gigantic image.
 */
const PIXELS = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(16_384))
export const CaptureRectSchema = v.strictObject({
  x: PIXELS,
  y: PIXELS,
  width: v.pipe(PIXELS, v.minValue(1)),
  height: v.pipe(PIXELS, v.minValue(1)),
})
export type CaptureRect = v.InferOutput<typeof CaptureRectSchema>

export const OpenExternalRequestSchema = v.pipe(
  v.string(),
  v.maxLength(2048),
  v.url(),
  v.check((s) => s.startsWith('https:'), 'only https links open outside the app'),
)

// The menu's commands come from the one command table.
import type { MenuCommand } from './commands'
export { MENU_COMMANDS, type MenuCommand } from './commands'

/** Why a backup was taken; it is part of the backup's file name. */
export const BACKUP_REASONS = ['scheduled', 'before-upgrade', 'before-import', 'manual'] as const
export type BackupReason = (typeof BACKUP_REASONS)[number]
export const BackupReasonSchema = v.picklist(BACKUP_REASONS)

/**
 * A backup file's whole name: `sourceline-backup-<ISO time, colons as dashes>-<reason>.json`, e.g.
 * `sourceline-backup-2024-05-01T09-30-00.000Z-manual.json`. Nothing else names a backup, so no
 * separator, `..` or other folder can reach main through it.
 */
export const BACKUP_NAME_PATTERN =
  /^sourceline-backup-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})\.(\d{3})Z-(scheduled|before-upgrade|before-import|manual)\.json$/
export const BackupNameSchema = v.pipe(
  v.string(),
  v.maxLength(100),
  v.regex(BACKUP_NAME_PATTERN, 'not the name of a Sourceline backup'),
)

/**
 * The project file, as text or as its UTF-8 bytes (built in the export Worker). Same bound as a
 * saved export: what main will accept, not a goal.
 */
export const BackupContentSchema = v.union([
  v.pipe(v.string(), v.maxLength(400_000_000)),
  v.pipe(
    v.instance(Uint8Array),
    v.check((bytes) => bytes.byteLength <= 400_000_000, 'at most 400 MB'),
  ),
])

export interface BackupInfo {
  name: string
  /** When the backup was written (ISO 8601, UTC), read from its name. */
  time: string
  reason: BackupReason
  /** Size in bytes. */
  size: number
  /** The file reads back as JSON with a `formatVersion`: it can be restored. */
  verified: boolean
}

/**
 * How many records the IndexedDB store held when the renderer last counted, kept by main outside
 * IndexedDB so an emptied or replaced store can be noticed on the next start.
 */
export const StoreRecordRequestSchema = v.strictObject({
  records: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER)),
})
export type StoreRecordRequest = v.InferOutput<typeof StoreRecordRequestSchema>
export interface StoreRecord {
  records: number
  /** When the count was recorded (ISO 8601, UTC). */
  savedAt: string
}

/**
 * Help ▸ About: what main knows. The renderer adds the versions of its own data formats (the
 * database schema and the project file format).
 */
export interface AboutFacts {
  appVersion: string
  electronVersion: string
  chromiumVersion: string
  nodeVersion: string
  /** The user-data folder; the database is its IndexedDB folder. */
  dataFolder: string
  databaseFolder: string
  backupsFolder: string
}

/** Project files carry this extension; `.json` (the first format's) is still accepted. */
export const PROJECT_FILE_EXTENSION = 'sourceline'
export const PROJECT_FILE_EXTENSIONS = [PROJECT_FILE_EXTENSION, 'json'] as const

/**
 * A project file the OS asked the app to open, as main read it: its bytes, or why it could not be
 * read. The renderer checks it like a file the user picked; nothing is imported without a confirm.
 */
export type OpenedProjectFile =
  { name: string; bytes: Uint8Array<ArrayBuffer> } | { name: string; problem: string }

/** Renderer → main calls, answered with a Result. */
export interface InvokeContract {
  'export:save-file': (request: SaveFileRequest) => Result<SaveFileOutcome>
  'export:print-pdf': (html: string) => Result<{ bytes: Uint8Array<ArrayBuffer> }>
  'export:capture-page': (rect: CaptureRect) => Result<{ bytes: Uint8Array<ArrayBuffer> }>
  'shell:open-external': (url: string) => Result<{ opened: true }>
  'backup:write': (reason: BackupReason, content: string | Uint8Array) => Result<{ name: string }>
  'backup:list': () => Result<BackupInfo[]>
  'backup:read': (name: string) => Result<{ content: string }>
  'recovery:get-record': () => Result<StoreRecord | null>
  'recovery:set-record': (request: StoreRecordRequest) => Result<StoreRecord>
  'recovery:quarantine': () => Result<{ path: string }>
  'app:get-about': () => Result<AboutFacts>
  'project:take-opened-files': () => Result<OpenedProjectFile[]>
}

/** Main → renderer events. */
export interface EventContract {
  'menu:command': (command: MenuCommand) => void
  'project:file-opened': () => void
}

export type InvokeChannel = keyof InvokeContract
export type EventChannel = keyof EventContract

/**
 * What the preload exposes as `window.api`, typed from the verb table (src/shared/api-verbs.ts):
 * an invoke verb takes its channel's arguments and answers its Result; an event verb takes a
 * listener and answers an unsubscribe. Verbs, never Electron.
 */
export type SourcelineApi = {
  readonly [V in keyof ApiVerbs]: ApiVerbs[V] extends { invoke: infer C extends InvokeChannel }
    ? (...args: Parameters<InvokeContract[C]>) => Promise<ReturnType<InvokeContract[C]>>
    : ApiVerbs[V] extends { event: infer C extends EventChannel }
      ? (listener: (...args: Parameters<EventContract[C]>) => void) => () => void
      : never
}

type RoutedChannels<K extends 'invoke' | 'event'> = {
  [V in keyof ApiVerbs]: ApiVerbs[V] extends Record<K, infer C> ? C : never
}[keyof ApiVerbs]
type ChannelsWithoutVerb =
  Exclude<InvokeChannel, RoutedChannels<'invoke'>> | Exclude<EventChannel, RoutedChannels<'event'>>
/** Fails to compile, naming the channel, when a contract channel has no verb in the table. */
export const EVERY_CHANNEL_HAS_A_VERB: [ChannelsWithoutVerb] extends [never]
  ? true
  : ChannelsWithoutVerb = true

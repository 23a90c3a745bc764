/**
 * The main side of the IPC contract in src/shared/ipc.ts: `handle()` registers an invoke handler
 * that checks the sender, validates every argument with its valibot schema and always answers with
 * a Result envelope; `send()` emits a typed main → renderer event. Nothing else touches ipcMain.
 */
import { ipcMain } from 'electron'
import type { IpcMainInvokeEvent, WebContents } from 'electron'
import * as v from 'valibot'
import type {
  ErrorCode,
  EventChannel,
  EventContract,
  InvokeChannel,
  InvokeContract,
  Result,
} from '../shared/ipc'
import { isOwnUrl } from './origin'

type Args<C extends InvokeChannel> = Parameters<InvokeContract[C]>
type Answer<C extends InvokeChannel> = ReturnType<InvokeContract[C]>

// Mapping over a type parameter keeps tuples tuples (one schema per position).
type SchemasFor<T extends readonly unknown[]> = {
  readonly [K in keyof T]: v.GenericSchema<unknown, T[K]>
}

/** One schema per argument; each must produce exactly the type the contract names. */
export type ArgSchemas<C extends InvokeChannel> = SchemasFor<Args<C>> & readonly v.GenericSchema[]

export type InvokeHandler<C extends InvokeChannel> = (
  event: IpcMainInvokeEvent,
  ...args: Args<C>
) => Promise<Answer<C>>

export function ok<T>(value: T): Result<T> {
  return { ok: true, value }
}

export function fail(code: ErrorCode, message: string): Result<never> {
  return { ok: false, error: { code, message } }
}

/**
 * Registers `fn` for `channel`. The handler only runs for the app's own top frame and only with
 * arguments that passed their schemas; a throw becomes an 'internal' Result instead of crossing IPC.
 */
export function handle<C extends InvokeChannel>(
  channel: C,
  schemas: ArgSchemas<C>,
  fn: InvokeHandler<C>,
): void {
  const argSchemas: readonly v.GenericSchema[] = schemas
  ipcMain.handle(channel, async (event, ...raw: unknown[]): Promise<Result<unknown>> => {
    if (!isTrustedSender(event)) {
      return fail('forbidden', `${channel} may only be called by Sourceline's own page.`)
    }
    if (raw.length > argSchemas.length) {
      return fail(
        'invalid-argument',
        `${channel} takes ${argSchemas.length} argument(s), got ${raw.length}.`,
      )
    }
    const parsed: unknown[] = []
    for (const [index, schema] of argSchemas.entries()) {
      const result = v.safeParse(schema, raw[index])
      if (!result.success) {
        return fail('invalid-argument', `${channel}: ${describeIssues(result.issues)}`)
      }
      parsed.push(result.output)
    }
    try {
      // Each element was produced by the schema the contract types for that position.
      return await fn(event, ...(parsed as Args<C>))
    } catch (error) {
      console.error(`[ipc] ${channel} failed`, error)
      const detail = error instanceof Error ? error.message : String(error)
      return fail('internal', `${channel} failed: ${detail}`)
    }
  })
}

/** Sends a typed event to one renderer; a closed window is not an error. */
export function send<C extends EventChannel>(
  contents: WebContents,
  channel: C,
  ...args: Parameters<EventContract[C]>
): void {
  if (!contents.isDestroyed()) contents.send(channel, ...args)
}

/** Only the top frame of one of our own pages may call main; never a subframe or a stray page. */
function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame
  if (frame === null || frame.isDestroyed()) return false
  return frame.parent === null && isOwnUrl(frame.url)
}

function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .map((issue) => {
      const path = v.getDotPath(issue)
      return path ? `${path}: ${issue.message}` : issue.message
    })
    .join('; ')
}

/**
 * Builds window.api from the verb table (src/shared/api-verbs.ts): each verb invokes its channel
 * or subscribes to its event, never ipcRenderer or a generic send. It runs in a sandboxed renderer,
 * where 'electron' is the only module it may load at runtime; the table is plain data it bundles.
 */
import { contextBridge, ipcRenderer } from 'electron'
import type { IpcRendererEvent } from 'electron'
import { API_VERBS } from '../shared/api-verbs'
import type { VerbRoute } from '../shared/api-verbs'
import type { SourcelineApi } from '../shared/ipc'

/** Forwards one event's payload; the IpcRendererEvent (and its sender) stays in the preload. */
function subscribe(channel: string, listener: (...args: unknown[]) => void): () => void {
  const forward = (_event: IpcRendererEvent, ...args: unknown[]): void => listener(...args)
  ipcRenderer.on(channel, forward)
  return () => {
    ipcRenderer.removeListener(channel, forward)
  }
}

function verb(route: VerbRoute): (...args: never[]) => unknown {
  if ('invoke' in route) {
    const channel = route.invoke
    return (...args: unknown[]) => ipcRenderer.invoke(channel, ...args)
  }
  const channel = route.event
  return (listener: (...args: unknown[]) => void) => subscribe(channel, listener)
}

// Each entry's arguments and answer are those of its channel in the contract, which
// SourcelineApi is typed from; the table is what makes them agree.
const api = Object.fromEntries(
  Object.entries(API_VERBS).map(([name, route]) => [name, verb(route)]),
) as unknown as SourcelineApi

contextBridge.exposeInMainWorld('api', api)

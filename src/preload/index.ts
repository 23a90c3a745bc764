/**
 * Builds window.api from the IPC contract: verbs only, never ipcRenderer or a generic send. It runs
 * in a sandboxed renderer, where 'electron' is the only module it may load at runtime, so the
 * contract is imported for its types alone.
 */
import { contextBridge, ipcRenderer } from 'electron'
import type { IpcRendererEvent } from 'electron'
import type {
  EventChannel,
  EventContract,
  InvokeChannel,
  InvokeContract,
  SourcelineApi,
} from '../shared/ipc'

function invoke<C extends InvokeChannel>(
  channel: C,
  ...args: Parameters<InvokeContract[C]>
): Promise<ReturnType<InvokeContract[C]>> {
  return ipcRenderer.invoke(channel, ...args)
}

/** Forwards one event's payload; the IpcRendererEvent (and its sender) stays in the preload. */
function subscribe<C extends EventChannel>(
  channel: C,
  listener: (...args: Parameters<EventContract[C]>) => void,
): () => void {
  const forward = (_event: IpcRendererEvent, ...args: Parameters<EventContract[C]>): void =>
    listener(...args)
  ipcRenderer.on(channel, forward)
  return () => {
    ipcRenderer.removeListener(channel, forward)
  }
}

const api: SourcelineApi = {
  saveFile: (request) => invoke('export:save-file', request),
  openExternal: (url) => invoke('shell:open-external', url),
  printToPdf: (html) => invoke('export:print-pdf', html),
  capturePage: (rect) => invoke('export:capture-page', rect),
  onMenuCommand: (listener) => subscribe('menu:command', listener),
  writeBackup: (reason, content) => invoke('backup:write', reason, content),
  listBackups: () => invoke('backup:list'),
  readBackup: (name) => invoke('backup:read', name),
  getStoreRecord: () => invoke('recovery:get-record'),
  setStoreRecord: (request) => invoke('recovery:set-record', request),
  quarantineStore: () => invoke('recovery:quarantine'),
}

contextBridge.exposeInMainWorld('api', api)

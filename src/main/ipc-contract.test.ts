/**
 * The Electron layer held to its one source, the verb table (src/shared/api-verbs.ts), with
 * Electron stood in: the preload exposes exactly the table's verbs and routes each to its channel,
 * and main handles exactly the channels the verbs invoke. A verb added to the preload by hand, or
 * a channel with no handler, fails here; a verb whose channel is not in the contract fails the
 * typecheck.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { API_VERBS, API_VERB_NAMES, INVOKE_CHANNELS } from '../shared/api-verbs'

const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoked: [] as { channel: string; args: unknown[] }[],
  listeners: new Map<string, Set<(...args: unknown[]) => void>>(),
  handled: new Map<string, (...args: unknown[]) => Promise<unknown>>(),
  opened: [] as string[],
}))

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, value: unknown) => electron.exposed.set(key, value),
  },
  ipcRenderer: {
    invoke: (channel: string, ...args: unknown[]) => {
      electron.invoked.push({ channel, args })
      return Promise.resolve({ ok: true, value: channel })
    },
    on: (channel: string, listener: (...args: unknown[]) => void) => {
      const set = electron.listeners.get(channel) ?? new Set()
      set.add(listener)
      electron.listeners.set(channel, set)
    },
    removeListener: (channel: string, listener: (...args: unknown[]) => void) => {
      electron.listeners.get(channel)?.delete(listener)
    },
  },
  ipcMain: {
    handle: (channel: string, fn: (...args: unknown[]) => Promise<unknown>) => {
      if (electron.handled.has(channel)) throw new Error(`${channel} handled twice`)
      electron.handled.set(channel, fn)
    },
  },
  app: {
    isPackaged: false,
    getPath: (name: string) =>
      `/home/user/.config/Sourceline${name === 'userData' ? '' : `/${name}`}`,
    getVersion: () => '0.1.0',
  },
  BrowserWindow: { fromWebContents: () => null },
  dialog: {},
  shell: {
    openExternal: (url: string) => {
      electron.opened.push(url)
      return Promise.resolve()
    },
  },
  session: {},
}))

describe('the preload', () => {
  beforeEach(async () => {
    electron.exposed.clear()
    electron.invoked.length = 0
    vi.resetModules()
    await import('../preload/index')
  })

  function exposedApi(): Record<string, unknown> {
    const api = electron.exposed.get('api')
    expect(api, 'window.api exposed').toBeTypeOf('object')
    return api as Record<string, unknown>
  }

  it('exposes window.api and nothing else, with exactly the verbs of the table', () => {
    expect([...electron.exposed.keys()]).toEqual(['api'])
    expect(Object.keys(exposedApi()).sort()).toEqual([...API_VERB_NAMES].sort())
    for (const [name, value] of Object.entries(exposedApi())) {
      expect(value, name).toBeTypeOf('function')
    }
  })

  it('sends each invoke verb to its own channel with the arguments as given', async () => {
    const api = exposedApi()
    for (const [name, route] of Object.entries(API_VERBS)) {
      if (!('invoke' in route)) continue
      const verb = api[name] as (...args: unknown[]) => Promise<unknown>
      await expect(verb('first', 2)).resolves.toEqual({ ok: true, value: route.invoke })
      expect(electron.invoked.at(-1)).toEqual({ channel: route.invoke, args: ['first', 2] })
    }
  })

  it('forwards each event verb’s payload without the IPC event, and unsubscribes', () => {
    const api = exposedApi()
    for (const [name, route] of Object.entries(API_VERBS)) {
      if (!('event' in route)) continue
      const received: unknown[][] = []
      const unsubscribe = (api[name] as (l: (...a: unknown[]) => void) => () => void)((...args) =>
        received.push(args),
      )
      const listeners = [...(electron.listeners.get(route.event) ?? [])]
      expect(listeners, name).toHaveLength(1)
      listeners[0]?.({ sender: 'the IPC event' }, 'payload')
      expect(received).toEqual([['payload']])
      unsubscribe()
      expect(electron.listeners.get(route.event)?.size).toBe(0)
    }
  })
})

describe('the main process', () => {
  it('handles exactly the channels the verbs invoke', async () => {
    electron.handled.clear()
    vi.resetModules()
    const { registerHandlers } = await import('./handlers')
    registerHandlers()
    expect([...electron.handled.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort())
  })

  it('answers About with its versions and the folders under user data', async () => {
    vi.resetModules()
    const { aboutFacts } = await import('./handlers')
    expect(aboutFacts()).toEqual({
      appVersion: '0.1.0',
      electronVersion: process.versions.electron ?? 'unknown',
      chromiumVersion: process.versions.chrome ?? 'unknown',
      nodeVersion: process.versions.node,
      dataFolder: '/home/user/.config/Sourceline',
      databaseFolder: '/home/user/.config/Sourceline/IndexedDB',
      backupsFolder: '/home/user/.config/Sourceline/backups',
    })
  })
})

describe('shell:open-external', () => {
  /** An IPC event from a frame at `url`; `parent` makes it a subframe. */
  function from(url: string, parent: object | null = null) {
    return { senderFrame: { url, parent, isDestroyed: () => false } }
  }

  async function openExternal(event: object, url: unknown): Promise<unknown> {
    electron.handled.clear()
    vi.resetModules()
    const { registerHandlers } = await import('./handlers')
    registerHandlers()
    const handler = electron.handled.get('shell:open-external')
    if (!handler) throw new Error('shell:open-external is not handled')
    return handler(event, url)
  }

  beforeEach(() => {
    electron.opened.length = 0
  })

  it('opens https links asked for by the app’s own top frame', async () => {
    const answer = await openExternal(from('app://sourceline/index.html'), 'https://example.org/a')
    expect(answer).toEqual({ ok: true, value: { opened: true } })
    expect(electron.opened).toEqual(['https://example.org/a'])
  })

  it('refuses every other protocol, and any other sender, before the OS sees the link', async () => {
    const own = from('app://sourceline/index.html')
    // eslint-disable-next-line no-script-url -- a hostile link the handler must refuse
    const script = 'javascript:alert(1)'
    for (const url of ['http://example.org/', 'file:///etc/passwd', script, 42]) {
      expect(await openExternal(own, url)).toMatchObject({
        ok: false,
        error: { code: 'invalid-argument' },
      })
    }
    expect(await openExternal(from('https://evil.example/'), 'https://example.org/')).toMatchObject(
      { ok: false, error: { code: 'forbidden' } },
    )
    const subframe = from('app://sourceline/index.html', { url: 'app://sourceline/index.html' })
    expect(await openExternal(subframe, 'https://example.org/')).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    })
    expect(electron.opened).toEqual([])
  })
})

/**
 * The application menu. Items that act on the timeline or the report do not act here: they send a
 * menu:command to the renderer, which owns that state. Everything else uses Electron's roles.
 */
import { app, Menu } from 'electron'
import type { MenuItemConstructorOptions, WebContents } from 'electron'
import type { MenuCommand } from '../shared/ipc'
import { send } from './ipc'

export interface MenuOptions {
  /** The renderer that should receive commands; null when no window is open. */
  target: () => WebContents | null
}

export function installApplicationMenu(options: MenuOptions): void {
  app.setAboutPanelOptions({ applicationName: 'Sourceline', applicationVersion: app.getVersion() })
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(options)))
}

function menuTemplate({ target }: MenuOptions): MenuItemConstructorOptions[] {
  const isMac = process.platform === 'darwin'
  const command =
    (name: MenuCommand): MenuItemConstructorOptions['click'] =>
    () => {
      const contents = target()
      if (contents) send(contents, 'menu:command', name)
    }

  const developerItems: MenuItemConstructorOptions[] = app.isPackaged
    ? []
    : [{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }]

  return [
    ...(isMac ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    {
      label: 'File',
      submenu: [
        {
          id: 'export-report',
          label: 'Export…',
          accelerator: 'CmdOrCtrl+E',
          click: command('export-report'),
        },
        { type: 'separator' },
        // On macOS Quit lives in the app menu; File closes the window as Mac apps do.
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        // Undo and redo belong to the renderer (data changes, or typing in a field). The keys go to
        // the page, which handles them itself; the accelerators here are only shown.
        {
          id: 'undo',
          label: 'Undo',
          accelerator: 'CmdOrCtrl+Z',
          registerAccelerator: false,
          click: command('undo'),
        },
        {
          id: 'redo',
          label: 'Redo',
          accelerator: 'CmdOrCtrl+Shift+Z',
          registerAccelerator: false,
          click: command('redo'),
        },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        {
          id: 'zoom-in',
          label: 'Zoom In Timeline',
          accelerator: 'CmdOrCtrl+=',
          click: command('zoom-in'),
        },
        {
          id: 'zoom-out',
          label: 'Zoom Out Timeline',
          accelerator: 'CmdOrCtrl+-',
          click: command('zoom-out'),
        },
        { id: 'fit-all', label: 'Fit All', accelerator: 'CmdOrCtrl+0', click: command('fit-all') },
        { type: 'separator' },
        ...developerItems,
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    { label: 'Help', role: 'help', submenu: [{ role: 'about' }] },
  ]
}

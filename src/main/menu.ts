/**
 * The application menu, built from the command table (src/shared/commands.ts). Its commands do not
 * act here: they send a menu:command to the renderer, which owns that state. Editing and window
 * items use Electron's roles. `menuTemplate` is pure so it can be tested without Electron.
 */
import { app, Menu } from 'electron'
import type { MenuItemConstructorOptions, WebContents } from 'electron'
import { COMMANDS, type MenuCommand, type MenuPlacement } from '../shared/commands'
import { send } from './ipc'

export interface MenuOptions {
  /** The renderer that should receive commands; null when no window is open. */
  target: () => WebContents | null
}

export function installApplicationMenu(options: MenuOptions): void {
  app.setAboutPanelOptions({ applicationName: 'Sourceline', applicationVersion: app.getVersion() })
  const template = menuTemplate({
    platform: process.platform,
    isPackaged: app.isPackaged,
    run: (command) => {
      const contents = options.target()
      if (contents) send(contents, 'menu:command', command)
    },
  })
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}

export interface TemplateOptions {
  platform: NodeJS.Platform
  /** Reload and DevTools are offered only in development. */
  isPackaged: boolean
  /** Sends a command to the renderer. */
  run: (command: MenuCommand) => void
}

export function menuTemplate({
  platform,
  isPackaged,
  run,
}: TemplateOptions): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin'
  const items = (placement: MenuPlacement): MenuItemConstructorOptions[] => {
    const placed = COMMANDS.filter((c) => c.menu === placement)
    return placed.flatMap((c, i) => {
      const item: MenuItemConstructorOptions = {
        id: c.id,
        label: 'asks' in c && c.asks ? `${c.label}…` : c.label,
        toolTip: c.description,
        click: () => run(c.id),
      }
      if (c.shortcut) {
        item.accelerator = c.shortcut
        // The page handles every shortcut itself (typing in a field keeps Ctrl+Z, for one); the
        // menu only shows it. A single key press so never runs a command twice.
        item.registerAccelerator = false
      }
      // A separator between groups (views, panels, timeline, layout) inside one menu.
      const previous = placed[i - 1]
      return previous && previous.group !== c.group
        ? [{ type: 'separator' } satisfies MenuItemConstructorOptions, item]
        : [item]
    })
  }

  const developerItems: MenuItemConstructorOptions[] = isPackaged
    ? []
    : [{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }]

  return [
    ...(isMac ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    {
      label: 'File',
      submenu: [
        ...items('file'),
        { type: 'separator' },
        // On macOS Quit lives in the app menu; File closes the window as Mac apps do.
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        ...items('edit'),
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
        ...items('view'),
        { type: 'separator' },
        ...developerItems,
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    { label: 'Help', role: 'help', submenu: [...items('help'), { role: 'about' }] },
  ]
}

/**
 * The app's commands, in one table: what each is called, its shortcut, where it sits in the
 * Electron menu and which kind it is (a view, a side panel, an action). The Electron menu
 * (src/main/menu.ts), the browser build's toolbar, the keyboard handler and the `?` help are all
 * built from it; the renderer decides when a command is enabled and what it does.
 */

/** A view replaces the event view; a panel fills the side panel; an action does something once. */
export type CommandGroup = 'view' | 'panel' | 'action' | 'timeline' | 'layout' | 'help'

/** The Electron menu a command appears in, or null for none. */
export type MenuPlacement = 'file' | 'edit' | 'view' | 'help' | null

export interface Command {
  readonly id: string
  /** The name on buttons, in menus and in the help; also the accessible name. */
  readonly label: string
  /** What it does, for tooltips and the help. */
  readonly description: string
  /** An Electron accelerator (`CmdOrCtrl+E`, `Alt+1`, `?`), or null for none. */
  readonly shortcut: string | null
  readonly group: CommandGroup
  readonly menu: MenuPlacement
  /** Opens a dialog or asks for more: shown with an ellipsis in menus. */
  readonly asks?: boolean
  /** Other keys that run it too (Ctrl+Y redoes, as on Windows); not shown in menus. */
  readonly alsoShortcuts?: readonly string[]
}

export const COMMANDS = [
  {
    id: 'view-timeline',
    label: 'Timeline',
    description: 'Show the events on a timeline',
    shortcut: 'CmdOrCtrl+1',
    group: 'view',
    menu: 'view',
  },
  {
    id: 'view-table',
    label: 'Table',
    description: 'Show the events as a table',
    shortcut: 'CmdOrCtrl+2',
    group: 'view',
    menu: 'view',
  },
  {
    id: 'show-event',
    label: 'Event',
    description: 'The selected event: its sources and notes',
    shortcut: 'Alt+1',
    group: 'panel',
    menu: 'view',
  },
  {
    id: 'show-annotations',
    label: 'Annotations',
    description: 'All highlights and notes',
    shortcut: 'Alt+2',
    group: 'panel',
    menu: 'view',
  },
  {
    id: 'show-entities',
    label: 'People & orgs',
    description: 'People and organisations named in the articles',
    shortcut: 'Alt+3',
    group: 'panel',
    menu: 'view',
  },
  {
    id: 'import-article',
    label: 'Import article',
    description:
      'Import a web page (.html, .htm), Markdown (.md) or text (.txt) file. You can also drop files on the window or paste with Ctrl+V',
    shortcut: 'CmdOrCtrl+O',
    group: 'action',
    menu: 'file',
    asks: true,
  },
  {
    id: 'new-event',
    label: 'New event',
    description: 'Add an event of your own',
    shortcut: 'Alt+N',
    group: 'action',
    menu: 'file',
  },
  {
    id: 'show-project',
    label: 'Project file',
    description: 'Save or import a project file',
    shortcut: 'CmdOrCtrl+S',
    group: 'action',
    menu: 'file',
    asks: true,
  },
  {
    id: 'show-backups',
    label: 'Backups',
    description: 'Backups of your work',
    shortcut: null,
    group: 'action',
    menu: 'file',
    asks: true,
  },
  {
    id: 'export-report',
    label: 'Export',
    description: 'Export the timeline: report, spreadsheet, web page, PDF, picture',
    shortcut: 'CmdOrCtrl+E',
    group: 'action',
    menu: 'file',
    asks: true,
  },
  {
    id: 'undo',
    label: 'Undo',
    description: 'Undo the last change to your work',
    shortcut: 'CmdOrCtrl+Z',
    group: 'action',
    menu: 'edit',
  },
  {
    id: 'redo',
    label: 'Redo',
    description: 'Redo the last change undone',
    shortcut: 'CmdOrCtrl+Shift+Z',
    alsoShortcuts: ['CmdOrCtrl+Y'],
    group: 'action',
    menu: 'edit',
  },
  {
    id: 'zoom-in',
    label: 'Zoom in',
    description: 'Zoom the timeline in',
    shortcut: 'CmdOrCtrl+=',
    group: 'timeline',
    menu: 'view',
  },
  {
    id: 'zoom-out',
    label: 'Zoom out',
    description: 'Zoom the timeline out',
    shortcut: 'CmdOrCtrl+-',
    group: 'timeline',
    menu: 'view',
  },
  {
    id: 'fit-all',
    label: 'Fit all',
    description: 'Show every dated event on the timeline',
    shortcut: 'CmdOrCtrl+0',
    group: 'timeline',
    menu: 'view',
  },
  {
    id: 'toggle-reader',
    label: 'Show or hide the reader',
    description: 'Collapse the reader to give the timeline more room, or bring it back',
    shortcut: 'Alt+R',
    group: 'layout',
    menu: 'view',
  },
  {
    id: 'toggle-side',
    label: 'Show or hide the side panel',
    description: 'Collapse the side panel, or bring it back',
    shortcut: 'Alt+P',
    group: 'layout',
    menu: 'view',
  },
  {
    id: 'keyboard-help',
    label: 'Keyboard shortcuts',
    description: 'List every command and its shortcut',
    shortcut: '?',
    group: 'help',
    menu: 'help',
  },
] as const satisfies readonly Command[]

/** A command of the table, with its id typed. */
export type AppCommand = (typeof COMMANDS)[number]
export type CommandId = AppCommand['id']

/** Commands the Electron menu sends to the renderer: the ones it places. */
export const MENU_COMMANDS = COMMANDS.filter((c) => c.menu !== null).map((c) => c.id)
export type MenuCommand = CommandId

/** Every key that runs the command: its shortcut first. */
export function shortcutsOf(c: Command): string[] {
  return [...(c.shortcut ? [c.shortcut] : []), ...(c.alsoShortcuts ?? [])]
}

export function command(id: CommandId): Command {
  const found = COMMANDS.find((c) => c.id === id)
  if (!found) throw new Error(`No command ${id}`)
  return found
}

/** A shortcut as a person reads it: `Ctrl+Shift+Z`, or `⌘⇧Z` on a Mac. */
export function shortcutText(shortcut: string, mac = false): string {
  const parts = shortcut.split('+').filter((p, i, all) => p !== '' || i === all.length - 1)
  // 'CmdOrCtrl+=' splits cleanly; a trailing '+' key would leave an empty part.
  const keys = parts.map((p) => (p === '' ? '+' : p))
  const names: Record<string, [string, string]> = {
    CmdOrCtrl: ['Ctrl', '⌘'],
    Shift: ['Shift', '⇧'],
    Alt: ['Alt', '⌥'],
  }
  const words = keys.map((k) => names[k]?.[mac ? 1 : 0] ?? k)
  return mac ? words.join('') : words.join('+')
}

/** The tooltip of a command's button: what it does, and its shortcut. */
export function commandTooltip(c: Command, mac = false): string {
  return c.shortcut ? `${c.description} (${shortcutText(c.shortcut, mac)})` : c.description
}

export interface KeyPress {
  key: string
  code?: string
  ctrlKey: boolean
  metaKey: boolean
  shiftKey: boolean
  altKey: boolean
}

/** Whether a key press is this shortcut. Digits match by key position so Shift/Alt do not shift them. */
export function matchesShortcut(shortcut: string, press: KeyPress): boolean {
  const parts = shortcut.split('+')
  const key = parts.at(-1) === '' ? '+' : parts.at(-1)!
  const mods = new Set(parts.slice(0, -1))
  if (shortcut === '?')
    return press.key === '?' && !press.ctrlKey && !press.metaKey && !press.altKey
  if (mods.has('CmdOrCtrl') !== (press.ctrlKey || press.metaKey)) return false
  if (mods.has('Shift') !== press.shiftKey) return false
  if (mods.has('Alt') !== press.altKey) return false
  if (/^[0-9]$/.test(key)) return press.code === `Digit${key}` || press.key === key
  if (/^[A-Z]$/.test(key))
    return press.code === `Key${key}` || press.key.toLowerCase() === key.toLowerCase()
  if (key === '=') return press.key === '=' || press.key === '+'
  return press.key === key
}

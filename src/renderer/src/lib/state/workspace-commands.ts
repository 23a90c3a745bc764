/**
 * What each command of the table does on the main screen, and when it can. The parts of the screen
 * a command drives (the timeline, the dialogs) are passed in as getters, since they exist only
 * while shown.
 */
import type { Command } from '$shared/commands'
import { undoState } from '../db/actions/undo'
import { strings } from '../strings'
import { Commands } from './commands.svelte'
import type { Workspace } from './workspace.svelte'

export interface ScreenParts {
  timeline(): { zoomIn(): void; zoomOut(): void; fitAll(): void } | undefined
  chooseImport(): void
  openExport(): void
  openProject(): void
  openBackups(): void
  openHelp(): void
  openAbout(): void
  openSearch(): void
}

export function workspaceCommands(ws: Workspace, screen: ScreenParts): Commands {
  const { view, panel, layout } = ws
  const loaded = () => ws.corpus !== null
  const always = () => true
  const onTimeline = () => loaded() && view.mode === 'timeline'
  return new Commands({
    'view-timeline': {
      enabled: always,
      run: () => (view.mode = 'timeline'),
      active: () => view.mode === 'timeline',
    },
    'view-table': {
      enabled: always,
      run: () => (view.mode = 'table'),
      active: () => view.mode === 'table',
    },
    'show-event': {
      enabled: always,
      run: () => ws.showPanel({ kind: 'event' }),
      active: () => !['annotations', 'entities', 'conflicts'].includes(panel.mode.kind),
    },
    'show-annotations': {
      enabled: always,
      run: () => ws.showPanel({ kind: 'annotations' }),
      active: () => panel.mode.kind === 'annotations',
    },
    'show-entities': {
      enabled: always,
      run: () => ws.showPanel({ kind: 'entities' }),
      active: () => panel.mode.kind === 'entities',
    },
    'show-conflicts': {
      enabled: loaded,
      run: () => ws.showPanel({ kind: 'conflicts' }),
      active: () => panel.mode.kind === 'conflicts',
    },
    search: { enabled: loaded, run: screen.openSearch },
    'import-article': { enabled: loaded, run: screen.chooseImport },
    'new-event': { enabled: loaded, run: () => ws.showPanel({ kind: 'new-event', passage: null }) },
    'show-project': { enabled: loaded, run: screen.openProject },
    'show-backups': { enabled: loaded, run: screen.openBackups },
    // Not while the timeline is drawn from its stored index: the events are not read yet.
    'export-report': { enabled: () => loaded() && !ws.eventsLoading, run: screen.openExport },
    undo: { enabled: () => undoState.canUndo, run: () => void ws.undo() },
    redo: { enabled: () => undoState.canRedo, run: () => void ws.redo() },
    'zoom-in': { enabled: onTimeline, run: () => screen.timeline()?.zoomIn() },
    'zoom-out': { enabled: onTimeline, run: () => screen.timeline()?.zoomOut() },
    'fit-all': { enabled: onTimeline, run: () => screen.timeline()?.fitAll() },
    'toggle-reader': { enabled: loaded, run: () => layout.toggleReader() },
    'toggle-side': { enabled: loaded, run: () => layout.toggleSide() },
    'keyboard-help': { enabled: always, run: screen.openHelp },
    about: { enabled: always, run: screen.openAbout },
  })
}

/** Undo and Redo name what they would undo; other commands keep the table's tooltip (null). */
export function undoTooltip(c: Command): string | null {
  if (c.id === 'undo')
    return undoState.undoLabel ? strings.undoTooltip(undoState.undoLabel) : strings.nothingToUndo
  if (c.id === 'redo')
    return undoState.redoLabel ? strings.redoTooltip(undoState.redoLabel) : strings.nothingToRedo
  return null
}

/**
 * The invoke handlers behind window.api: saving an export through the native save dialog, opening
 * an https link in the user's browser, the About facts and the project files the OS opened. Each
 * one is registered through handle(), which has already checked the sender and validated the
 * arguments by the time it runs.
 */
import { app, BrowserWindow, dialog, shell } from 'electron'
import type { IpcMainInvokeEvent, SaveDialogOptions } from 'electron'
import { join } from 'node:path'
import { OpenExternalRequestSchema, SaveFileRequestSchema } from '../shared/ipc'
import type { AboutFacts, Result, SaveFileOutcome, SaveFileRequest } from '../shared/ipc'
import { recoveryPaths, registerBackupHandlers } from './backup-handlers'
import { registerExportHandlers } from './export-handlers'
import { describeWriteError, safeFileName, writeFileAtomic } from './files'
import { fail, handle, ok } from './ipc'
import { openedFiles } from './opened-files'

export function registerHandlers(): void {
  handle('export:save-file', [SaveFileRequestSchema], saveFile)
  handle('shell:open-external', [OpenExternalRequestSchema], openExternal)
  handle('app:get-about', [], async () => ok(aboutFacts()))
  handle('project:take-opened-files', [], async () => ok(await openedFiles.take()))
  registerBackupHandlers()
  registerExportHandlers()
}

export function aboutFacts(): AboutFacts {
  const paths = recoveryPaths()
  return {
    appVersion: app.getVersion(),
    electronVersion: process.versions.electron ?? 'unknown',
    chromiumVersion: process.versions.chrome ?? 'unknown',
    nodeVersion: process.versions.node,
    dataFolder: paths.userData,
    databaseFolder: paths.store,
    backupsFolder: paths.backups,
  }
}

async function saveFile(
  event: IpcMainInvokeEvent,
  request: SaveFileRequest,
): Promise<Result<SaveFileOutcome>> {
  const options: SaveDialogOptions = {
    title: 'Export',
    defaultPath: join(defaultFolder(), safeFileName(request.suggestedName)),
    filters:
      request.extensions.length > 0
        ? [{ name: request.filterName || 'Files', extensions: [...request.extensions] }]
        : [],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  }
  // Attached to the asking window so the dialog is modal to it (a sheet on macOS).
  const owner = BrowserWindow.fromWebContents(event.sender)
  const choice = owner
    ? await dialog.showSaveDialog(owner, options)
    : await dialog.showSaveDialog(options)
  if (choice.canceled || !choice.filePath) return ok({ saved: false })

  try {
    await writeFileAtomic(choice.filePath, request.content)
  } catch (error) {
    return fail('io', describeWriteError(error, choice.filePath))
  }
  return ok({ saved: true, path: choice.filePath })
}

async function openExternal(
  _event: IpcMainInvokeEvent,
  url: string,
): Promise<Result<{ opened: true }>> {
  // The schema already demands https; parse again so no string trick reaches the OS handler.
  if (new URL(url).protocol !== 'https:') {
    return fail('invalid-argument', 'Only https links open outside the app.')
  }
  await shell.openExternal(url)
  return ok({ opened: true })
}

function defaultFolder(): string {
  try {
    return app.getPath('documents')
  } catch {
    return app.getPath('home') // some Linux desktops define no Documents folder
  }
}

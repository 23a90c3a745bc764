/**
 * The exports only main can make: a PDF of the standalone HTML export (printed in a hidden window
 * that runs no script and reaches nothing) and a PNG of part of the app's own page (the timeline
 * view). Both answer bytes; the renderer saves them through export:save-file like any export.
 */
import { BrowserWindow, session } from 'electron'
import type { IpcMainInvokeEvent } from 'electron'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { CaptureRectSchema, PrintPdfRequestSchema } from '../shared/ipc'
import type { CaptureRect, Result } from '../shared/ipc'
import { fail, handle, ok } from './ipc'

/** An in-memory session of its own, so the printed page shares no storage with the app. */
const PDF_PARTITION = 'sourceline-pdf'
/** A page that never finishes loading must not keep a hidden window alive. */
const PDF_TIMEOUT_MS = 60_000

export function registerExportHandlers(): void {
  handle('export:print-pdf', [PrintPdfRequestSchema], printPdf)
  handle('export:capture-page', [CaptureRectSchema], capturePage)
}

async function printPdf(
  _event: IpcMainInvokeEvent,
  html: string,
): Promise<Result<{ bytes: Uint8Array<ArrayBuffer> }>> {
  // A file rather than a data: URL: Chromium refuses URLs over 2 MB, and reports can be larger.
  const folder = await mkdtemp(join(tmpdir(), 'sourceline-pdf-'))
  const file = join(folder, 'export.html')
  const pdfSession = session.fromPartition(PDF_PARTITION)
  pdfSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  pdfSession.setPermissionCheckHandler(() => false)
  // The page's own CSP already forbids every fetch; this also holds if that CSP were lost.
  pdfSession.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isFile(details.url, file) })
  })
  const printer = new BrowserWindow({
    show: false,
    width: 1000,
    height: 1400,
    webPreferences: {
      session: pdfSession,
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    },
  })
  let timer: NodeJS.Timeout | undefined
  try {
    await writeFile(file, html, 'utf8')
    const loading = printer.loadFile(file)
    // After a timeout the window is destroyed and the load rejects: no one is waiting any more.
    loading.catch(() => undefined)
    await Promise.race([
      loading,
      new Promise<never>((_resolve, reject) => {
        timer = setTimeout(
          () => reject(new Error('the page took too long to load')),
          PDF_TIMEOUT_MS,
        )
      }),
    ])
    const pdf = await printer.webContents.printToPDF({
      printBackground: true,
      pageSize: 'A4',
      generateDocumentOutline: true,
      generateTaggedPDF: true,
    })
    return ok({ bytes: new Uint8Array(pdf) })
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    return fail('io', `Could not make the PDF: ${detail}`)
  } finally {
    clearTimeout(timer)
    printer.destroy()
    await rm(folder, { recursive: true, force: true }).catch(() => undefined)
  }
}

async function capturePage(
  event: IpcMainInvokeEvent,
  rect: CaptureRect,
): Promise<Result<{ bytes: Uint8Array<ArrayBuffer> }>> {
  const image = await event.sender.capturePage(rect)
  if (image.isEmpty()) {
    return fail('io', 'Could not capture the timeline: the window is hidden or minimised.')
  }
  return ok({ bytes: new Uint8Array(image.toPNG()) })
}

/** Whether `url` is the file at `path` (compared as paths, so URL encoding cannot differ). */
function isFile(url: string, path: string): boolean {
  try {
    return url.startsWith('file:') && resolve(fileURLToPath(url)) === resolve(path)
  } catch {
    return false
  }
}

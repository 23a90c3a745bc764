/**
 * Main process entry: one Sourceline window over the app:// protocol, and the security defaults
 * around every web page (no new windows, no navigation away, no permissions, no webviews).
 * Windows, menus and dialogs only: the data lives in the renderer.
 */
import { app, BrowserWindow, protocol, session } from 'electron'
import type { Session } from 'electron'
import { join } from 'node:path'
import { APP_ENTRY_URL, APP_SCHEME, serveAppRequest } from './app-protocol'
import { registerHandlers } from './handlers'
import { installApplicationMenu } from './menu'
import { isProjectFilePath, openedFiles, projectFilesInArgv } from './opened-files'
import { send } from './ipc'
import { devServerUrl, isOwnUrl } from './origin'

const RENDERER_ROOT = join(import.meta.dirname, '../renderer')
const PRELOAD = join(import.meta.dirname, '../preload/index.cjs')

// Must happen before 'ready'. `standard` gives app:// real origins and relative URLs, `secure`
// makes it a secure context (like https), `supportFetchAPI` lets the renderer fetch the corpus.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
])
// Every renderer is sandboxed, including any a bug might create without our webPreferences.
app.enableSandbox()

let mainWindow: BrowserWindow | null = null

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  // Project files named on this instance's command line (Windows, Linux) wait for the renderer.
  for (const path of projectFilesInArgv(process.argv, process.cwd())) openedFiles.add(path)
  // macOS sends double-clicked files here, possibly before 'ready'.
  app.on('open-file', (event, path) => {
    event.preventDefault()
    if (isProjectFilePath(path)) projectFileOpened(path)
  })
  app.on('second-instance', (_event, argv, workingDirectory) => {
    for (const path of projectFilesInArgv(argv, workingDirectory)) projectFileOpened(path)
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.show()
    mainWindow.focus()
  })
  app.on('web-contents-created', (_event, contents) => {
    // Links to the web go through window.api.openExternal, which the user asks for explicitly.
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))
    contents.on('will-navigate', (event) => {
      if (!isOwnUrl(event.url)) event.preventDefault()
    })
    contents.on('will-redirect', (event) => {
      if (!isOwnUrl(event.url)) event.preventDefault()
    })
    contents.on('will-attach-webview', (event) => event.preventDefault())
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow()
  })

  void app.whenReady().then(() => {
    denyAllPermissions(session.defaultSession)
    protocol.handle(APP_SCHEME, (request) => serveAppRequest(RENDERER_ROOT, request))
    registerHandlers()
    installApplicationMenu({ target: () => currentWindow()?.webContents ?? null })
    mainWindow = createMainWindow()
  })
}

function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow({
    title: 'Sourceline',
    width: 1400,
    height: 900,
    minWidth: 720,
    minHeight: 480,
    show: false,
    webPreferences: {
      preload: PRELOAD,
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
      webSecurity: true,
      webviewTag: false,
      navigateOnDragDrop: false,
      // A middle click on a link would otherwise open it without the click handlers' say.
      disableBlinkFeatures: 'Auxclick',
    },
  })
  win.once('ready-to-show', () => win.show())
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null
  })
  win.loadURL(devServerUrl ?? APP_ENTRY_URL).catch((error: unknown) => {
    console.error('[main] could not load the renderer', error)
  })
  return win
}

/**
 * Queues a project file the OS opened and tells the page, which takes it into the Import project
 * file check. A page still loading takes the queue once it starts, so nothing is lost.
 */
function projectFileOpened(path: string): void {
  openedFiles.add(path)
  if (!app.isReady()) return
  if (!mainWindow) mainWindow = createMainWindow()
  else send(mainWindow.webContents, 'project:file-opened')
}

function currentWindow(): BrowserWindow | null {
  const focused = BrowserWindow.getFocusedWindow()
  return focused && !focused.isDestroyed() ? focused : mainWindow
}

/** The app needs no camera, location, notifications or the like, so no page may have them. */
function denyAllPermissions(target: Session): void {
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  target.setPermissionCheckHandler(() => false)
}

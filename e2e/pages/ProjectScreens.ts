/**
 * The Project file and Backups screens as a user sees them, and the whole store read directly, so
 * specs can compare what is kept before and after an import or a restore.
 */
import { writeFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { expect, type Locator, type Page } from '@playwright/test'
import { generateProject } from '../../scripts/generate-project.mjs'
import { download, type Downloaded } from '../fixtures'
import { SourcelinePage } from './SourcelinePage'

/** The tables a project file holds, as in src/renderer/src/lib/domain/project/format.ts. */
export const USER_TABLES = [
  'notes',
  'highlights',
  'userEvents',
  'evidence',
  'eventAnnotations',
  'entityEdits',
  'articles',
] as const

export type StoreSnapshot = Record<(typeof USER_TABLES)[number], Record<string, unknown>[]>

/** A file to hand to a file input: a path on disk, or a name and its contents. */
export type PickedFile = string | { name: string; mimeType: string; buffer: Buffer }

export class ProjectScreens {
  readonly projectDialog: Locator
  readonly backupsDialog: Locator
  readonly problems: Locator
  readonly preview: Locator

  constructor(readonly page: Page) {
    this.projectDialog = page.getByTestId('project-dialog')
    this.backupsDialog = page.getByTestId('backups-dialog')
    this.problems = page.getByTestId('file-problem')
    this.preview = page.getByTestId('import-preview')
  }

  async openProject(): Promise<void> {
    if (await this.projectDialog.isVisible()) return
    await this.page.getByTestId('show-project').click()
    await expect(this.projectDialog).toBeVisible()
  }

  async openBackups(): Promise<void> {
    if (await this.backupsDialog.isVisible()) return
    await this.page.getByTestId('show-backups').click()
    await expect(this.backupsDialog).toBeVisible()
  }

  async saveProject(): Promise<Downloaded> {
    await this.openProject()
    return download(this.page, () => this.page.getByTestId('project-save').click())
  }

  /** Picks a file to import; the dialog then shows either its problems or what it will do. */
  async chooseImport(file: PickedFile): Promise<void> {
    await this.openProject()
    await this.page.getByTestId('project-import-file').setInputFiles(file)
    // The answer for this file, not one left from the file before: both name the file.
    const name = typeof file === 'string' ? basename(file) : file.name
    await expect(
      this.preview.or(this.page.getByTestId('file-problems')).filter({ hasText: name }),
    ).toBeVisible({ timeout: 60_000 })
  }

  /** Imports a good file through the preview and its confirmation; answers the success text. */
  async importProject(file: PickedFile): Promise<string> {
    await this.chooseImport(file)
    await expect(this.preview).toBeVisible()
    return this.confirmAndRead('import-confirm', 'Imported')
  }

  /**
   * Clicks a confirming button and answers the success message that follows. Messages already
   * shown are marked first, so an earlier one with the same words is never taken for it.
   */
  async confirmAndRead(button: string, words: string): Promise<string> {
    const messages = this.page.getByTestId('message-success')
    await messages.evaluateAll((els) => els.forEach((el) => el.setAttribute('data-seen', '')))
    await this.page.getByTestId(button).click()
    await expect(this.projectDialog.or(this.backupsDialog)).toHaveCount(0)
    const fresh = messages.and(this.page.locator(':not([data-seen])')).filter({ hasText: words })
    await expect(fresh).toHaveCount(1)
    return (await fresh.textContent()) ?? ''
  }

  async close(): Promise<void> {
    await this.page.keyboard.press('Escape')
    await expect(this.projectDialog.or(this.backupsDialog)).toHaveCount(0)
  }

  /** Every user table, rows in primary-key order, read straight from IndexedDB. */
  async snapshot(): Promise<StoreSnapshot> {
    return this.page.evaluate(
      (tables) =>
        new Promise<StoreSnapshot>((resolve, reject) => {
          const open = indexedDB.open('sourceline')
          open.onerror = () => reject(open.error)
          open.onsuccess = () => {
            const db = open.result
            const tx = db.transaction([...tables], 'readonly')
            const out: Record<string, unknown[]> = {}
            for (const table of tables) {
              const request = tx.objectStore(table).getAll()
              request.onsuccess = () => (out[table] = request.result)
            }
            tx.oncomplete = () => {
              db.close()
              resolve(out as StoreSnapshot)
            }
            tx.onerror = () => reject(tx.error)
          }
        }),
      USER_TABLES,
    )
  }

  /**
   * Stores one imported article as the article import does (its sha256 is of the original), for
   * specs that need one before the import screen exists in this branch.
   */
  async seedImportedArticle(): Promise<void> {
    await this.page.evaluate(async () => {
      const original = '<p>The court heard 12 cases in 2019 ✓.</p>'
      const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(original))
      const sha256 = [...new Uint8Array(digest)]
        .map((b) => b.toString(16).padStart(2, '0'))
        .join('')
      const article = {
        id: 'imported-court-2019',
        title: 'Court figures',
        outlet: 'Example Daily',
        byline: null,
        published: { edtf: '2019-06-01', note: 'Dated in the page.' },
        url: null,
        body: 'The court heard 12 cases in 2019 ✓.',
        original,
        originalName: 'court.html',
        mediaType: 'text/html',
        sha256,
        importedAt: 1_700_000_000_000,
        updatedAt: 1_700_000_000_000,
        language: 'en',
        direction: 'ltr',
      }
      await new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('sourceline')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const db = open.result
          const tx = db.transaction('articles', 'readwrite')
          tx.objectStore('articles').add(article)
          tx.oncomplete = () => {
            db.close()
            resolve()
          }
          tx.onerror = () => reject(tx.error)
        }
      })
    })
  }
}

/**
 * The large-project specs' start: a project file of `events` generated events (the benchmark's
 * generator) written to `path`, the app opened on its fresh profile, and the store before any
 * import, to compare with after. The project is as generated; specs type the parts they read.
 */
export async function openWithGeneratedProject(page: Page, path: string, events: number) {
  const project: unknown = generateProject(events)
  await writeFile(path, JSON.stringify(project))
  const ui = await new SourcelinePage(page).open()
  const screens = new ProjectScreens(ui.page)
  return { project, path, ui, page: ui.page, screens, before: await screens.snapshot() }
}

/**
 * The main screen as a user sees it: timeline, undated list, reader and event panel. Specs talk to
 * the app through this object so a change of markup is fixed in one place.
 */
import { expect, type Locator, type Page } from '@playwright/test'
import { download, type Downloaded } from '../fixtures'
import { BasePage } from './BasePage'

interface Box {
  left: number
  right: number
  top: number
  bottom: number
}

export interface FirstView {
  panel: Box
  undated: Box
  items: { title: string; box: Box; centre: { x: number; y: number } }[]
}

export class SourcelinePage extends BasePage {
  readonly timeline: Locator
  readonly timelineItems: Locator
  readonly undatedItems: Locator
  readonly reader: Locator
  readonly articleTitle: Locator
  readonly marks: Locator
  readonly currentMarks: Locator
  readonly eventPanel: Locator
  readonly eventTitle: Locator
  readonly notes: Locator
  readonly noteInput: Locator

  constructor(page: Page) {
    super(page)
    this.timeline = page.getByTestId('timeline')
    this.timelineItems = this.timeline.locator('.vis-item-content')
    this.undatedItems = page.getByTestId('undated-event')
    this.reader = page.getByTestId('reader')
    this.articleTitle = page.getByTestId('article-title')
    this.marks = page.getByTestId('evidence-mark')
    this.currentMarks = page.locator('mark.current')
    this.eventPanel = page.getByTestId('event-panel')
    this.eventTitle = page.getByTestId('event-title')
    this.notes = page.getByTestId('note')
    this.noteInput = this.eventPanel.getByTestId('note-input').last()
  }

  async open(): Promise<this> {
    await this.goto('/')
    await expect(this.timelineItems.first()).toBeVisible()
    return this
  }

  /**
   * The drawn item (range, point, or the box of a label drawn left of its item) whose label
   * contains `title`.
   */
  item(title: string): Locator {
    return this.timeline
      .locator('.vis-item.vis-range, .vis-item.vis-point, .vis-item.vis-box')
      .filter({
        has: this.page.locator('.vis-item-content', { hasText: title }),
      })
  }

  async selectOnTimeline(title: string): Promise<void> {
    // Click the start of the label: long labels run past the visible window.
    await this.timelineItems
      .filter({ hasText: title })
      .first()
      .click({ position: { x: 4, y: 4 } })
    await expect(this.eventTitle).toHaveText(title)
  }

  async selectUndated(title: string): Promise<void> {
    await this.undatedItems.filter({ hasText: title }).click()
    await expect(this.eventTitle).toHaveText(title)
  }

  async addNote(text: string): Promise<void> {
    const before = await this.notes.count()
    await this.noteInput.fill(text)
    await this.eventPanel.getByTestId('note-save').last().click()
    await expect(this.notes).toHaveCount(before + 1)
  }

  async exportReport(): Promise<Downloaded> {
    return this.exportAs('markdown')
  }

  /** Finds words in the open article (the keyboard route to a passage) and offers its actions. */
  async findPassage(words: string): Promise<void> {
    await this.page.getByTestId('find-passage').fill(words)
    await this.page.getByTestId('find-passage').press('Enter')
    await expect(this.page.getByTestId('selection-bar')).toContainText(words.slice(0, 40))
  }

  async showArticle(title: string): Promise<void> {
    // The picker suggests matching titles as one types; it lists at most a few dozen.
    await this.page.getByTestId('article-picker').fill(title)
    await this.page
      .getByTestId('article-picker-list')
      .getByRole('option', { name: title, exact: true })
      .click()
    await expect(this.articleTitle).toHaveText(title)
  }

  /**
   * Filters by a person or organisation: the filter suggests matching names as one types, each
   * followed by its kind ("Hun Sen, person").
   */
  async filterByEntity(name: string, kind: 'person' | 'organisation'): Promise<void> {
    // By test id: the event panel's own person or organisation box may be open too.
    const box = this.page.getByTestId('filter-entity')
    await box.fill(name)
    await this.page
      .getByTestId('filter-entity-list')
      .getByRole('option', { name: `${name}, ${kind}`, exact: true })
      .click()
    await expect(box).toHaveValue(name)
  }

  /** Keeps the found passage as a highlight with a note and tags. */
  async highlight(words: string, note: string, tags: string): Promise<void> {
    await this.findPassage(words)
    await this.page.getByTestId('make-highlight').click()
    await this.page.getByTestId('highlight-note').fill(note)
    await this.page.getByTestId('highlight-tags').fill(tags)
    await this.page.getByTestId('highlight-save').click()
    await expect(
      this.page.getByTestId('message-success').filter({ hasText: 'Highlight kept' }),
    ).toBeVisible()
  }

  /** What the app keeps in one IndexedDB table, read directly. */
  async stored(table: string): Promise<Record<string, unknown>[]> {
    return this.page.evaluate(
      (name) =>
        new Promise((resolve, reject) => {
          const open = indexedDB.open('sourceline')
          open.onerror = () => reject(open.error)
          open.onsuccess = () => {
            const db = open.result
            const request = db.transaction(name).objectStore(name).getAll()
            request.onsuccess = () => {
              db.close()
              resolve(request.result)
            }
            request.onerror = () => reject(request.error)
          }
        }),
      table,
    )
  }

  /**
   * Where each drawn event is once the first view has settled: its box with its label (in page
   * px), the point to click, and the visible part of the timeline's drawing panel (the panel
   * clipped by the scrolling pane around it). Also the undated list's box.
   */
  async firstViewBoxes(): Promise<FirstView> {
    const read = () =>
      this.page.evaluate(() => {
        const rect = (el: Element | null) => {
          const r = el?.getBoundingClientRect()
          return r
            ? { left: r.left, right: r.right, top: r.top, bottom: r.bottom }
            : { left: 0, right: 0, top: 0, bottom: 0 }
        }
        const center = rect(document.querySelector('[data-testid=timeline] .vis-panel.vis-center'))
        const pane = rect(document.querySelector('[data-testid=timeline]'))
        const panel = {
          left: Math.max(center.left, pane.left),
          right: Math.min(center.right, pane.right),
          top: Math.max(center.top, pane.top),
          bottom: Math.min(center.bottom, pane.bottom),
        }
        const items = [
          ...document.querySelectorAll(
            '[data-testid=timeline] :is(.vis-item.vis-range, .vis-item.vis-point, .vis-item.vis-box)',
          ),
        ].map((el) => {
          const box = rect(el)
          const label = rect(el.querySelector('.vis-item-content'))
          return {
            title: el.querySelector('.vis-item-content')?.textContent?.trim() ?? '',
            box: {
              left: Math.min(box.left, label.left),
              right: Math.max(box.right, label.right),
              top: Math.min(box.top, label.top),
              bottom: Math.max(box.bottom, label.bottom),
            },
            centre: { x: (box.left + box.right) / 2, y: (box.top + box.bottom) / 2 },
          }
        })
        return { panel, items, undated: rect(document.querySelector('[data-testid=undated-list]')) }
      })
    // The first view is fitted once the items are drawn: wait until nothing moves.
    let last = await read()
    await expect
      .poll(async () => {
        const now = await read()
        const same = JSON.stringify(now) === JSON.stringify(last)
        last = now
        return same
      })
      .toBe(true)
    return last
  }

  /** The labels on the time axis in order, e.g. ['1995', '2000', '2005', …]. */
  async axisLabels(): Promise<string[]> {
    const labels = await this.timeline
      .locator('.vis-time-axis .vis-text')
      .evaluateAll((els) =>
        els
          .map((el) => ({ text: el.textContent?.trim() ?? '', x: el.getBoundingClientRect().x }))
          .filter((l) => l.text !== ''),
      )
    return [...new Set(labels.sort((a, b) => a.x - b.x).map((l) => l.text))]
  }

  /** The notes stored in IndexedDB, read directly rather than through the app. */
  async storedNotes(): Promise<{ id: string; eventId: string; body: string }[]> {
    return this.page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const open = indexedDB.open('sourceline')
          open.onerror = () => reject(open.error)
          open.onsuccess = () => {
            const db = open.result
            const request = db.transaction('notes').objectStore('notes').getAll()
            request.onsuccess = () => {
              db.close()
              resolve(request.result)
            }
            request.onerror = () => reject(request.error)
          }
        }),
    )
  }

  /** Opens the Export dialog from the header and waits for it. */
  async openExport(): Promise<Locator> {
    await this.page.getByTestId('export-open').click()
    const dialog = this.page.getByRole('dialog', { name: 'Export' })
    await expect(dialog).toBeVisible()
    return dialog
  }

  /** Exports one format from the dialog as a download ('markdown', 'csv', … 'png'). */
  async exportAs(format: string, scope: 'all' | 'filter' = 'all'): Promise<Downloaded> {
    const dialog = await this.openExport()
    await dialog.getByTestId(`export-format-${format}`).check()
    if (format !== 'png') {
      await dialog
        .getByRole('radio', { name: scope === 'all' ? /^Whole timeline/ : /^Current filter/ })
        .check()
    }
    return download(this.page, () => dialog.getByTestId('export-run').click())
  }
}

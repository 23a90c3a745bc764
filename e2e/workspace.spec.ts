import { expect, test } from './fixtures'
import { SourcelinePage } from './pages/SourcelinePage'

test('panes resize from the keyboard and by dragging, collapse, and are remembered', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 })
  const app = await new SourcelinePage(page).open()
  const bar = page.getByRole('separator', { name: 'Timeline height' })
  const side = page.getByRole('separator', { name: 'Side panel width' })
  const height = async () => Number(await bar.getAttribute('aria-valuenow'))
  const width = async () => Number(await side.getAttribute('aria-valuenow'))
  const paneHeight = () => page.getByTestId('events-pane').evaluate((el) => el.clientHeight)

  const before = await height()
  await bar.focus()
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('Shift+ArrowUp')
  await expect.poll(height).toBe(before - 16 - 80)
  await expect.poll(paneHeight).toBe(before - 96)

  const sideBefore = await width()
  await side.focus()
  await page.keyboard.press('ArrowLeft')
  await expect.poll(width).toBe(sideBefore + 16)

  // Dragging the side separator 100 px to the left widens the side panel by 100 px.
  const grip = (await side.boundingBox())!
  await page.mouse.move(grip.x + grip.width / 2, grip.y + 200)
  await page.mouse.down()
  await page.mouse.move(grip.x + grip.width / 2 - 100, grip.y + 200, { steps: 5 })
  await page.mouse.up()
  await expect.poll(width).toBe(sideBefore + 116)

  await page.getByTestId('toggle-reader').click()
  await expect(page.getByTestId('reader-pane')).toHaveCount(0)
  await expect(page.getByTestId('side-pane')).toBeVisible()

  await page.reload()
  await expect(app.timelineItems.first()).toBeVisible()
  await expect(page.getByTestId('reader-pane')).toHaveCount(0)
  await page.keyboard.press('Alt+r')
  await expect(page.getByTestId('reader-pane')).toBeVisible()
  await expect.poll(height).toBe(before - 96)
  await expect.poll(width).toBe(sideBefore + 116)

  // Both hidden: the timeline has the screen.
  await page.getByTestId('toggle-reader').click()
  await page.getByTestId('toggle-side').click()
  await expect(page.getByTestId('side-pane')).toHaveCount(0)
  const room = await page.locator('main.panes').evaluate((el) => el.clientHeight)
  expect(await paneHeight()).toBeGreaterThan(room - 40)
})

test('one command table: toolbar tooltips, keyboard shortcuts and the ? help agree', async ({
  page,
}) => {
  const app = await new SourcelinePage(page).open()
  await expect(page.getByTestId('export-open')).toHaveAttribute('title', /\(Ctrl\+E\)$/)
  await expect(page.getByTestId('view-table')).toHaveAttribute('title', /\(Ctrl\+2\)$/)
  await expect(page.getByTestId('show-annotations')).toHaveAttribute('title', /\(Alt\+2\)$/)
  await expect(page.getByTestId('zoom-in')).toHaveAttribute('title', /Ctrl\+=/)

  await app.timeline.focus()
  await page.keyboard.press('Control+2')
  await expect(page.getByTestId('view-table')).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByTestId('event-row').first()).toBeVisible()
  await page.keyboard.press('Control+1')
  await expect(page.getByTestId('view-timeline')).toHaveAttribute('aria-pressed', 'true')
  await page.keyboard.press('Alt+2')
  await expect(page.getByTestId('show-annotations')).toHaveAttribute('aria-pressed', 'true')
  await page.keyboard.press('Alt+3')
  await expect(page.getByTestId('show-entities')).toHaveAttribute('aria-pressed', 'true')
  await page.keyboard.press('Control+e')
  await expect(page.getByRole('dialog', { name: 'Export' })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog', { name: 'Export' })).toBeHidden()

  // In a text field the keys are the field's: ? is typed, not a command.
  await page.getByTestId('show-event').click()
  await app.selectOnTimeline('US TIP report downgrades Cambodia to Tier 3')
  await app.noteInput.pressSequentially('Why?')
  await expect(page.getByTestId('keyboard-help-dialog')).toHaveCount(0)
  await expect(app.noteInput).toHaveValue('Why?')

  await app.timeline.focus()
  await page.keyboard.press('?')
  const help = page.getByTestId('keyboard-help-dialog')
  await expect(help).toBeVisible()
  for (const [name, keys] of <const>[
    ['Export', 'Ctrl+E'],
    ['Undo', 'Ctrl+Z'],
    ['Table', 'Ctrl+2'],
    ['Annotations', 'Alt+2'],
    ['Fit all', 'Ctrl+0'],
  ])
    await expect(help.locator('.row', { hasText: name }).first()).toContainText(keys)
  await page.keyboard.press('Escape')
  await expect(help).toHaveCount(0)
})

test('the empty reader lists the articles, one click from reading one', async ({ page }) => {
  const app = await new SourcelinePage(page).open()
  const list = page.getByTestId('article-list')
  await expect(list).toContainText('5 articles')
  await expect(page.getByTestId('article-list-item')).toHaveCount(5)
  const first = page.getByTestId('article-list-item').first()
  const title = (await first.textContent())!.trim()
  await first.click()
  await expect(app.articleTitle).toHaveText(title)
})

test.describe('first start', () => {
  test.use({ orientation: true })

  test('an orientation points at the timeline, reader and side panel, and one click dismisses it for good', async ({
    page,
  }) => {
    const app = await new SourcelinePage(page).goto('/')
    const orientation = page.getByTestId('orientation')
    await expect(orientation).toBeVisible()
    await expect(page.getByTestId('coach-mark')).toHaveText([
      /Timeline/,
      /Reader/,
      /Side panel.*Annotations/,
    ])
    await expect(page.getByTestId('orientation-dismiss')).toBeFocused()
    await page.getByTestId('orientation-dismiss').click()
    await expect(orientation).toHaveCount(0)
    await page.reload()
    await expect(app.timeline).toBeVisible()
    await expect(page.getByTestId('timeline').locator('.vis-item-content').first()).toBeVisible()
    await expect(orientation).toHaveCount(0)
  })
})

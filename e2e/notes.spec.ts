import { expect, test } from './fixtures'
import { SourcelinePage } from './pages/SourcelinePage'

const EVENT = 'Law on combatting human trafficking and sex trafficking'

test('a note survives quitting and reopening, and its event is marked', async ({ app }) => {
  const first = await new SourcelinePage(app.page).open()
  await first.selectOnTimeline(EVENT)
  await first.addNote('Check the **2008** law text against the *Khmer* original.')
  await expect(first.notes.first()).toContainText('Check the 2008 law text')
  await expect(first.notes.first().locator('strong')).toHaveText('2008')
  await expect(first.item(EVENT)).toHaveClass(/has-note/)

  const page = await app.restart()
  const again = await new SourcelinePage(page).open()
  await expect(again.item(EVENT)).toHaveClass(/has-note/)
  await expect(again.item('Criminal code')).not.toHaveClass(/has-note/)
  await again.selectOnTimeline(EVENT)
  await expect(again.notes).toHaveCount(1)
  await expect(again.notes.first()).toContainText('Check the 2008 law text')
  const stored = await again.storedNotes()
  expect(stored).toHaveLength(1)
  expect(stored[0]).toMatchObject({
    eventId: 'trafficking-law-2008',
    body: 'Check the **2008** law text against the *Khmer* original.',
  })
})

test('a note can be edited and deleted', async ({ page }) => {
  const app = await new SourcelinePage(page).open()
  await app.selectOnTimeline(EVENT)
  await app.addNote('First draft')
  await app.notes.first().getByTestId('note-edit').click()
  await app.notes.first().getByTestId('note-input').fill('Second draft')
  await app.notes.first().getByTestId('note-save').click()
  await expect(app.notes.first().getByTestId('note-body')).toHaveText('Second draft')
  await expect(app.notes.first()).toContainText('edited')
  expect((await app.storedNotes()).map((n) => n.body)).toEqual(['Second draft'])

  // Deleting asks nothing and claims nothing false: Ctrl+Z brings the note back.
  await app.notes.first().getByTestId('note-delete').click()
  await expect(app.notes).toHaveCount(0)
  await expect(
    page.getByTestId('message-success').filter({ hasText: 'Note deleted. Ctrl+Z brings it back.' }),
  ).toBeVisible()
  expect(await app.storedNotes()).toEqual([])
  await expect(app.item(EVENT)).not.toHaveClass(/has-note/)
  await app.timeline.focus()
  await page.keyboard.press('Control+z')
  await expect(app.notes.first().getByTestId('note-body')).toHaveText('Second draft')
  expect((await app.storedNotes()).map((n) => n.body)).toEqual(['Second draft'])
})

test('HTML in a note stays inert text and links never navigate the app', async ({
  page,
  consoleErrors,
  requests,
}) => {
  const app = await new SourcelinePage(page).open()
  await app.selectOnTimeline(EVENT)
  const hostile = [
    '<img src=x onerror="window.__pwned=1">',
    '<script>window.__pwned=2</script>',
    '[click me](javascript:window.__pwned=3)',
    '[source](https://example.org/report)',
  ].join('\n\n')
  await app.addNote(hostile)
  const body = app.notes.first().getByTestId('note-body')
  await expect(body).toContainText('<img src=x onerror="window.__pwned=1">')
  await expect(body).toContainText('<script>window.__pwned=2</script>')
  await expect(body.locator('img, script, iframe')).toHaveCount(0)
  await expect(body.locator('a[href^="javascript"]')).toHaveCount(0)

  const url = page.url()
  await body.getByRole('link', { name: 'source' }).click()
  await expect(page.getByTestId('link-prompt')).toContainText('https://example.org/report')
  await page.getByTestId('link-prompt').getByRole('button', { name: 'Cancel' }).click()
  expect(page.url()).toBe(url)

  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined()
  requests.expectAllLocal()
  consoleErrors.expectNone()
})

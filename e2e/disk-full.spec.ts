import { expect, test, type Page } from './fixtures'
import { SourcelinePage } from './pages/SourcelinePage'
import { failNextWrites, installQuotaFault } from './quota'

async function dismissAll(page: Page): Promise<void> {
  const buttons = page.getByTestId('messages').getByRole('button', { name: 'Dismiss' })
  while ((await buttons.count()) > 0) await buttons.first().click()
}

const EVENT = 'Law on combatting human trafficking and sex trafficking'

test('a full disk while saving a note says so, keeps the typed text, and a retry saves it', async ({
  page,
  consoleErrors,
}) => {
  await installQuotaFault(page)
  const app = await new SourcelinePage(page).open()
  await app.selectOnTimeline(EVENT)
  const text = 'The 2008 law: check article 12 against the Khmer original.'
  await app.noteInput.fill(text)
  await failNextWrites(page, 1, 'notes')
  await app.eventPanel.getByTestId('note-save').last().click()

  const error = page.getByTestId('message-error')
  await expect(error).toContainText('Disk full: the note was not saved.')
  await expect(error).toContainText('What you typed is kept here')
  await expect(app.noteInput).toHaveValue(text)
  await expect(app.notes).toHaveCount(0)
  expect(await app.storedNotes()).toEqual([])

  // The message sits over the side panel's foot; the user dismisses it, then saves again.
  await error.getByRole('button', { name: 'Dismiss' }).click()
  await app.eventPanel.getByTestId('note-save').last().click()
  await expect(app.notes).toHaveCount(1)
  await expect(app.noteInput).toHaveValue('')
  expect((await app.storedNotes()).map((n) => n.body)).toEqual([text])
  consoleErrors.expectNone()
})

test('a full disk while creating an event or keeping a highlight keeps the form filled', async ({
  page,
}) => {
  await installQuotaFault(page)
  const app = await new SourcelinePage(page).open()

  await page.getByTestId('new-event').click()
  await page.getByTestId('event-title-input').fill('Raid reported by the ministry')
  await page.getByTestId('event-date-input').fill('March 2023')
  await page.getByTestId('event-summary-input').fill('Ministry says 12 people were freed.')
  await failNextWrites(page, 1, 'userEvents')
  await page.getByTestId('event-save').click()
  await expect(page.getByTestId('message-error')).toContainText(
    'Disk full: the event was not created.',
  )
  await expect(page.getByTestId('event-title-input')).toHaveValue('Raid reported by the ministry')
  await expect(page.getByTestId('event-summary-input')).toHaveValue(
    'Ministry says 12 people were freed.',
  )
  expect(await app.stored('userEvents')).toEqual([])
  await dismissAll(page)
  await page.getByTestId('event-save').click()
  await expect(app.eventTitle).toHaveText('Raid reported by the ministry')
  expect((await app.stored('userEvents')).map((e) => e.title)).toEqual([
    'Raid reported by the ministry',
  ])

  await app.showArticle('Anti-trafficking drive goes on')
  await app.findPassage('recently cases of human trafficking in Cambodia have decreased')
  await page.getByTestId('make-highlight').click()
  await page.getByTestId('highlight-note').fill('Compare with the 2021 figure.')
  await failNextWrites(page, 1, 'highlights')
  await page.getByTestId('highlight-save').click()
  await expect(
    page.getByTestId('message-error').filter({ hasText: 'Disk full: the highlight was not kept.' }),
  ).toBeVisible()
  await expect(page.getByTestId('highlight-note')).toHaveValue('Compare with the 2021 figure.')
  expect(await app.stored('highlights')).toEqual([])
  await dismissAll(page)
  await page.getByTestId('highlight-save').click()
  await expect(
    page.getByTestId('message-success').filter({ hasText: 'Highlight kept' }),
  ).toBeVisible()
  expect((await app.stored('highlights')).map((h) => h.note)).toEqual([
    'Compare with the 2021 figure.',
  ])
})

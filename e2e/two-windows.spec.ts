/**
 * Two windows on one store (two tabs of one profile, as two Electron windows share one): each
 * shows the other's changes live, neither loses the other's work, and undo only ever reverts a
 * window's own change, refusing when the other window changed the same thing since
 * (docs/decisions/0011-startup-safety.md).
 */
import { expect, test } from './fixtures'
import { SourcelinePage } from './pages/SourcelinePage'

const EVENT = 'Law on combatting human trafficking and sex trafficking'

test('an edit in one window shows in the other, and concurrent notes are both kept', async ({
  app,
  consoleErrors,
}) => {
  const one = await new SourcelinePage(app.page).open()
  const two = await new SourcelinePage(await app.context.newPage()).open()
  await one.selectOnTimeline(EVENT)
  await two.selectOnTimeline(EVENT)

  await one.addNote('Written in window one.')
  await expect(two.notes).toHaveCount(1)
  await expect(two.notes.first()).toContainText('Written in window one.')
  await expect(two.item(EVENT)).toHaveClass(/has-note/)

  // Both save at once.
  await one.noteInput.fill('Concurrent A')
  await two.noteInput.fill('Concurrent B')
  await Promise.all([
    one.eventPanel.getByTestId('note-save').last().click(),
    two.eventPanel.getByTestId('note-save').last().click(),
  ])
  await expect(one.notes).toHaveCount(3)
  await expect(two.notes).toHaveCount(3)
  expect((await one.storedNotes()).map((n) => n.body).sort()).toEqual([
    'Concurrent A',
    'Concurrent B',
    'Written in window one.',
  ])
  consoleErrors.expectNone()
})

test('undo reverts only this window’s own change, never the other window’s later edit', async ({
  app,
}) => {
  const one = await new SourcelinePage(app.page).open()
  const twoPage = await app.context.newPage()
  const two = await new SourcelinePage(twoPage).open()
  await one.selectOnTimeline(EVENT)
  await two.selectOnTimeline(EVENT)

  await one.addNote('First version, from window one.')
  await expect(two.notes).toHaveCount(1)
  await two.notes.first().getByTestId('note-edit').click()
  await two.notes.first().getByTestId('note-input').fill('Edited in window two.')
  await two.notes.first().getByTestId('note-save').click()
  await expect(one.notes.first().getByTestId('note-body')).toHaveText('Edited in window two.')

  // Window one's last change was adding the note; undoing it now would delete window two's edit.
  await one.page.getByTestId('undo').click()
  await expect(one.page.getByTestId('message-error')).toContainText(
    'Could not undo: “Add note” was changed since, probably in another window; nothing was changed.',
  )
  await expect(one.page.getByTestId('undo')).toBeDisabled()
  expect((await one.storedNotes()).map((n) => n.body)).toEqual(['Edited in window two.'])

  // Window two's own change is still its to undo.
  await twoPage.getByTestId('undo').click()
  await expect(twoPage.getByTestId('message-info')).toContainText('Undone: Edit note.')
  await expect(one.notes.first().getByTestId('note-body')).toHaveText(
    'First version, from window one.',
  )
  expect((await one.storedNotes()).map((n) => n.body)).toEqual(['First version, from window one.'])
})

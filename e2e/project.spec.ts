/**
 * The project file through the UI: everything a user made leaves as one file and arrives whole in
 * a colleague's fresh Sourceline; importing it again adds nothing; a changed copy arrives as
 * flagged copies beside the colleague's own records; Ctrl+Z undoes an import.
 */
import { writeFile } from 'node:fs/promises'
import { expect, test } from './fixtures'
import { launchFreshProfile } from './fresh-profile'
import { ProjectScreens, USER_TABLES, type StoreSnapshot } from './pages/ProjectScreens'
import { SourcelinePage } from './pages/SourcelinePage'

const ARTICLE = 'Interior ministry lauds anti-trafficking work'
const EVENT_TITLE = 'Ministry says it prosecutes every case'

/** Rows in a stable order: IndexedDB already returns them by key, this only guards the compare. */
function total(snapshot: StoreSnapshot): number {
  return USER_TABLES.reduce((n, t) => n + snapshot[t].length, 0)
}

async function makeEverything(app: SourcelinePage): Promise<void> {
  const page = app.page
  // A highlight with a note and tags.
  await app.showArticle(ARTICLE)
  await app.highlight('special operational plan', 'Ask what the plan contains.', 'plans')
  // A note on a curated event.
  await app.selectOnTimeline('359 human trafficking cases in 2021')
  await app.addNote('Check the **2021** figure against the police report.')
  // An event of the user's, made from a passage, so it carries its evidence.
  await app.showArticle(ARTICLE)
  await app.findPassage('Cambodia has never refused to prosecute anyone')
  await page.getByTestId('make-event').click()
  await page.getByTestId('event-title-input').fill(EVENT_TITLE)
  await page.getByTestId('event-date-input').fill('2018')
  await page.getByTestId('event-category-input').selectOption('enforcement')
  await page.getByTestId('event-save').click()
  await expect(app.eventTitle).toHaveText(EVENT_TITLE)
  // A contradicting quote on a curated event, and a tag (an event annotation).
  await app.selectOnTimeline('359 human trafficking cases in 2021')
  await app.showArticle('Anti-trafficking drive goes on')
  await app.findPassage('recently cases of human trafficking in Cambodia have decreased remarkably')
  await page.getByTestId('add-contradicting').click()
  await expect(page.getByTestId('event-sourcing')).toHaveText('2 sources, contradicted')
  await page.getByTestId('event-tags-button').click()
  await page.getByTestId('event-tags-edit').fill('figures, disputed')
  await page.getByTestId('event-tags-edit').press('Enter')
  await expect(page.getByTestId('event-tags')).toContainText('disputed')
  // An entity edit.
  await page.getByTestId('show-entities').click()
  await page.getByTestId('entity-new-name').fill('Siem Reap Provincial Court')
  await page.getByTestId('entity-new-kind').selectOption('organisation')
  await page.getByTestId('entity-add').click()
  await expect(
    page.getByTestId('entity').filter({ hasText: 'Siem Reap Provincial Court' }),
  ).toHaveCount(1)
}

test('a project saved from the UI arrives whole in a fresh profile, and again adds nothing', async ({
  app,
  playwright,
  launchOptions,
  headless,
  baseURL,
  consoleErrors,
  requests,
}, testInfo) => {
  test.setTimeout(120_000)
  const mine = await new SourcelinePage(app.page).open()
  await makeEverything(mine)
  const screens = new ProjectScreens(app.page)
  // Article import has its own screen (another branch); an imported article is stored directly.
  await screens.seedImportedArticle()
  await app.page.reload()
  await mine.open()
  const original = await screens.snapshot()
  for (const table of USER_TABLES)
    expect(original[table].length, `${table} in the store`).toBeGreaterThan(0)

  const saved = await screens.saveProject()
  expect(saved.suggestedFilename).toMatch(/^sourceline-project-\d{4}-\d{2}-\d{2}\.sourceline$/)
  await expect(
    app.page.getByTestId('message-success').filter({ hasText: saved.suggestedFilename }),
  ).toBeVisible()
  expect(JSON.parse(saved.text)).toMatchObject({ formatVersion: 1, app: 'Sourceline' })

  // The colleague: a new profile with nothing in it.
  const colleague = await launchFreshProfile({
    chromium: playwright.chromium,
    launchOptions,
    headless,
    baseURL,
    consoleErrors,
    requests,
  })
  try {
    const theirs = await new SourcelinePage(colleague.page).open()
    const their = new ProjectScreens(colleague.page)
    expect(total(await their.snapshot())).toBe(0)

    await their.chooseImport(saved.path)
    await expect(colleague.page.getByTestId('preview-added')).toHaveText(
      `add ${total(original)} new records`,
    )
    await expect(colleague.page.getByTestId('preview-conflicts')).toContainText('keep 0')
    const done = await their.importProject(saved.path)
    expect(done).toContain(saved.suggestedFilename)
    expect(done).toContain(`${total(original)} records added`)
    expect(await their.snapshot()).toEqual(original)

    // Visible, not only stored.
    await expect(
      theirs.page
        .getByTestId('undated-event')
        .or(theirs.timelineItems)
        .filter({ hasText: EVENT_TITLE }),
    ).toHaveCount(1)
    await theirs.selectOnTimeline('359 human trafficking cases in 2021')
    await expect(theirs.notes).toContainText(['Check the 2021 figure against the police report.'])
    await expect(colleague.page.getByTestId('event-sourcing')).toHaveText('2 sources, contradicted')
    await expect(colleague.page.getByTestId('event-tags')).toContainText('disputed')
    await colleague.page.getByTestId('show-annotations').click()
    await expect(colleague.page.getByTestId('highlight-item')).toContainText(
      'Ask what the plan contains.',
    )

    // The same file again: everything is already there.
    await their.chooseImport(saved.path)
    await expect(colleague.page.getByTestId('preview-added')).toHaveText('add 0 new records')
    await their.importProject(saved.path)
    expect(await their.snapshot()).toEqual(original)

    // The sender changed their event and note since: the colleague keeps theirs and gets copies.
    const changed = saved.text
      .replace(`"title": "${EVENT_TITLE}"`, `"title": "${EVENT_TITLE} (revised)"`)
      .replace('Check the **2021** figure', 'Check the **2022** figure')
    const changedPath = testInfo.outputPath('changed-project.json')
    await writeFile(changedPath, changed)
    await their.chooseImport(changedPath)
    await expect(colleague.page.getByTestId('preview-conflicts')).toContainText(
      /keep [1-9]\d* conflicting records? as flagged copies/,
    )
    const before = await their.snapshot()
    await their.importProject(changedPath)
    const after = await their.snapshot()
    const titles = after.userEvents.map((e) => e['title'])
    expect(titles).toContain(EVENT_TITLE)
    expect(titles).toContain(`[Imported copy] ${EVENT_TITLE} (revised)`)
    expect(after.notes.map((n) => n['body'])).toEqual(
      expect.arrayContaining([
        'Check the **2021** figure against the police report.',
        expect.stringMatching(/^Check the \*\*2022\*\* figure.*\n\n?\(Imported copy of /s),
      ]),
    )
    // The copies are shown as copies where the user meets them.
    await expect(
      theirs.page
        .getByTestId('undated-event')
        .or(theirs.timelineItems)
        .filter({ hasText: `[Imported copy] ${EVENT_TITLE} (revised)` }),
    ).toHaveCount(1)
    await theirs.selectOnTimeline('359 human trafficking cases in 2021')
    await expect(theirs.notes.filter({ hasText: 'Imported copy of' })).toHaveCount(1)

    // Ctrl+Z undoes the whole import at once.
    await colleague.page.locator('body').press('Control+z')
    await expect(colleague.page.getByTestId('message-info')).toContainText('Import project')
    expect(await their.snapshot()).toEqual(before)
  } finally {
    await colleague.close()
  }
  consoleErrors.expectNone()
  requests.expectAllLocal()
})

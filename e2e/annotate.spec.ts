import AxeBuilder from '@axe-core/playwright'
import { expect, test } from './fixtures'
import { SourcelinePage } from './pages/SourcelinePage'

const ARTICLE = 'Interior ministry lauds anti-trafficking work'

test('a highlight with a note and tags survives a restart and is listed', async ({ app }) => {
  const first = await new SourcelinePage(app.page).open()
  await first.showArticle(ARTICLE)
  await first.highlight(
    'special operational plan',
    'Ask what the plan contains.',
    'follow up, plans',
  )
  await expect(first.page.locator('mark.user-highlight')).toHaveText(['special operational plan'])

  const page = await app.restart()
  const again = await new SourcelinePage(page).open()
  await page.getByTestId('show-annotations').click()
  const item = page.getByTestId('highlight-item')
  await expect(item).toHaveCount(1)
  await expect(item).toContainText('special operational plan')
  await expect(item).toContainText('Ask what the plan contains.')
  await page.getByTestId('annotations-tag').selectOption('plans')
  await expect(item).toHaveCount(1)
  await item.getByRole('button').click()
  await expect(again.articleTitle).toHaveText(ARTICLE)
  await expect(page.locator('mark.focused')).toHaveText('special operational plan')
  const [stored] = await again.stored('highlights')
  expect(stored).toMatchObject({
    articleId: 'ppp-interior-ministry-lauds',
    note: 'Ask what the plan contains.',
    tags: ['follow up', 'plans'],
    quote: { type: 'TextQuoteSelector', exact: 'special operational plan' },
    position: { type: 'TextPositionSelector' },
  })
})

test('a mouse selection can become a highlight', async ({ page }) => {
  const app = await new SourcelinePage(page).open()
  await app.showArticle(ARTICLE)
  const words = page.getByTestId('article-body').locator('span', { hasText: 'Whether the victims' })
  await words.selectText()
  await words.dispatchEvent('mouseup')
  await expect(page.getByTestId('selection-bar')).toContainText(
    'A senior Ministry of Interior official reiterated',
  )
  await page.getByTestId('make-highlight').click()
  await page.getByTestId('highlight-save').click()
  await expect(page.locator('mark.user-highlight')).toContainText(['Whether the victims'])
})

test('an event made from a selection with “circa 2018” is drawn as approximate', async ({
  page,
}) => {
  const app = await new SourcelinePage(page).open()
  await app.showArticle(ARTICLE)
  await app.findPassage('Cambodia has never refused to prosecute anyone')
  await page.getByTestId('make-event').click()
  await page.getByTestId('event-title-input').fill('Cambodia says it prosecutes every trafficker')
  await page.getByTestId('event-date-input').fill('next Tuesday')
  await expect(page.getByTestId('date-feedback')).toContainText('next Tuesday')
  await page.getByTestId('event-date-input').fill('circa 2018')
  await expect(page.getByTestId('date-feedback')).toContainText('circa 2018')
  await expect(page.getByTestId('date-feedback')).toContainText('2018~')
  await page.getByTestId('event-category-input').selectOption('enforcement')
  await page.getByTestId('event-people-input').fill('Chou Bun Eng')
  await page.getByTestId('event-save').click()

  await expect(app.eventTitle).toHaveText('Cambodia says it prosecutes every trafficker')
  await expect(page.getByTestId('event-date')).toHaveText('circa 2018')
  const item = app.item('Cambodia says it prosecutes every trafficker')
  await expect(item).toHaveClass(/date-approximate/)
  await expect(item).toHaveClass(/vis-range/)
  await expect(page.getByTestId('evidence-quote')).toContainText(
    'Cambodia has never refused to prosecute anyone',
  )
  const [event] = await app.stored('userEvents')
  expect(event).toMatchObject({ date: { edtf: '2018~' }, category: 'enforcement' })
})

test('a contradicting quote from another article is shown on the event and the timeline', async ({
  page,
}) => {
  const app = await new SourcelinePage(page).open()
  await app.selectOnTimeline('359 human trafficking cases in 2021')
  await app.showArticle('Anti-trafficking drive goes on')
  await app.findPassage('recently cases of human trafficking in Cambodia have decreased remarkably')
  await page.getByTestId('add-contradicting').click()
  await expect(page.getByTestId('event-sourcing')).toHaveText('2 sources, contradicted')
  await expect(page.getByTestId('evidence-stance')).toHaveText([
    'Supports',
    'Supports',
    'Supports',
    'Contradicts',
  ])
  await expect(app.item('359 human trafficking cases in 2021')).toHaveClass(/contradicted/)
  const [evidence] = await app.stored('evidence')
  expect(evidence).toMatchObject({
    eventId: 'cases-2021',
    articleId: 'ppp-anti-trafficking-drive',
    stance: 'contradicts',
  })
})

test('filtering by a person narrows the timeline, the undated list and the table', async ({
  page,
}) => {
  const app = await new SourcelinePage(page).open()
  await app.filterByEntity('Sar Kheng', 'person')
  await expect(app.timelineItems).toHaveText(
    ['Cambodian National Task Force on human trafficking set up'],
    {
      useInnerText: true,
    },
  )
  await expect(app.undatedItems).toHaveCount(0)
  await app.filterByEntity('Hun Sen', 'person')
  await expect(app.undatedItems).toHaveCount(2)
  await page.getByTestId('view-table').click()
  await expect(page.getByTestId('event-row')).toHaveCount(await countHunSen())
  await page.getByTestId('filter-clear').click()
  await expect(page.getByTestId('event-row')).toHaveCount(23)

  async function countHunSen(): Promise<number> {
    return page
      .getByTestId('filter-count')
      .evaluate((el) => Number(/(\d+) of/.exec(el.textContent ?? '')?.[1]))
  }
})

test('undo removes the last change and redo brings it back', async ({ page }) => {
  const app = await new SourcelinePage(page).open()
  await app.selectOnTimeline('Criminal code')
  await app.addNote('A note to undo')
  await page.getByTestId('undo').click()
  await expect(app.notes).toHaveCount(0)
  expect(await app.stored('notes')).toEqual([])
  await page.keyboard.press('Control+Shift+Z')
  await expect(app.notes).toHaveCount(1)
  await app.timeline.focus()
  await page.keyboard.press('Control+z')
  await expect(app.notes).toHaveCount(0)
})

test('a note can be written from the keyboard alone', async ({ page }) => {
  const app = await new SourcelinePage(page).open()
  await page.getByTestId('view-table').focus()
  await page.keyboard.press('Enter')
  const firstRow = page.getByTestId('event-row').first()
  await firstRow.focus()
  await page.keyboard.press('ArrowDown')
  await expect(page.getByTestId('event-row').nth(1)).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(app.eventPanel).toBeVisible()
  const title = await app.eventTitle.textContent()
  await app.noteInput.focus()
  await page.keyboard.type('Typed without a mouse')
  await page.keyboard.press('Control+Enter')
  await expect(app.notes).toHaveCount(1)
  const [note] = await app.stored('notes')
  expect(note).toMatchObject({ body: 'Typed without a mouse' })
  expect(title).toBeTruthy()
})

test('the main screens have no serious accessibility violations', async ({ page }) => {
  // Seven axe passes on two shared cores.
  test.setTimeout(120_000)
  const app = await new SourcelinePage(page).open()
  const check = async (where: string) => {
    const result = await new AxeBuilder({ page }).analyze()
    const serious = result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) => `${where}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')}) ${v.help}`,
      )
    expect(serious).toEqual([])
  }
  await check('start')
  await page.getByTestId('keyboard-help').click()
  await check('keyboard help')
  await page.keyboard.press('Escape')
  await page.getByTestId('toggle-reader').click()
  await check('reader collapsed')
  await page.getByTestId('toggle-reader').click()
  await app.selectOnTimeline('US TIP report downgrades Cambodia to Tier 3')
  await check('event selected')
  await page.getByTestId('view-table').click()
  await check('table')
  await page.getByTestId('show-annotations').click()
  await check('highlights and notes')
  await page.getByTestId('show-entities').click()
  await check('people and organisations')
})

test('people and organisations can be merged and linked to events, and filters follow', async ({
  page,
}) => {
  const app = await new SourcelinePage(page).open()
  await app.filterByEntity('National Committee for Counter Trafficking', 'organisation')
  await expect(app.undatedItems.filter({ hasText: 'action plan against trafficking' })).toHaveCount(
    0,
  )

  await page.getByTestId('show-entities').click()
  const committee = page.locator('[data-testid=entity]', {
    has: page.getByText('National Committee for Anti-Human Trafficking', { exact: true }),
  })
  await committee.getByTestId('entity-mentions').click()
  await expect(committee.locator('.mentions li')).toHaveCount(1)
  await committee.getByTestId('entity-merge').click()
  await committee
    .getByTestId('entity-merge-into')
    .selectOption({ label: 'National Committee for Counter Trafficking' })
  await committee.getByTestId('entity-edit-save').click()
  await expect(committee).toHaveCount(0)
  // The merged committee's event now counts as the survivor's.
  await expect(app.undatedItems.filter({ hasText: 'action plan against trafficking' })).toHaveCount(
    1,
  )
  expect(
    (await app.stored('entityEdits')).map((r) => (r['edit'] as { type: string }).type),
  ).toEqual(['merge'])

  await page.getByTestId('undo').click()
  await expect(app.undatedItems.filter({ hasText: 'action plan against trafficking' })).toHaveCount(
    0,
  )

  await page.getByTestId('filter-clear').click()
  await app.selectOnTimeline('Criminal code')
  await page.getByTestId('entity-link-name').fill('Sar Kheng')
  await page.getByTestId('entity-link-save').click()
  await expect(page.getByTestId('event-panel')).toContainText('Sar Kheng')
  await app.filterByEntity('Sar Kheng', 'person')
  await expect(app.timelineItems).toHaveCount(2)
})

test('the report includes the user’s own events and contradicting quotes', async ({ page }) => {
  const app = await new SourcelinePage(page).open()
  await app.selectOnTimeline('359 human trafficking cases in 2021')
  await app.showArticle('Anti-trafficking drive goes on')
  await app.findPassage('recently cases of human trafficking in Cambodia have decreased remarkably')
  await page.getByTestId('add-contradicting').click()
  await expect(page.getByTestId('event-sourcing')).toHaveText('2 sources, contradicted')
  await page.getByTestId('new-event').click()
  await page.getByTestId('event-title-input').fill('My own dated event')
  await page.getByTestId('event-date-input').fill('before March 2023')
  await expect(page.getByTestId('date-feedback')).toContainText('on or before February 2023')
  await page.getByTestId('event-save').click()
  await expect(app.eventTitle).toHaveText('My own dated event')
  const report = await app.exportReport()
  expect(report.text).toContain('My own dated event')
  expect(report.text).toContain(
    'recently cases of human trafficking in Cambodia have decreased remarkably',
  )
  expect(report.text).toMatch(/[Cc]ontradicts/)
})

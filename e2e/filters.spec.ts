/**
 * The filters narrow every view together and combine with AND: category, person or
 * organisation, tag and source at once. Each step checks the drawn timeline items, the undated
 * list, the count, and (at some steps) the table, against sets worked out from the bundled
 * corpus by hand. The person or organisation filter also at a scale of thousands of names.
 */
import AxeBuilder from '@axe-core/playwright'
import { writeFile } from 'node:fs/promises'
import { generateProject } from '../scripts/generate-project.mjs'
import { expect, test, type Page } from './fixtures'
import { ProjectScreens } from './pages/ProjectScreens'
import { SourcelinePage } from './pages/SourcelinePage'

const TAG = 'follow up'
const TAGGED = [
  '155 human trafficking cases in 2020',
  'Ministry of Interior: 109 cases, 680 people rescued',
  'US TIP report downgrades Cambodia to Tier 3',
  'Cambodia and China agree an action plan against trafficking',
  'Draft law on surrogacy',
]
const TOTAL = 23

class FilteredViews {
  readonly app: SourcelinePage
  constructor(readonly page: Page) {
    this.app = new SourcelinePage(page)
  }

  async choose(filter: 'category' | 'entity' | 'tag' | 'source', label: string): Promise<void> {
    if (filter === 'category' || filter === 'tag') {
      await this.page.getByTestId(`filter-${filter}`).selectOption({ label })
      return
    }
    // The person or organisation and the source are text boxes that suggest matching names (a
    // name followed by its kind): type, then Enter picks the first.
    const box = this.page.getByTestId(`filter-${filter}`)
    await box.fill(label)
    const first = this.page.getByTestId(`filter-${filter}-list`).getByRole('option').first()
    if (filter === 'entity') await expect(first).toHaveText(new RegExp(`^${label}, `))
    else await expect(first).toHaveText(label)
    await box.press('Enter')
    await expect(box).toHaveValue(label)
  }

  /** The timeline's items and the undated list show exactly these events. */
  async expectShown(dated: string[], undated: string[]): Promise<void> {
    const count = this.page.getByTestId('filter-count')
    const shown = dated.length + undated.length
    await expect(count).toHaveText(
      shown === TOTAL ? `${TOTAL} events` : `${shown} of ${TOTAL} events`,
    )
    // vis-timeline draws only what is in its window, so fit the window to what is shown first.
    await this.page.getByTestId('fit-all').click()
    await expect(this.app.timelineItems).toHaveCount(dated.length)
    for (const title of dated)
      await expect(this.app.timelineItems.filter({ hasText: title })).toHaveCount(1)
    await expect(this.app.undatedItems).toHaveCount(undated.length)
    for (const title of undated)
      await expect(this.app.undatedItems.filter({ hasText: title })).toHaveCount(1)
  }

  /** The table shows exactly these events; the view goes back to the timeline afterwards. */
  async expectTable(titles: string[]): Promise<void> {
    await this.page.getByTestId('view-table').click()
    const rows = this.page.getByTestId('event-row')
    await expect(rows).toHaveCount(titles.length)
    for (const title of titles) await expect(rows.filter({ hasText: title })).toHaveCount(1)
    await this.page.getByTestId('view-timeline').click()
    await expect(this.page.getByTestId('event-table')).toHaveCount(0)
  }

  /** Tags events from the table, as a user who works through a list would. */
  async tag(titles: string[], tag: string): Promise<void> {
    await this.page.getByTestId('view-table').click()
    for (const title of titles) {
      await this.page.getByTestId('event-row').filter({ hasText: title }).click()
      await expect(this.app.eventTitle).toContainText(title)
      await this.page.getByTestId('event-tags-button').click()
      await this.page.getByTestId('event-tags-edit').fill(tag)
      await this.page.getByTestId('event-tags-edit').press('Enter')
      await expect(this.page.getByTestId('event-tags')).toContainText(tag)
    }
    await this.page.getByTestId('view-timeline').click()
  }
}

test('filters combine: category AND person AND tag AND source narrow the timeline, undated list and table', async ({
  page,
  consoleErrors,
}) => {
  // Five tags and eight filter steps, each checked in two or three views.
  test.setTimeout(120_000)
  const views = new FilteredViews(page)
  await views.app.open()
  await views.tag(TAGGED, TAG)

  // One criterion: Chou Bun Eng.
  await views.choose('entity', 'Chou Bun Eng')
  await views.expectShown(
    [
      'Cambodia–Vietnam MoU on the Standard of Operation',
      'Ministry of Interior: 109 cases, 680 people rescued',
      '155 human trafficking cases in 2020',
      '359 human trafficking cases in 2021',
      'US TIP report downgrades Cambodia to Tier 3',
      'Chou Bun Eng calls the Tier 3 downgrade unjust',
      'Chou Bun Eng welcomes JICA cooperation',
    ],
    ['Cambodia and China agree an action plan against trafficking'],
  )

  // AND the tag: only the tagged ones of hers, dated and undated.
  await views.choose('tag', TAG)
  const personAndTag = [
    'Ministry of Interior: 109 cases, 680 people rescued',
    '155 human trafficking cases in 2020',
    'US TIP report downgrades Cambodia to Tier 3',
  ]
  await views.expectShown(personAndTag, [
    'Cambodia and China agree an action plan against trafficking',
  ])
  await views.expectTable([
    ...personAndTag,
    'Cambodia and China agree an action plan against trafficking',
  ])

  // AND a category.
  await views.choose('category', 'Enforcement and figures')
  await views.expectShown(
    ['Ministry of Interior: 109 cases, 680 people rescued', '155 human trafficking cases in 2020'],
    [],
  )

  // AND a source: one event meets all four.
  await views.choose('source', 'Interior ministry lauds anti-trafficking work')
  await views.expectShown(['155 human trafficking cases in 2020'], [])
  await views.expectTable(['155 human trafficking cases in 2020'])

  // Changing one criterion keeps the others.
  await views.choose('category', 'International cooperation and assessment')
  await views.expectShown(['US TIP report downgrades Cambodia to Tier 3'], [])
  await views.choose('source', 'China agrees on anti-human trafficking cooperation')
  await views.expectShown([], ['Cambodia and China agree an action plan against trafficking'])

  // Another person with the same three others: Hun Sen's tagged event is law and policy.
  await views.choose('entity', 'Hun Sen')
  await views.expectShown([], [])
  await views.expectTable([])

  // Clearing brings every event back in every view.
  await page.getByTestId('filter-clear').click()
  await expect(page.getByTestId('filter-clear')).toHaveCount(0)
  await expect(page.getByTestId('filter-count')).toHaveText(`${TOTAL} events`)
  await expect(views.app.timelineItems).toHaveCount(18)
  await expect(views.app.undatedItems).toHaveCount(5)
  consoleErrors.expectNone()
})

test('a filter whose events are all outside the window brings them into view', async ({
  page,
  consoleErrors,
}) => {
  const app = new SourcelinePage(page)
  await app.open()
  // Zoom into 2022, where no awareness event lies.
  await app.selectOnTimeline('US TIP report downgrades Cambodia to Tier 3')
  for (let i = 0; i < 4; i++) await page.getByTestId('zoom-in').click()
  await expect(app.item('Anti-Human Trafficking Concert')).toHaveCount(0)

  await page.getByTestId('filter-category').selectOption({ label: 'Awareness' })
  const awareness = [
    'Ministry of Women’s Affairs starts public campaigns on trafficking',
    'National Anti-Human Trafficking Day established',
    'Minister Ing Kantha Phavi’s press conference',
    'Anti-Human Trafficking Concert at the National Olympic Stadium',
  ]
  // Without a click on Fit all: the window moved to the matches by itself.
  await expect(app.timelineItems).toHaveCount(awareness.length)
  for (const title of awareness) await expect(app.item(title)).toBeInViewport()

  // A filter with matches already in view leaves the window where it is.
  const axis = await app.axisLabels()
  await page.getByTestId('filter-category').selectOption({ label: 'Law and policy' })
  await expect(app.item('Code of criminal procedure')).toBeVisible()
  expect(await app.axisLabels()).toEqual(axis)
  consoleErrors.expectNone()
})

test('the source filter suggests matching titles and is used by keyboard', async ({
  page,
  consoleErrors,
}) => {
  const app = new SourcelinePage(page)
  await app.open()
  const box = page.getByRole('combobox', { name: 'Source' })
  const list = page.getByTestId('filter-source-list')
  await expect(box).toHaveValue('All')
  await expect(list.getByRole('option')).toHaveCount(0)

  await box.fill('trafficking cooperation')
  await expect(box).toHaveAttribute('aria-expanded', 'true')
  const options = list.getByRole('option')
  await expect(options).toHaveText(['China agrees on anti-human trafficking cooperation'])
  await box.fill('xyzzy')
  await expect(options).toHaveCount(0)
  await expect(page.getByTestId('filter-source-hint')).toHaveText('Nothing matches')

  // Arrows move the active suggestion (announced through aria-activedescendant), Enter picks it.
  await box.fill('')
  await expect(options.first()).toHaveText('All')
  await box.press('ArrowDown')
  const second = options.nth(1)
  await expect(second).toHaveAttribute('aria-selected', 'true')
  const title = (await second.textContent())!.trim()
  await expect(box).toHaveAttribute('aria-activedescendant', (await second.getAttribute('id'))!)
  await box.press('Enter')
  await expect(box).toHaveValue(title)
  await expect(box).toHaveAttribute('aria-expanded', 'false')
  await expect(page.getByTestId('filter-count')).toContainText(`of ${TOTAL} events`)

  // Escape leaves the choice as it was; choosing All again shows every event.
  await box.fill('Interior')
  await box.press('Escape')
  await expect(box).toHaveValue(title)
  await box.fill('All')
  await box.press('Enter')
  await expect(page.getByTestId('filter-count')).toHaveText(`${TOTAL} events`)
  consoleErrors.expectNone()
})

test('the person or organisation filter suggests at most 50 of thousands of names, by keyboard', async ({
  page,
  consoleErrors,
}, testInfo) => {
  test.setTimeout(300_000)
  const WITNESSES = 2000
  const app = await new SourcelinePage(page).open()
  const box = page.getByRole('combobox', { name: 'Person or organisation' })
  const options = page.getByTestId('filter-entity-list').getByRole('option')
  const count = page.getByTestId('filter-count')
  await expect(box).toHaveValue('All')

  // The bundled names fit in one list: All, then people, then organisations, each with its kind.
  await box.click()
  await expect(options.first()).toHaveText('All')
  await expect(options.filter({ hasText: /^Hun Sen, person$/ })).toHaveCount(1)
  const bundled = await options.count()
  expect(bundled).toBeLessThan(50)
  const kinds = (await options.allTextContents()).slice(1).map((t) => t.split(', ').pop())
  expect(kinds).toEqual([...kinds].sort((a, b) => (a === b ? 0 : a === 'person' ? -1 : 1)))
  await box.press('Escape')

  // A project naming a different witness in each of its events.
  const project = generateProject(WITNESSES) as {
    data: { userEvents: { people: string[]; organisations: string[] }[] }
  }
  project.data.userEvents.forEach((event, i) => {
    event.people = [`Witness ${i + 1}`]
    event.organisations = []
  })
  const path = testInfo.outputPath('witnesses.json')
  await writeFile(path, JSON.stringify(project))
  await new ProjectScreens(page).importProject(path)
  const total = (WITNESSES + TOTAL).toLocaleString('en')
  await expect(count).toHaveText(`${total} events`, { timeout: 120_000 })

  await box.click()
  await expect(options).toHaveCount(50)
  await expect(page.getByTestId('filter-entity-hint')).toHaveText(
    `${(bundled + WITNESSES - 50).toLocaleString('en')} more: type to narrow`,
  )

  // Typing narrows; arrows move the active suggestion, Enter picks it.
  await box.fill('Witness 199')
  await expect(options).toHaveText([
    'Witness 199, person',
    ...Array.from({ length: 10 }, (_, i) => `Witness ${1990 + i}, person`),
  ])
  const serious = (
    await new AxeBuilder({ page }).include('[data-testid="filters"]').analyze()
  ).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help}`)
  expect(serious).toEqual([])
  await box.press('ArrowDown')
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true')
  await expect(box).toHaveAttribute(
    'aria-activedescendant',
    (await options.nth(1).getAttribute('id'))!,
  )
  await box.press('Enter')
  await expect(box).toHaveValue('Witness 1990')
  await expect(count).toHaveText(`1 of ${total} events`)
  await expect(app.timelineItems.or(app.undatedItems)).toHaveCount(1)

  // All again shows every event.
  await box.fill('All')
  await box.press('Enter')
  await expect(count).toHaveText(`${total} events`)
  consoleErrors.expectNone()
})

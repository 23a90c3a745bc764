/**
 * Weighing the evidence: grading a source and a quote (the support line, the timeline cue, the
 * "support at least" filter, grades in the Markdown and CSV exports), a date suggested from a
 * passage and accepted, and a conflict made by a contradicting quote, explained and undone.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { SourcelinePage } from './pages/SourcelinePage'

const LAUDS = 'Interior ministry lauds anti-trafficking work'
const CASES_2021 = '359 human trafficking cases in 2021'

async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze()
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')}) ${v.help}`)
}

async function grade(scope: ReturnType<Page['getByTestId']>, value: string, reason: string) {
  await scope.getByTestId('grade-open').click()
  await scope.getByTestId('grade-select').selectOption(value)
  await scope.getByTestId('grade-reason').fill(reason)
  await scope.getByTestId('grade-save').click()
}

test('grade a source and a quote: support, cue, filter and exports', async ({ page }) => {
  test.setTimeout(120_000)
  const ui = await new SourcelinePage(page).open()
  await ui.selectOnTimeline(CASES_2021)
  await ui.showArticle(LAUDS)

  const sourceGrade = page.getByTestId('grade-article')
  await grade(sourceGrade, 'B', 'Government paper, usually accurate on figures')
  await expect(sourceGrade.getByTestId('grade-current')).toContainText('B — usually reliable')

  const firstQuote = ui.eventPanel.getByTestId('evidence-quote').first()
  await expect(firstQuote.getByTestId('evidence-source-grade')).toContainText(
    'B — usually reliable',
  )
  await grade(firstQuote.getByTestId('grade-quote'), '2', 'Matches the ministry report')
  await expect(firstQuote.getByTestId('grade-current')).toContainText('2 — probably true')
  await expect(page.getByTestId('event-support')).toContainText(
    'strong support, best B2: usually reliable source; probably true',
  )

  // The cue: marks on the items, words in the legend; an ungraded event says so too.
  await expect(ui.item(CASES_2021)).toHaveClass(/support-strong/)
  await expect(ui.item('155 human trafficking cases in 2020')).toHaveClass(/support-weak/)
  await expect(ui.item('US TIP report downgrades Cambodia to Tier 3')).toHaveClass(/support-/)
  await expect(ui.timeline.locator('.vis-item.support-ungraded').first()).toBeAttached()
  await expect(page.getByLabel('Legend')).toContainText('ungraded support')

  await page.getByTestId('filter-support').selectOption('strong')
  await expect(page.getByTestId('filter-count')).toHaveText(/^1 of \d+ events$/)
  await expect(ui.timelineItems).toHaveText([CASES_2021])
  await page.getByTestId('filter-support').selectOption('')

  const stored = await ui.stored('grades')
  expect(stored).toHaveLength(2)
  expect(stored).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        kind: 'article',
        targetId: 'ppp-interior-ministry-lauds',
        grade: 'B',
      }),
      expect.objectContaining({ kind: 'quote', targetId: 'cases-2021#0', grade: '2' }),
    ]),
  )

  const report = await ui.exportAs('markdown')
  expect(report.text).toContain(
    'Grade: B2: source B — usually reliable (reason: Government paper, usually accurate on ' +
      'figures); quote 2 — probably true (reason: Matches the ministry report)',
  )
  expect(report.text).toContain('- Reliability: B — usually reliable')
  const csv = await ui.exportAs('csv')
  expect(csv.text).toContain('"Support","Grades"')
  expect(csv.text).toContain('strong support, best B2: usually reliable source; probably true')

  // The table has a sortable Support column.
  await page.getByTestId('view-table').click()
  await page.getByRole('button', { name: /^Support/ }).click()
  await page.getByRole('button', { name: /^Support/ }).click()
  await expect(page.getByTestId('event-row').first()).toContainText(CASES_2021)
  await expect(page.getByTestId('event-row-support').first()).toContainText('strong support (B2)')

  expect(await seriousViolations(page)).toEqual([])
})

test('a date read from the selected passage is offered, and accepted into the form', async ({
  page,
}) => {
  test.setTimeout(90_000)
  const ui = await new SourcelinePage(page).open()
  await ui.showArticle('Cambodia Takes Measures To Prevent Human Trafficking')
  await ui.findPassage(
    'she told reporters at a press conference on the National Anti-Human Trafficking Day on December 10',
  )
  await page.getByTestId('make-event').click()
  const suggestion = page
    .getByTestId('date-suggestion')
    .filter({ hasText: '10 December 2009 — from “December 10”' })
  await expect(suggestion).toContainText(
    "10 December 2009 — from “December 10”, year taken from the article's date (December 2009)",
  )
  // Never applied on its own: the field stays empty until the user accepts.
  await expect(page.getByTestId('event-date-input')).toHaveValue('')
  expect(await seriousViolations(page)).toEqual([])
  await suggestion.getByTestId('suggestion-accept').click()
  await expect(page.getByTestId('event-date-input')).toHaveValue('2009-12-10')
  await expect(page.getByTestId('date-feedback')).toContainText('10 December 2009')
  await page.getByTestId('event-title-input').fill('Press conference on Anti-Trafficking Day')
  await page.getByTestId('event-save').click()
  await expect(page.getByTestId('event-date')).toHaveText('10 December 2009')
  const [event] = await ui.stored('userEvents')
  expect(event).toMatchObject({ date: { edtf: '2009-12-10' } })
  expect((event as { date: { note: string } }).date.note).toContain('year taken from the article')
})

test('a contradicting quote makes a conflict, shown side by side and explained', async ({
  page,
}) => {
  test.setTimeout(90_000)
  const ui = await new SourcelinePage(page).open()
  await ui.selectOnTimeline(CASES_2021)
  await ui.showArticle(LAUDS)
  await ui.findPassage('Cambodia has never refused to prosecute anyone')
  await page.getByTestId('add-contradicting').click()
  await expect(ui.eventPanel.getByTestId('evidence-quote')).toHaveCount(4)

  await page.getByTestId('show-conflicts').click()
  const panel = page.getByTestId('conflicts-panel')
  const entry = panel.locator('[data-conflict-id="support:cases-2021"]')
  await expect(entry).toContainText('3 supporting, 1 contradicting')
  await entry.getByTestId('conflict-open').click()
  const sides = entry.getByTestId('conflict-pair').getByTestId('conflict-side')
  await expect(sides).toHaveCount(2)
  await expect(sides.nth(1)).toContainText('Cambodia has never refused to prosecute anyone')
  await expect(sides.nth(1).getByTestId('conflict-differs')).toBeVisible()
  expect(await seriousViolations(page)).toEqual([])

  await entry.getByTestId('conflict-note-input').fill('The denial is about prosecutions, not cases')
  await entry.getByTestId('conflict-explain').click()
  await expect(entry.getByTestId('conflict-state')).toHaveText('✓ explained')
  await expect(entry.getByTestId('conflict-note')).toContainText('about prosecutions')
  expect(await ui.stored('conflictNotes')).toEqual([
    expect.objectContaining({
      id: 'support:cases-2021',
      note: 'The denial is about prosecutions, not cases',
    }),
  ])
  await page.getByTestId('undo').click()
  await expect(entry.getByTestId('conflict-state')).toHaveText('not explained')
  expect(await ui.stored('conflictNotes')).toEqual([])
})

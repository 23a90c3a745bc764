import { expect, test } from './fixtures'
import { SourcelinePage } from './pages/SourcelinePage'

test('the Markdown report holds the events in date order, their quotes, sources and notes', async ({
  page,
}) => {
  const app = await new SourcelinePage(page).open()
  await app.selectOnTimeline('National Anti-Human Trafficking Day established')
  await app.addNote('Ask the ministry for the 2007 sub-decree.')

  const report = await app.exportReport()
  expect(report.suggestedFilename).toMatch(/^sourceline-report-\d{4}-\d{2}-\d{2}\.md$/)
  const text = report.text
  expect(text).toContain('Ask the ministry for the 2007 sub-decree.')
  expect(text).toContain(
    '> has also established “National Anti-Human Trafficking Day” on December 12, 2007.',
  )
  expect(text).toContain('Cambodia Takes Measures To Prevent Human Trafficking')
  expect(text).toContain('Phnom Penh Post')
  expect(text).toContain('12 December 2007')

  const order = [
    'Government commits to fighting human trafficking',
    'National Anti-Human Trafficking Day established',
    'Law on combatting human trafficking and sex trafficking',
    'US TIP report downgrades Cambodia to Tier 3',
    'Social affairs minister Vong Soth meets JICA’s Kamei Haruko',
    'Draft law on surrogacy',
  ].map((title) => text.indexOf(title))
  expect(order.every((i) => i >= 0)).toBe(true)
  expect([...order].sort((a, b) => a - b)).toEqual(order)
  await expect(
    page.getByTestId('message-success').filter({ hasText: 'Report saved' }),
  ).toContainText(report.suggestedFilename)
})

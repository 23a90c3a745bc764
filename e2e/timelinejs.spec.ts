/**
 * The TimelineJS export, opened in TimelineJS 3 itself: the JSON built from the real corpus is
 * handed to `new TL.Timeline` on a page served from Playwright with no network (the page, the
 * library's script and stylesheet are fulfilled from node_modules; every other request is
 * aborted and recorded). Not the app: this spec uses Playwright's own `test`.
 */
import { expect, test } from '@playwright/test'
import { showInTimelineJs, TIMELINEJS_ORIGIN } from './readers'

/** The parts of the export modules this spec uses. */
interface ExportModules {
  buildTimelineJs(input: unknown): { events: unknown[] }
  realExportInput(): { events: { date: { edtf: string | null } }[] }
}

/**
 * The export modules belong to the renderer's TypeScript project (tsconfig.web.json), not to the
 * one that checks e2e/, so they are imported by a computed path that tsc does not follow;
 * Playwright's loader compiles them like any spec file.
 */
async function loadExports(): Promise<ExportModules> {
  const dir = '../src/renderer/src/lib/domain/exports'
  const [timelinejs, fixture] = (await Promise.all([
    import(`${dir}/timelinejs.ts`),
    import(`${dir}/test-fixture.ts`),
  ])) as [Pick<ExportModules, 'buildTimelineJs'>, Pick<ExportModules, 'realExportInput'>]
  return { ...timelinejs, ...fixture }
}

test('TimelineJS 3 shows a slide for every dated event of the export, offline', async ({
  page,
}) => {
  const { buildTimelineJs, realExportInput } = await loadExports()
  const input = realExportInput()
  const data = buildTimelineJs(input)
  const dated = input.events.filter((e) => e.date.edtf !== null).length
  expect(data.events).toHaveLength(dated)

  const { refused, errors } = await showInTimelineJs(
    page,
    JSON.parse(JSON.stringify(data)) as unknown,
  )

  // The title slide plus one per dated event.
  await expect
    .poll(() => page.locator('.tl-slide').count(), { timeout: 15_000 })
    .toBeGreaterThanOrEqual(dated)
  await expect(page.locator('.tl-slide')).toHaveCount(dated + 1)
  await expect(
    page.locator('.tl-slide').getByText('Cambodia’s fight against human trafficking, 2000–2023'),
  ).toBeVisible()
  await expect(
    page.locator('.tl-slide').getByText(/undated events could not be placed/),
  ).toBeVisible()

  // Forward from the title slide to the first event.
  await page.locator('.tl-slidenav-next').first().click()
  await expect(
    page.locator('.tl-slide').getByRole('heading', {
      name: 'Government commits to fighting human trafficking',
    }),
  ).toBeVisible()
  // The user's title is shown as text: its <b> is not markup.
  await expect(page.locator('.tl-slide h2 b')).toHaveCount(0)
  await expect(page.locator('.tl-slide').getByText('<b>per</b>').first()).toBeAttached()

  expect(errors).toEqual([])
  expect(refused.filter((u) => !u.startsWith(TIMELINEJS_ORIGIN))).toEqual([])
})

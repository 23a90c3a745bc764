/**
 * Malformed and hostile project files through the Import screen: each gets a clear message naming
 * what is wrong (every problem, not just the first), the store is exactly as it was, no payload
 * runs and nothing leaves the machine. Markup in a good file's titles and notes shows as text.
 */
import { open } from 'node:fs/promises'
import { writeFile } from 'node:fs/promises'
import { expect, expectSentinelUnset, test, type Page } from './fixtures'
import { ProjectScreens } from './pages/ProjectScreens'
import { SourcelinePage } from './pages/SourcelinePage'

const ARTICLE = 'Interior ministry lauds anti-trafficking work'

type Json = Record<string, unknown> & {
  data: Record<string, Record<string, unknown>[]>
}

/** Some data of the user's, and the project file of it as the app saves it. */
async function setUp(page: Page): Promise<{ screens: ProjectScreens; base: string }> {
  const app = await new SourcelinePage(page).open()
  await app.showArticle(ARTICLE)
  await app.highlight('special operational plan', 'Mine, before any import.', 'plans')
  await app.selectOnTimeline('359 human trafficking cases in 2021')
  await app.addNote('My own note.')
  const screens = new ProjectScreens(page)
  const saved = await screens.saveProject()
  return { screens, base: saved.text }
}

function edit(base: string, change: (file: Json) => void): string {
  const file = JSON.parse(base) as Json
  change(file)
  return JSON.stringify(file, null, 2)
}

function asFile(name: string, text: string) {
  return { name, mimeType: 'application/json', buffer: Buffer.from(text) }
}

test('hostile and malformed project files are refused with what is wrong, and nothing changes', async ({
  page,
  consoleErrors,
  requests,
}, testInfo) => {
  test.setTimeout(180_000)
  const { screens, base } = await setUp(page)
  const before = await screens.snapshot()
  const problems = screens.problems

  /** Imports `file` and expects it refused with problems matching each of `expected`. */
  const refused = async (
    file: Parameters<ProjectScreens['chooseImport']>[0],
    expected: RegExp[],
  ): Promise<void> => {
    await screens.chooseImport(file)
    await expect(page.getByTestId('file-problems')).toBeVisible()
    await expect(screens.preview).toHaveCount(0)
    for (const pattern of expected)
      await expect(problems.filter({ hasText: pattern })).not.toHaveCount(0)
    expect(await screens.snapshot()).toEqual(before)
    await expectSentinelUnset(page)
  }

  await test.step('truncated JSON', () =>
    refused(asFile('cut.json', base.slice(0, Math.floor(base.length / 2))), [
      /ends early \(truncated\?\)/,
    ]))

  await test.step('not a project at all', () =>
    refused(asFile('list.json', '[1, 2, 3]'), [/not a Sourceline project: the file holds a list/]))

  await test.step('wrong shape, every problem listed', async () => {
    const text = edit(base, (f) => {
      f.data['highlights']![0]!['note'] = 5
      f.data['notes']![0]!['createdAt'] = 'yesterday'
      ;(f.data as Record<string, unknown>)['userEvents'] = 'none'
    })
    await refused(asFile('shape.json', text), [
      /data\.highlights\[0\]\.note: expected string, found 5/,
      /data\.notes\[0\]\.createdAt: expected number/,
      /data\.userEvents: expected Array/,
    ])
    await expect(problems).toHaveCount(3)
  })

  await test.step('a future formatVersion', () =>
    refused(
      asFile(
        'future.json',
        edit(base, (f) => (f['formatVersion'] = 7)),
      ),
      [/made by a newer Sourceline \(format 7\)/],
    ))

  await test.step('__proto__ and constructor keys', async () => {
    const proto = base.replace('"data": {', '"data": {\n    "__proto__": { "polluted": "yes" },')
    await refused(asFile('proto.json', proto), [/"__proto__" is not allowed/])
    const ctor = base.replace(
      '"notes": [\n      {',
      '"notes": [\n      { "constructor": { "prototype": { "polluted": "yes" } },',
    )
    await refused(asFile('constructor.json', ctor), [
      /data\.notes\[0\]\.constructor: the key "constructor" is not allowed/,
    ])
    expect(await page.evaluate(() => ({}) as Record<string, unknown>)).not.toHaveProperty(
      'polluted',
    )
  })

  await test.step('dangling references', async () => {
    const text = edit(base, (f) => {
      f.data['notes']![0]!['eventId'] = 'no-such-event'
      f.data['highlights']![0]!['articleId'] = 'no-such-article'
    })
    await refused(asFile('dangling.json', text), [
      /data\.notes\[0\]\.eventId: no event "no-such-event"/,
      /data\.highlights\[0\]\.articleId: no article "no-such-article"/,
    ])
  })

  await test.step('offsets out of range', async () => {
    const text = edit(base, (f) => {
      f.data['highlights']![0]!['position'] = {
        type: 'TextPositionSelector',
        start: 900_000,
        end: 900_024,
      }
    })
    await refused(asFile('offsets.json', text), [
      /data\.highlights\[0\]\.position\.start: 900000 is past the end of article/,
    ])
  })

  await test.step('a 50 MB note', async () => {
    const path = testInfo.outputPath('huge-note.json')
    await writeFile(
      path,
      edit(base, (f) => (f.data['notes']![0]!['body'] = 'x'.repeat(50_000_000))),
    )
    await refused(path, [/data\.notes\[0\]\.body: is longer than 5,000,000 characters/])
  })

  await test.step('a million highlights', async () => {
    const path = testInfo.outputPath('million.json')
    await writeFile(
      path,
      edit(base, (f) => (f.data['highlights'] = Array.from({ length: 1_000_000 }, () => ({})))),
    )
    await refused(path, [/data\.highlights: has more than 100,000 entries/])
  })

  await test.step('a file over 200 MB, refused without reading it', async () => {
    const path = testInfo.outputPath('enormous.json')
    // Sparse: 210 MB long on paper, nothing on disk.
    const handle = await open(path, 'w')
    await handle.truncate(210_000_000)
    await handle.close()
    await refused(path, [/The file is 210 MB; a project file can be at most 200 MB/])
  })

  await screens.close()
  consoleErrors.expectNone()
  requests.expectAllLocal()
})

test('script and HTML in a project file’s titles and notes are shown as text', async ({
  page,
  consoleErrors,
  requests,
}) => {
  const { screens, base } = await setUp(page)
  const payload = (name: string) =>
    `<img src=x onerror="window.__pwned='${name}'"><script>window.__pwned='${name}-script'</script>`
  const text = edit(base, (f) => {
    const note = f.data['notes']![0]!
    f.data['userEvents'] = [
      {
        id: 'user-hostile-event',
        title: `Hostile ${payload('title')}`,
        summary: payload('summary'),
        date: { edtf: '2019', note: payload('date note') },
        category: 'enforcement',
        people: [payload('person')],
        organisations: [],
        createdAt: 1,
        updatedAt: 1,
      },
    ]
    f.data['notes'] = [
      note,
      {
        id: 'note-hostile',
        eventId: 'user-hostile-event',
        body: `Hostile note ${payload('note')} [link](javascript:window.__pwned='link')`,
        createdAt: 1,
        updatedAt: 1,
      },
    ]
  })
  await screens.importProject(asFile('hostile-text.json', text))
  const app = new SourcelinePage(page)
  // The title reads as typed, markup and all: text, never elements.
  await app.selectOnTimeline(`Hostile ${payload('title')}`)
  await expect(app.notes.filter({ hasText: 'Hostile note' })).toHaveCount(1)
  await expect(page.locator('img[src="x"]')).toHaveCount(0)
  await expect(page.locator('a[href^="javascript:"]')).toHaveCount(0)
  await expectSentinelUnset(page)
  expect((await screens.snapshot()).userEvents.map((e) => e['title'])).toEqual([
    `Hostile ${payload('title')}`,
  ])
  consoleErrors.expectNone()
  requests.expectAllLocal()
})

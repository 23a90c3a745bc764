/**
 * Search benchmark (run by `npm run bench`, after bench.mjs): a generated corpus of articles of
 * about 800 words, mixed English and Khmer (with U+200B between Khmer words), plus notes and
 * highlights. Measures, in Node on the app's own index code (bundled by Vite): index build time,
 * query latency p50/p95 over 200 queries (words, prefixes, phrases, misspellings, Khmer), cold open
 * from the stored index; and in Chromium on the built app: the longest main-thread task while
 * the worker indexes. Prints a table against the targets and writes bench-results/search-<date>.json.
 *
 *   BENCH_SEARCH_SCALE=0.05 node scripts/bench-search.mjs    (a twentieth of the full size)
 *   BENCH_SEARCH_BROWSER=0 skips the Chromium part, BENCH_SEARCH_NODE=0 the Node part;
 *   BENCH_SEARCH_TASKS=1 lists the long tasks, BENCH_SEARCH_PROFILE=<file> writes a CPU profile
 *   (from the app's start to the end of indexing; the reopen's in <file>.reopen.cpuprofile).
 */
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { cpus, tmpdir } from 'node:os'
import { deserialize, serialize } from 'node:v8'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'vite'
import { CHROMIUM_ARGS, findChromium } from './find-browser.mjs'
import { startServer } from './bench-server.mjs'
import { watchMachine } from './machine-load.mjs'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const SCALE = Math.min(1, Math.max(0.001, Number(process.env['BENCH_SEARCH_SCALE'] ?? 1)))
const ARTICLES = Math.round(10_000 * SCALE)
const ANNOTATIONS = Math.round(50_000 * SCALE)
const QUERIES = 200
const TARGETS = { queryP95: 20, coldOpen: 1000, longestTask: 50 }

// ---- A deterministic corpus ----

let seed = 42
function random() {
  seed = (seed * 1664525 + 1013904223) >>> 0
  return seed / 2 ** 32
}
const pick = (list) => list[Math.floor(random() * list.length)]

const ENGLISH = (
  'the government ministry police officials trafficking victims border province court law ' +
  'report task force cooperation minister workers migrants children women labour fishing ' +
  'investigation arrested rescued training awareness campaign village district thailand ' +
  'cambodia vietnam china international agreement memorandum prosecution sentenced brokers ' +
  'recruitment agency passport deported returned shelter support funding committee national'
).split(' ')
const KHMER = [
  'ការ',
  'ជួញដូរ',
  'មនុស្ស',
  'គឺជា',
  'បញ្ហា',
  'ធំ',
  'រដ្ឋាភិបាល',
  'ក្រសួង',
  'ប៉ូលិស',
  'ជនរងគ្រោះ',
  'ព្រំដែន',
  'ខេត្ត',
  'តុលាការ',
  'ច្បាប់',
  'កម្មករ',
  'កុមារ',
  'ស្ត្រី',
]

// A vocabulary of 20,000 made-up words besides the topical ones, drawn with a Zipf-like skew,
// so words are about as selective as in real text.
const SYLLABLES = 'ka lo mi ne su ta ri po ve da chi ran tol mes ber gan vin dor pel sak'.split(' ')
const VOCABULARY = Array.from({ length: 20_000 }, (_, i) => {
  let word = ''
  for (let n = i + 1; n > 0; n = Math.floor(n / SYLLABLES.length))
    word += SYLLABLES[n % SYLLABLES.length]
  return word
})
const KHMER_SIGNS = ['ា', 'ិ', 'ី', 'ុ', 'ូ', 'េ', 'ោ']
const KHMER_VOCABULARY = Array.from({ length: 3000 }, (_, i) => {
  const consonants = 'កខគឃងចឆជឈញដឋឌឍណតថទធនបផពភមយរលវសហឡអ'
  return (
    consonants[i % consonants.length] +
    KHMER_SIGNS[i % KHMER_SIGNS.length] +
    consonants[Math.floor(i / consonants.length) % consonants.length]
  )
})
const zipf = (list) => list[Math.floor(list.length * random() ** 3)]

function paragraph(khmer) {
  const words = []
  const n = 60 + Math.floor(random() * 40)
  for (let i = 0; i < n; i++)
    words.push(
      random() < 0.15 ? pick(khmer ? KHMER : ENGLISH) : zipf(khmer ? KHMER_VOCABULARY : VOCABULARY),
    )
  return khmer ? words.join('\u200B') + '។' : words.join(' ') + '.'
}

function article(i) {
  const khmer = i % 4 === 0
  const paragraphs = []
  // ~800 words: ten paragraphs of 60–100 words.
  for (let p = 0; p < 10; p++) paragraphs.push(paragraph(khmer && p % 2 === 0))
  const year = 2000 + (i % 24)
  return {
    id: `a-${i}`,
    title: `${pick(ENGLISH)} ${pick(ENGLISH)} ${pick(ENGLISH)} ${i}`,
    body: paragraphs.join('\n\n'),
    date: Date.UTC(year, i % 12, 1 + (i % 28)),
  }
}

/** The query classes, in the order `queries` cycles through them. */
const CLASSES = ['words', 'prefixes', 'phrases', 'misspellings', 'Khmer']

function queries() {
  const list = []
  for (let i = 0; i < QUERIES; i++) {
    const word = pick(ENGLISH)
    switch (i % 5) {
      case 0:
        list.push(word)
        break
      case 1:
        list.push(word.slice(0, Math.max(2, Math.ceil(word.length / 2))))
        break
      case 2:
        list.push(`"${word} ${pick(ENGLISH)}"`)
        break
      case 3:
        // A misspelling: one letter dropped.
        list.push(word.length > 5 ? word.slice(0, 2) + word.slice(3) : `${word}s`)
        break
      default:
        list.push(pick(KHMER) + pick(KHMER))
    }
  }
  return list
}

function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN
}

// ---- Node: the index itself ----

async function bundleEngine(outDir) {
  await build({
    configFile: false,
    logLevel: 'warn',
    resolve: {
      alias: {
        $lib: join(ROOT, 'src/renderer/src/lib'),
        $shared: join(ROOT, 'src/shared'),
      },
    },
    build: {
      outDir,
      emptyOutDir: true,
      minify: false,
      lib: {
        entry: {
          engine: join(ROOT, 'src/renderer/src/lib/domain/search/engine.ts'),
          sources: join(ROOT, 'src/renderer/src/lib/domain/search/sources.ts'),
        },
        formats: ['es'],
      },
      rolldownOptions: { external: [] },
    },
  })
  return {
    engine: await import(pathToFileURL(join(outDir, 'engine.js')).href),
    sources: await import(pathToFileURL(join(outDir, 'sources.js')).href),
  }
}

async function benchNode(results) {
  const dir = await mkdtemp(join(tmpdir(), 'sourceline-bench-search-'))
  try {
    const { engine, sources } = await bundleEngine(dir)
    const all = []
    const bodies = []
    for (let i = 0; i < ARTICLES; i++) {
      const a = article(i)
      bodies.push(a)
      all.push(sources.articleSource(a))
    }
    for (let i = 0; i < ANNOTATIONS; i++) {
      const a = bodies[i % bodies.length]
      if (i % 2 === 0)
        all.push(
          sources.noteSource({
            id: `n-${i}`,
            eventId: `e-${i % 500}`,
            eventTitle: `Event ${i % 500}`,
            body: `${pick(ENGLISH)} ${pick(ENGLISH)} ${pick(ENGLISH)} check ${pick(ENGLISH)}`,
            date: a.date,
          }),
        )
      else
        all.push(
          sources.highlightSource({
            id: `h-${i}`,
            articleId: a.id,
            quote: a.body.slice(0, 80),
            start: 0,
            note: `${pick(ENGLISH)} ${pick(ENGLISH)}`,
            tags: [pick(['key', 'figure', 'quote'])],
            date: a.date,
          }),
        )
    }

    let started = performance.now()
    const index = engine.SearchIndex.empty()
    index.put(all)
    const buildMs = performance.now() - started
    results.push(['index build (Node, one thread)', buildMs, 'ms', null])

    const times = []
    const byClass = CLASSES.map(() => [])
    let hits = 0
    queries().forEach((q, i) => {
      const t = performance.now()
      hits += index.search(q, {}, 50).total > 0 ? 1 : 0
      times.push(performance.now() - t)
      byClass[i % CLASSES.length].push(times.at(-1))
    })
    results.push(['query p50', quantile(times, 0.5), 'ms', null])
    results.push(['query p95', quantile(times, 0.95), 'ms', TARGETS.queryP95])
    CLASSES.forEach((name, c) => {
      results.push([`query p50: ${name}`, quantile(byClass[c], 0.5), 'ms', null])
      results.push([`query p95: ${name}`, quantile(byClass[c], 0.95), 'ms', null])
    })
    results.push(['queries with results', hits, `of ${QUERIES}`, null])

    started = performance.now()
    const stored = index.toStored()
    const saveMs = performance.now() - started
    // IndexedDB keeps records by structured clone, which is what v8.serialize does.
    const record = serialize(stored)
    results.push(['stored index size', record.length / 1e6, 'MB', null])
    results.push(['pack index for storing', saveMs, 'ms', null])

    // Cold open: read the stored record back, load it and answer a first query.
    started = performance.now()
    const read = deserialize(record)
    const readMs = performance.now() - started
    const reopened = engine.SearchIndex.load(read)
    const loadMs = performance.now() - started - readMs
    reopened.search('trafficking victims')
    results.push([
      'cold open with stored index',
      performance.now() - started,
      'ms',
      TARGETS.coldOpen,
    ])
    results.push(['cold open: read the record', readMs, 'ms', null])
    results.push(['cold open: load it', loadMs, 'ms', null])
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

// ---- Chromium: the app's main thread while the worker indexes ----

async function benchBrowser(results) {
  if (process.env['BENCH_SEARCH_BROWSER'] === '0') return 'skipped (BENCH_SEARCH_BROWSER=0)'
  if (!existsSync(join(ROOT, 'out', 'renderer', 'index.html')))
    return 'skipped: out/renderer is missing (run `npx electron-vite build`)'
  const { chromium } = await import('@playwright/test')
  const server = await startServer()
  const profile = await mkdtemp(join(tmpdir(), 'sourceline-bench-profile-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    args: [...CHROMIUM_ARGS],
  })
  try {
    // As someone past the first start's orientation, which would sit over the screen.
    await context.addInitScript(() =>
      localStorage.setItem('sourceline.layout', '{"orientationDone":true}'),
    )
    const page = context.pages()[0] ?? (await context.newPage())
    await page.goto(server.url)
    await page.getByTestId('search-open').waitFor()
    // Imported articles and notes, written straight into the app's store in batches.
    const articles = []
    for (let i = 0; i < ARTICLES; i++) articles.push(article(i))
    for (let from = 0; from < articles.length; from += 500) {
      const batch = articles.slice(from, from + 500)
      await page.evaluate(
        ({ batch, offset }) =>
          new Promise((done, fail) => {
            const open = indexedDB.open('sourceline')
            open.onerror = () => fail(open.error)
            open.onsuccess = () => {
              const db = open.result
              const tx = db.transaction(['articles', 'notes'], 'readwrite')
              batch.forEach((a, k) => {
                const sha = (offset + k).toString(16).padStart(64, '0')
                tx.objectStore('articles').put({
                  id: `bench-${offset + k}`,
                  title: a.title,
                  outlet: null,
                  byline: null,
                  published: { edtf: new Date(a.date).toISOString().slice(0, 10), note: 'bench' },
                  url: null,
                  body: a.body,
                  original: a.body,
                  originalName: `bench-${offset + k}.txt`,
                  mediaType: 'text/plain',
                  sha256: sha,
                  importedAt: 1,
                  updatedAt: 1,
                })
                for (let n = 0; n < 5; n++)
                  tx.objectStore('notes').put({
                    id: `bench-note-${offset + k}-${n}`,
                    eventId: 'national-task-force',
                    body: `bench note ${offset + k} ${n} about trafficking`,
                    createdAt: 1,
                    updatedAt: 1,
                  })
              })
              tx.oncomplete = () => {
                db.close()
                done(undefined)
              }
              tx.onerror = () => fail(tx.error)
            }
          }),
        { batch, offset: from },
      )
    }
    // Reopen: the index has all of it to do. Long tasks on the main thread are recorded meanwhile.
    await page.addInitScript(() => {
      const w = /** @type {any} */ (window)
      w.__longTasks = []
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries())
          w.__longTasks.push({ start: entry.startTime, duration: entry.duration })
      }).observe({ type: 'longtask', buffered: true })
    })
    // BENCH_SEARCH_PROFILE=file.cpuprofile: the main thread's CPU profile from the reload (the
    // app's start) to the end of indexing.
    const profilePath = process.env['BENCH_SEARCH_PROFILE']
    const cdp = profilePath ? await context.newCDPSession(page) : null
    if (cdp) {
      await cdp.send('Profiler.enable')
      await cdp.send('Profiler.start')
    }
    await page.reload()
    await page.getByTestId('search-open').waitFor({ timeout: 120_000 })
    const indexingStarted = Date.now()
    await page.getByTestId('search-open').click()
    await page.getByTestId('search-input').fill('trafficking')
    await page.getByTestId('search-count').waitFor({ timeout: 600_000 })
    // From here on only the indexing (batches sent, progress and results refreshed) is counted;
    // the app's start and the opening of the search view are counted in the figure before.
    const opened = await page.evaluate(() => performance.now())
    await page.getByTestId('search-incomplete').waitFor({ state: 'detached', timeout: 1_800_000 })
    if (cdp && profilePath) {
      const { profile } = await cdp.send('Profiler.stop')
      await writeFile(profilePath, JSON.stringify(profile))
    }
    const indexingMs = Date.now() - indexingStarted
    /** @type {{ start: number, duration: number }[]} */
    const longTasks = await page.evaluate(() => /** @type {any} */ (window).__longTasks)
    if (process.env['BENCH_SEARCH_TASKS'])
      console.log('counted from', opened, 'long tasks', longTasks)
    results.push(['index build in the app (worker)', indexingMs, 'ms', null])
    results.push([
      'longest main-thread task (app start, opening search, indexing)',
      Math.max(0, ...longTasks.map((t) => t.duration)),
      'ms',
      null,
    ])
    results.push([
      'longest main-thread task while the worker indexes',
      Math.max(0, ...longTasks.filter((t) => t.start >= opened).map((t) => t.duration)),
      'ms',
      TARGETS.longestTask,
    ])
    // Let the worker store the index, then reopen: time to the first result from the stored index.
    await page.waitForTimeout(4000)
    // With BENCH_SEARCH_PROFILE, the reopen's profile goes beside it (<file>.reopen.cpuprofile).
    if (cdp) await cdp.send('Profiler.start')
    const started = Date.now()
    await page.reload()
    await page.getByTestId('search-open').waitFor({ timeout: 120_000 })
    await page.getByTestId('search-open').click()
    await page.getByTestId('search-input').fill('trafficking')
    await page.getByTestId('search-count').waitFor({ timeout: 120_000 })
    results.push(['app reopen to first result (stored index)', Date.now() - started, 'ms', null])
    if (cdp && profilePath) {
      const { profile } = await cdp.send('Profiler.stop')
      await writeFile(
        profilePath.replace(/(\.cpuprofile)?$/, '.reopen.cpuprofile'),
        JSON.stringify(profile),
      )
    }
    return null
  } finally {
    await context.close()
    server.stop()
    await rm(profile, { recursive: true, force: true })
  }
}

// ---- Report ----

const results = []
const watch = watchMachine()
console.log(
  `Search benchmark: ${ARTICLES} articles of ~800 words (a quarter Khmer), ` +
    `${ANNOTATIONS} notes and highlights${SCALE < 1 ? ` (scale ${SCALE})` : ''}.`,
)
if (process.env['BENCH_SEARCH_NODE'] !== '0') await benchNode(results)
/** @type {string | null} */
let browserNote
try {
  browserNote = await benchBrowser(results)
} catch (error) {
  browserNote = `failed: ${error instanceof Error ? error.message : String(error)}`
}
if (browserNote) console.log(`Chromium part ${browserNote}`)

const rows = results.map(([metric, value, unit, target]) => ({
  metric,
  value: Math.round(value * 10) / 10,
  unit,
  target: target === null ? '' : `≤ ${target} ${unit}`,
  met: target === null ? '' : value <= target ? 'yes' : 'NO',
}))
console.table(rows)
const machine = watch.stop()
console.log(
  machine.busy
    ? `The machine was busy (${machine.words}): these figures are not a verdict; rerun on a quiet one.`
    : `The machine was quiet (${machine.words}).`,
)

const out = join(ROOT, 'bench-results')
await mkdir(out, { recursive: true })
const file = join(out, `search-${new Date().toISOString().replace(/[:.]/g, '-')}.json`)
await writeFile(
  file,
  JSON.stringify(
    {
      date: new Date().toISOString(),
      scale: SCALE,
      articles: ARTICLES,
      annotations: ANNOTATIONS,
      queries: QUERIES,
      cpus: cpus().length,
      machine,
      node: process.version,
      browser: browserNote ?? 'measured',
      results: rows,
    },
    null,
    2,
  ),
)
console.log(`Written to ${file}`)

/**
 * `npm run bench`: a few numbers about the built app, to compare between changes on one machine.
 * Serves out/renderer, drives Chromium through Playwright and measures time until the timeline shows
 * its items (first open on an empty profile, and reopening it), JS heap after load, raw IndexedDB
 * write throughput, and the pure event → timeline item mapping in Node; then large generated
 * projects (bench-scale.mjs) with raw vis-timeline beside them and a verdict against the targets.
 * Prints tables and writes bench-results/bench-<date>.json. Nothing here fails on a slow result.
 * Then runs the search benchmark (bench-search.mjs) in its own process.
 *   npm run bench -- --sizes 1000,10000 [--scale-only] [--no-search | --search-only]
 *                    [--phases check,import,undo,redo,reload,zoom,filter,table,exports,lists,raw]
 * `--help` says what each option and phase does (bench-phases.mjs).
 */
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { cpus, loadavg, tmpdir, totalmem } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { CHROMIUM_ARGS, findChromium } from './find-browser.mjs'
import { startServer } from './bench-server.mjs'
import { watchMachine } from './machine-load.mjs'
import { ZOOM_PAN, benchAppAt, benchRawAt, targetsFor, verdict } from './bench-scale.mjs'
import { PHASES_USAGE, resolvePhases } from './bench-phases.mjs'

const ZOOM_PAN_KEYS = ZOOM_PAN.length

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const RENDERER_DIR = resolve(
  process.env['SOURCELINE_RENDERER_DIR'] ?? join(ROOT, 'out', 'renderer'),
)
const RUNS = Math.max(1, Number(process.env['BENCH_RUNS'] ?? 5))
const NOTES = 2000
const EVENTS = 10_000
const TIMELINE_ITEMS = '[data-testid="timeline"] .vis-item-content'

/** `--sizes 1000,10000`: the project sizes of the large-project runs (default 1k to 100k). */
function argument(name) {
  const at = process.argv.indexOf(`--${name}`)
  if (at < 0) return null
  return process.argv[at + 1] ?? ''
}
const SIZES = (argument('sizes') ?? '1000,10000,50000,100000')
  .split(',')
  .map((s) => Number(s.replace(/_/g, '').trim()))
  .filter((n) => Number.isInteger(n) && n > 0)
/** `--scale-only`: skip the small-corpus figures above (load, IndexedDB, mapping). */
const SCALE_ONLY = process.argv.includes('--scale-only')
/** `--no-search` leaves the search benchmark out; `--search-only` runs only it. */
const NO_SEARCH = process.argv.includes('--no-search')
const SEARCH_ONLY = process.argv.includes('--search-only')

const USAGE = `Usage: node scripts/bench.mjs [options]   (npm run bench -- [options]; needs \`npx electron-vite build\`)
  --sizes 1000,10000      sizes of the large-project runs (default 1000,10000,50000,100000)
  --phases a,b,c          the large-project phases to run (default all; env BENCH_PHASES)
  --scale-only            skip the small-corpus figures (load, IndexedDB, mapping)
  --no-search             leave the search benchmark out; --search-only runs only it
  --help                  this text
Environment: BENCH_RUNS=<n> runs of the small-corpus figures (5); BENCH_ZOOM_RUNS=<n> plays the
zoom/pan script n times and pools the frames (1); BENCH_PROFILE=<dir> records a CPU profile of each
phase and prints where its time went; BENCH_TRACE=<dir> (instead) writes a light Chrome trace of
each phase and prints what ran in each task over 50 ms, garbage-collection pauses included.
${PHASES_USAGE}`

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log(USAGE)
  process.exit(0)
}

/** The phases of each size, from `--phases` or else BENCH_PHASES; an unknown name ends the run. */
let PHASES
try {
  PHASES = resolvePhases(argument('phases') ?? process.env['BENCH_PHASES'] ?? null)
} catch (error) {
  console.error(`${error instanceof Error ? error.message : error}\n\n${USAGE}`)
  process.exit(2)
}
const APP_PHASES = [...PHASES.run].filter((p) => p !== 'raw')

/** @type {{ metric: string, unit: string, values: number[], detail: string | null }[]} */
const results = []
/** @type {string[]} */
const notes = []

/** `metric` stays the same between versions so result files compare; `detail` says what was seen. */
function record(metric, unit, values, detail = null) {
  results.push({ metric, unit, values, detail })
}

function skip(what, why) {
  const line = `skipped: ${what}: ${why}`
  notes.push(line)
  console.log(line)
}

function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b)
  // Nearest rank: with a handful of runs, p95 is the slowest run, which is what it should say.
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN
}

/** One browser launch on `profileDir`: ms from navigation start until timeline items show, heap. */
async function openApp(chromium, launch, profileDir, url) {
  const context = await chromium.launchPersistentContext(profileDir, launch)
  try {
    const page = context.pages()[0] ?? (await context.newPage())
    const cdp = await context.newCDPSession(page)
    await page.goto(url)
    const shownAt = await page.waitForFunction(
      (selector) => document.querySelectorAll(selector).length > 0 && performance.now(),
      TIMELINE_ITEMS,
      { polling: 'raf', timeout: 60_000 },
    )
    const ms = Number(await shownAt.jsonValue())
    // Let the first frames and any deferred work settle, then count and measure what stays.
    await page.waitForTimeout(500)
    const items = await page.locator(TIMELINE_ITEMS).count()
    await cdp.send('HeapProfiler.collectGarbage')
    await cdp.send('Performance.enable')
    const { metrics } = await cdp.send('Performance.getMetrics')
    const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN
    return { ms, items, heapMb: heap / 2 ** 20 }
  } finally {
    await context.close()
  }
}

async function benchLoad(chromium, launch, url) {
  const cold = { ms: [], heap: [] }
  const warm = { ms: [], heap: [] }
  let items = 0
  for (let run = 0; run < RUNS; run++) {
    const profileDir = await mkdtemp(join(tmpdir(), 'sourceline-bench-'))
    try {
      const first = await openApp(chromium, launch, profileDir, url)
      const again = await openApp(chromium, launch, profileDir, url)
      cold.ms.push(first.ms)
      cold.heap.push(first.heapMb)
      warm.ms.push(again.ms)
      warm.heap.push(again.heapMb)
      items = first.items
      process.stdout.write('.')
    } finally {
      await rm(profileDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 })
    }
  }
  process.stdout.write('\n')
  const shown = `${items} timeline items`
  record('timeline shows items, first open (new profile)', 'ms', cold.ms, shown)
  record('timeline shows items, reopened (same profile)', 'ms', warm.ms, shown)
  record('JS heap after load and GC, first open', 'MB', cold.heap)
  record('JS heap after load and GC, reopened', 'MB', warm.heap)
}

/** Runs in the page: writes `n` note-like records to a database of its own, returns ms. */
async function writeNotes({ n, oneTransaction, run }) {
  const name = 'sourceline-bench'
  const request = (r) =>
    new Promise((ok, fail) => {
      r.onsuccess = () => ok(r.result)
      r.onerror = () => fail(r.error)
    })
  const committed = (tx) =>
    new Promise((ok, fail) => {
      tx.oncomplete = () => ok(undefined)
      tx.onerror = () => fail(tx.error)
      tx.onabort = () => fail(tx.error)
    })
  await request(indexedDB.deleteDatabase(name))
  const opening = indexedDB.open(name, 1)
  opening.onupgradeneeded = () => opening.result.createObjectStore('notes', { keyPath: 'id' })
  const db = await request(opening)
  const note = (i) => ({
    id: `note-${run}-${i}`,
    eventId: `event-${i % 50}`,
    body: `Note ${i}: the second source gives a different date for this.`,
    createdAt: Date.now(),
    updatedAt: Date.now(),
  })
  const start = performance.now()
  if (oneTransaction) {
    const tx = db.transaction('notes', 'readwrite')
    const store = tx.objectStore('notes')
    for (let i = 0; i < n; i++) store.put(note(i))
    await committed(tx)
  } else {
    for (let i = 0; i < n; i++) {
      const tx = db.transaction('notes', 'readwrite')
      tx.objectStore('notes').put(note(i))
      await committed(tx)
    }
  }
  const ms = performance.now() - start
  db.close()
  await request(indexedDB.deleteDatabase(name))
  return ms
}

async function benchIndexedDb(chromium, launch, url) {
  const profileDir = await mkdtemp(join(tmpdir(), 'sourceline-bench-'))
  const context = await chromium.launchPersistentContext(profileDir, launch)
  const one = []
  const many = []
  try {
    const page = context.pages()[0] ?? (await context.newPage())
    // A page on the app's origin that does not run the app, so nothing else competes for the disk.
    await page.goto(new URL('__bench__', url).href)
    for (let run = 0; run < RUNS; run++) {
      one.push(await page.evaluate(writeNotes, { n: NOTES, oneTransaction: true, run }))
      many.push(await page.evaluate(writeNotes, { n: NOTES, oneTransaction: false, run }))
      process.stdout.write('.')
    }
    process.stdout.write('\n')
  } finally {
    await context.close()
    await rm(profileDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 })
  }
  record(`IndexedDB: ${NOTES} notes in 1 transaction`, 'ms', one)
  record(`IndexedDB: ${NOTES} notes in ${NOTES} transactions`, 'ms', many)
}

const SYNTHETIC_DATES = [
  '2007-12-12',
  '2022-07',
  '2008',
  '2010~',
  '2015-03?',
  '2001-05-04%',
  '2010/2012',
  '2019-02/..',
  '../2003',
  '201X',
  null,
]

function syntheticEvents(count, categories) {
  return Array.from({ length: count }, (_, i) => ({
    id: `event-${i}`,
    title: `Synthetic event ${i}`,
    summary: 'A synthetic event for the benchmark.',
    date: { edtf: SYNTHETIC_DATES[i % SYNTHETIC_DATES.length], note: 'synthetic' },
    category: categories[i % categories.length],
    people: [],
    organisations: [],
    evidence: [],
  }))
}

async function benchMapping() {
  const file = join(ROOT, 'src', 'renderer', 'src', 'lib', 'domain', 'timeline-items.ts')
  if (!existsSync(file)) return skip('event mapping', `${file} does not exist`)
  let runnerImport
  try {
    ;({ runnerImport } = await import('vite'))
  } catch (error) {
    return skip('event mapping', `cannot load vite (${error})`)
  }
  const config = {
    configFile: false,
    logLevel: 'silent',
    root: ROOT,
    resolve: {
      alias: { $lib: join(ROOT, 'src/renderer/src/lib'), $shared: join(ROOT, 'src/shared') },
    },
  }
  let items, dates
  try {
    items = (await runnerImport(file, config)).module
    dates = (await runnerImport(join(dirname(file), 'dates.ts'), config)).module
  } catch (error) {
    return skip('event mapping', `cannot import the domain modules (${error})`)
  }
  const { toTimelineItem, timelineGroups } = items
  if (typeof toTimelineItem !== 'function') {
    return skip('event mapping', 'timeline-items.ts exports no toTimelineItem')
  }
  const categories =
    typeof timelineGroups === 'function' ? timelineGroups().map((g) => g.id) : ['law-policy']
  const events = syntheticEvents(EVENTS, categories)
  const mapAll = () => {
    let drawn = 0
    for (const [i, event] of events.entries()) if (toTimelineItem(event, i % 3, '')) drawn++
    return drawn
  }
  let drawn
  try {
    drawn = mapAll() // warm-up, and proof that the synthetic events are accepted
  } catch (error) {
    return skip('event mapping', `the mapping rejected a synthetic event (${error})`)
  }
  const mapped = `${EVENTS} synthetic events, ${drawn} drawn`
  record(`Node: map ${EVENTS} events to timeline items`, 'ms', timeRuns(mapAll), mapped)

  // The view also puts each date in words (the tooltip): timed apart so each cost is visible.
  const { describeDate } = dates
  if (typeof describeDate !== 'function')
    return skip('dates in words', 'dates.ts exports no describeDate')
  const describeAll = () => {
    for (const event of events) if (event.date.edtf !== null) describeDate(event.date)
  }
  try {
    describeAll()
  } catch (error) {
    return skip('dates in words', `describeDate rejected a synthetic date (${error})`)
  }
  record(`Node: ${EVENTS} events' dates in words`, 'ms', timeRuns(describeAll), `${drawn} dated`)
}

function timeRuns(fn) {
  const times = []
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now()
    fn()
    times.push(performance.now() - start)
  }
  return times
}

function printTable(rows) {
  const header = ['metric', 'median', 'p95', 'runs']
  const body = rows.map((r) => [
    r.detail ? `${r.metric}, ${r.detail}` : r.metric,
    `${r.median} ${r.unit}`,
    `${r.p95} ${r.unit}`,
    r.runs,
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => String(r[i]).length)))
  const line = (cells) =>
    cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i])))
  console.log('\n' + line(header).join('  '))
  console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  for (const row of body) console.log(line(row).join('  '))
}

/** Large-project runs, one entry per size: the app's figures, raw vis-timeline's, the verdict. */
const scale = []

function firstLine(error) {
  return String(error instanceof Error ? error.message : error).split('\n')[0]
}

const round = (v) =>
  typeof v === 'string'
    ? v
    : typeof v === 'number' && Number.isFinite(v)
      ? Number(v.toFixed(1))
      : '—'

function printScale(entry) {
  const { size, app, raw, verdict: checks } = entry
  console.log(
    `\n${size.toLocaleString('en')} events` +
      (app ? `, ${app.records} records, ${app.fileMb} MB file` : ''),
  )
  if (app) {
    const lines = [
      ['check the file (preview)', app.check?.ms, app.check?.longestTaskMs],
      ['import to timeline drawn', app.import?.ms, app.import?.longestTaskMs],
      ['reload to timeline visible', app.visibleMs, app.reload?.longestTaskMs],
      ['reload to every event read', app.fullMs, app.reload?.longestTaskMs],
      [
        'zoom/pan frame p50 / p95',
        `${round(app.zoomPan?.p50)} / ${round(app.zoomPan?.p95)}`,
        app.zoomPan?.longestTaskMs,
      ],
      ['filter one category', app.filter?.ms, app.filter?.longestTaskMs],
      ['clear the filter', app.filterClear?.ms, app.filterClear?.longestTaskMs],
      ['switch to table', app.toTable?.ms, app.toTable?.longestTaskMs],
      [
        'table scroll frame p50 / p95',
        `${round(app.tableScroll?.p50)} / ${round(app.tableScroll?.p95)}`,
        null,
      ],
      ['back to timeline', app.toTimeline?.ms, app.toTimeline?.longestTaskMs],
      ['export Markdown', app['export-markdown']?.ms, app['export-markdown']?.longestTaskMs],
      ['export CSV', app['export-csv']?.ms, app['export-csv']?.longestTaskMs],
      ['export HTML', app['export-html']?.ms, app['export-html']?.longestTaskMs],
      [
        'annotations list scroll frame p50 / p95',
        `${round(app.annotationsScroll?.p50)} / ${round(app.annotationsScroll?.p95)}`,
        app.annotationsScroll?.longestTaskMs,
      ],
      ['undo the import', app.undo?.ms, app.undo?.longestTaskMs],
      ['redo the import', app.redo?.ms, app.redo?.longestTaskMs],
    ]
    const width = Math.max(...lines.map((l) => l[0].length))
    console.log(`  ${'step'.padEnd(width)}  ${'ms'.padStart(13)}  longest task ms`)
    for (const [what, ms, task] of lines)
      console.log(
        `  ${what.padEnd(width)}  ${String(round(ms)).padStart(13)}  ${String(round(task)).padStart(8)}`,
      )
    if (app.zoomPan?.late)
      console.log(
        `  zoom/pan: ${app.zoomPan.frames} frames, p99 ${round(app.zoomPan.p99)} ms, ` +
          `late (over 20 ms) after the key: ` +
          (Object.entries(app.zoomPan.late)
            .map(([key, n]) => `${key} ${n}`)
            .join(', ') || 'none'),
      )
    console.log(
      `  import rate ${round(app.import?.recordsPerS)} records/s; heap ${round(app.heapMb)} MB; ` +
        `table DOM ${app.tableScroll?.domNodes ?? '—'} elements; annotations list ` +
        `${app.annotationsScroll?.items ?? '—'} of ${app.annotationsScroll?.notes ?? '—'} notes drawn, ` +
        `DOM ${app.annotationsScroll?.domNodes ?? '—'} elements`,
    )
  }
  if (raw) {
    const ratio = (a, b) => (a && b ? `${(a / b).toFixed(2)}×` : '—')
    console.log(
      raw.error
        ? `  raw vis-timeline: ${raw.error}` +
            (raw.visibleAtLeastMs && app?.visibleMs
              ? `; app ÷ raw: visible < ${(app.visibleMs / raw.visibleAtLeastMs).toFixed(4)}× ` +
                `(raw took over ${raw.visibleAtLeastMs / 1000} s)`
              : '')
        : `  raw vis-timeline, ${size} plain items: visible ${round(raw.visibleMs)} ms, frame p50 / p95 ` +
            `${round(raw.zoomPan?.p50)} / ${round(raw.zoomPan?.p95)} ms` +
            (raw.zoomPan && raw.zoomPan.keys < ZOOM_PAN_KEYS
              ? ` (stopped after ${raw.zoomPan.keys} of ${ZOOM_PAN_KEYS} keys, a minute)`
              : '') +
            `; app ÷ raw: visible ` +
            `${ratio(app?.visibleMs, raw.visibleMs)}, frame p95 ${ratio(app?.zoomPan?.p95, raw.zoomPan?.p95)}`,
    )
  }
  const t = targetsFor(size)
  // Only raw vis-timeline ran at this size: there is nothing of the app to judge.
  if (checks.length > 0)
    console.log(
      `  verdict (targets for ${size.toLocaleString('en')}: frame p95 ≤ ${t.frameP95Ms} ms):`,
    )
  for (const c of checks)
    console.log(
      `    ${c.met ? 'MET    ' : 'NOT MET'}  ${c.what}: ${c.value ?? 'not measured'} (${c.limit})`,
    )
  if (entry.machine?.busy)
    console.log(
      `  the machine was busy (${entry.machine.words} during this size's runs): these figures ` +
        `are not a verdict; rerun on a quiet one`,
    )
  else if (entry.machine) console.log(`  the machine was quiet (${entry.machine.words})`)
}

function gitCommit() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: ROOT,
      encoding: 'utf8',
    }).trim()
  } catch {
    return null
  }
}

async function main() {
  const started = performance.now()
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    console.error(`No built renderer in ${RENDERER_DIR}. Run \`npx electron-vite build\` first.`)
    return 1
  }

  if (!SCALE_ONLY) await benchMapping()

  let browserVersion = null
  let chromium
  try {
    ;({ chromium } = await import('@playwright/test'))
  } catch (error) {
    skip('browser measurements', `cannot load @playwright/test (${error})`)
  }
  if (chromium) {
    const executablePath = findChromium()
    const launch = { executablePath, args: [...CHROMIUM_ARGS], headless: true }
    const server = await startServer(RENDERER_DIR)
    console.log(`app at ${server.url}, browser ${executablePath ?? "Playwright's Chromium"}`)
    try {
      const probe = await chromium.launch(launch)
      browserVersion = probe.version()
      await probe.close()
      if (!SCALE_ONLY) {
        console.log(`load runs (${RUNS} × new profile + reopen)`)
        try {
          await benchLoad(chromium, launch, server.url)
        } catch (error) {
          skip('timeline load', firstLine(error))
        }
        console.log(`IndexedDB runs (${RUNS})`)
        await benchIndexedDb(chromium, launch, server.url)
      }
      if (SIZES.length > 0)
        console.log(
          `phases: ${[...PHASES.run].join(', ')}` +
            PHASES.added.map(({ phase, by }) => `; ${phase} added (${by})`).join(''),
        )
      for (const size of SIZES) {
        console.log(`large project, ${size.toLocaleString('en')} events`)
        const entry = { size, app: null, raw: null, verdict: [], machine: null }
        const watch = watchMachine()
        if (APP_PHASES.length > 0)
          try {
            entry.app = await benchAppAt(
              chromium,
              launch,
              server.url,
              size,
              console.log,
              PHASES.run,
            )
            entry.verdict = verdict(entry.app)
          } catch (error) {
            skip(`large project ${size}`, firstLine(error))
          }
        entry.machine = watch.stop()
        // The app's figures first: raw vis-timeline at 100k can take minutes.
        if (entry.app) printScale(entry)
        if (PHASES.run.has('raw'))
          entry.raw = await benchRawAt(chromium, launch, ROOT, size, console.log)
        scale.push(entry)
      }
    } finally {
      server.stop()
    }
  }

  const rows = results.map((r) => ({
    metric: r.metric,
    detail: r.detail,
    unit: r.unit,
    median: Number(quantile(r.values, 0.5).toFixed(1)),
    p95: Number(quantile(r.values, 0.95).toFixed(1)),
    runs: r.values.length,
    values: r.values.map((v) => Number(v.toFixed(2))),
  }))
  if (rows.length > 0) printTable(rows)
  for (const entry of scale) printScale(entry)
  for (const note of notes) console.log(note)

  const date = new Date()
  const report = {
    date: date.toISOString(),
    commit: gitCommit(),
    machine: {
      platform: `${process.platform} ${process.arch}`,
      cpus: cpus().length,
      loadAverageAtEnd: loadavg().map((l) => Number(l.toFixed(2))),
      cpuModel: cpus()[0]?.model ?? null,
      memoryGb: Number((totalmem() / 2 ** 30).toFixed(1)),
      node: process.version,
      browser: browserVersion,
    },
    results: rows,
    phases: [...PHASES.run],
    scale,
    notes,
    totalSeconds: Number(((performance.now() - started) / 1000).toFixed(1)),
  }
  const dir = join(ROOT, 'bench-results')
  await mkdir(dir, { recursive: true })
  const file = join(dir, `bench-${date.toISOString().replace(/[:.]/g, '-')}.json`)
  await writeFile(file, JSON.stringify(report, null, 2) + '\n')
  console.log(`\n${report.totalSeconds} s; wrote ${file}`)
  return 0
}

/** The search benchmark, as `node scripts/bench-search.mjs` would run it; its exit code. */
function benchSearch() {
  try {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'bench-search.mjs')], {
      cwd: ROOT,
      stdio: 'inherit',
    })
    return 0
  } catch (error) {
    return typeof error?.status === 'number' ? error.status : 1
  }
}

const appCode = SEARCH_ONLY ? 0 : await main()
process.exitCode = appCode !== 0 || NO_SEARCH ? appCode : benchSearch()

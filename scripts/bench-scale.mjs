/**
 * The large-project part of `npm run bench`: for each size, a generated project file
 * (scripts/generate-project.mjs) imported through the Project file screen as a user would, then
 * reload, zoom and pan, a filter, the table, three exports and undo of the import, each timed with
 * the longest main-thread task it caused (PerformanceObserver 'longtask'); the phases to run are
 * chosen by bench.mjs (bench-phases.mjs). Beside it, raw vis-timeline given the same number of
 * plain items on a bare page, and the ratio. Returns the figures; bench.mjs prints them and the
 * verdict against the targets (docs/decisions/0017-scale-timeline-windowing.md).
 */
import { mkdir, open, readFile, rm, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generateProject, recordCount } from './generate-project.mjs'

const BUNDLED_EVENTS = 23
const ITEMS = '[data-testid="timeline"] .vis-item-content'
/** Keys the zoom/pan script presses on the timeline, 150 ms apart. */
export const ZOOM_PAN = [
  '+',
  '+',
  '+',
  'ArrowRight',
  'ArrowRight',
  'ArrowLeft',
  '+',
  '+',
  'ArrowRight',
]
  .concat(['ArrowRight', '-', '-', '-', 'ArrowLeft', '-', '-', '-', '0'])
  .concat(['+', 'ArrowLeft', 'ArrowLeft', '+', 'ArrowRight', '-', '0'])

/** The targets of issue 10, per size. */
export function targetsFor(size) {
  return {
    visibleMs: 1000,
    frameP95Ms: size >= 50_000 ? 33 : 17,
    longestTaskMs: 100,
    importRecordsPerS: 5000,
    heapMb: 400,
    // Bounded whatever N is: the table and lists draw only rows in and near view.
    domNodes: 5000,
  }
}

function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN
}

/** Runs in the page before any script: keeps every long task for the phases to look up. */
function observeLongTasks() {
  window.__benchTasks = []
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      window.__benchTasks.push({ start: entry.startTime, duration: entry.duration })
  }).observe({ type: 'longtask', buffered: true })
  // What ran in each long frame (script by script): a CPU profile cannot tell tasks apart.
  window.__benchScripts = []
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      for (const script of entry.scripts ?? [])
        if (script.duration >= 20)
          window.__benchScripts.push({
            start: script.startTime,
            duration: script.duration,
            what: `${script.invoker} ${script.sourceFunctionName} ${script.sourceURL.split('/').pop()}:${script.sourceCharPosition}`,
          })
  }).observe({ type: 'long-animation-frame', buffered: true })
}

async function now(page) {
  return page.evaluate(() => performance.now())
}

/** The longest main-thread task that started in [from, to] (page clock), 0 when none over 50 ms. */
async function longestTask(page, from, to) {
  return page.evaluate(
    ({ from, to }) =>
      Math.max(
        0,
        ...window.__benchTasks
          .filter((t) => t.start >= from - 1 && t.start <= to)
          .map((t) => t.duration),
      ),
    { from, to },
  )
}

/**
 * With BENCH_PROFILE=<dir>, each named phase is also recorded as a CPU profile (Chrome DevTools
 * protocol) into that folder, and the functions it spent most time in are printed.
 */
const PROFILE_DIR = process.env['BENCH_PROFILE'] ?? null
let profiler = null

async function startProfile(cdp, say, page) {
  if (TRACE_DIR) {
    await mkdir(TRACE_DIR, { recursive: true })
    tracer = { cdp, say, page, size: 0 }
    return
  }
  if (!PROFILE_DIR) return
  await mkdir(PROFILE_DIR, { recursive: true })
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 })
  profiler = { cdp, say, page, size: 0 }
}

/**
 * BENCH_TRACE=<dir> writes a light Chrome trace of each phase (tasks and garbage collections, no
 * CPU profile, so timings stay close to an untraced run) and prints what ran in each task over
 * 50 ms: the collector's pauses, which a sampled profile cannot tell apart from the script's.
 */
const TRACE_DIR = process.env['BENCH_TRACE'] ?? null

let tracer = null

async function traced(name, work) {
  const { cdp, say } = tracer
  await startTrace(cdp)
  try {
    return await work()
  } finally {
    const path = join(TRACE_DIR, `${tracer.size}-${name}.trace.json`)
    await endTrace(cdp, path)
    const long = tasksInTrace(JSON.parse(await readFile(path, 'utf8')), 50)
    say(`    ${name}: ${long.length} tasks over 50 ms`)
    for (const task of long) {
      say(`    task of ${task.ms.toFixed(0)} ms at ${task.at.toFixed(0)} ms of the trace:`)
      for (const [what, ms] of task.inside) say(`      ${ms.toFixed(0).padStart(6)} ms  ${what}`)
    }
  }
}

/** The renderer main thread's tasks over `min` ms, each with what ran directly inside it. */
function tasksInTrace(trace, min) {
  const events = Array.isArray(trace) ? trace : trace.traceEvents
  const main = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  )
  const spans = events
    .filter((e) => e.ph === 'X' && e.dur !== undefined && main.has(`${e.pid}:${e.tid}`))
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur)
  const first = spans[0]?.ts ?? 0
  const tasks = spans.filter(
    (e) =>
      (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask') && e.dur >= min * 1000,
  )
  return tasks.map((task) => {
    const end = task.ts + task.dur
    const totals = new Map()
    let reach = -1
    for (const e of spans) {
      if (e === task || e.ts < task.ts || e.ts >= end || e.ts < reach) continue
      // Only what runs directly in the task: a span inside an earlier one is part of it.
      reach = e.ts + e.dur
      const what = e.name.includes('GC') ? `${e.name} ${e.args?.type ?? ''}`.trim() : e.name
      totals.set(what, (totals.get(what) ?? 0) + e.dur / 1000)
    }
    return {
      at: (task.ts - first) / 1000,
      ms: task.dur / 1000,
      inside: [...totals].sort((a, b) => b[1] - a[1]).slice(0, 6),
    }
  })
}

async function startTrace(cdp) {
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: {
      // Blink's collector too: its weak processing is part of V8's final pause.
      includedCategories: [
        'toplevel',
        'v8',
        'disabled-by-default-v8.gc',
        'blink_gc',
        'disabled-by-default-blink_gc',
        'cppgc',
        'disabled-by-default-cppgc',
      ],
    },
  })
}

async function endTrace(cdp, path) {
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve))
  await cdp.send('Tracing.end')
  const { stream } = await complete
  // Written as it is read: a trace of a long phase is larger than one string may be.
  const file = await open(path, 'w')
  try {
    for (;;) {
      const { data, eof, base64Encoded } = await cdp.send('IO.read', { handle: stream })
      await file.write(base64Encoded ? Buffer.from(data, 'base64') : data)
      if (eof) break
    }
  } finally {
    await file.close()
    await cdp.send('IO.close', { handle: stream })
  }
}

/** Self time per function (name, file, line), longest first. */
export function selfTimes(profile, top = 12, [from, to] = [-Infinity, Infinity]) {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]))
  const totals = new Map()
  let at = profile.startTime / 1000
  profile.samples.forEach((id, i) => {
    at += (profile.timeDeltas[i] ?? 0) / 1000
    if (at < from || at > to) return
    const frame = byNode.get(id)?.callFrame
    if (!frame) return
    const file = frame.url.split('/').pop() || '(native)'
    const key = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`
    totals.set(key, (totals.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000)
  })
  return [...totals].sort((a, b) => b[1] - a[1]).slice(0, top)
}

async function profiled(name, work) {
  if (tracer && name) return traced(name, work)
  if (!profiler || !name) return work()
  await profiler.cdp.send('Profiler.start')
  const from = await now(profiler.page)
  try {
    return await work()
  } finally {
    const { profile } = await profiler.cdp.send('Profiler.stop')
    await writeFile(
      join(PROFILE_DIR, `${profiler.size}-${name}.cpuprofile`),
      JSON.stringify(profile),
    )
    profiler.say(`    profile of ${name}, self time:`)
    for (const [what, ms] of selfTimes(profile))
      profiler.say(`      ${ms.toFixed(0).padStart(6)} ms  ${what}`)
    const to = await now(profiler.page)
    for (const task of await tasksBetween(profiler.page, from, to)) {
      // The page clock and the profile's differ by the start's round trip: a few ms.
      const at = profile.startTime / 1000 + (task.start - from)
      profiler.say(
        `    task of ${task.duration.toFixed(0)} ms at ${(task.start - from).toFixed(0)} ms:`,
      )
      for (const [what, ms] of selfTimes(profile, 6, [at, at + task.duration]))
        profiler.say(`      ${ms.toFixed(0).padStart(6)} ms  ${what}`)
      for (const script of await scriptsIn(profiler.page, task))
        profiler.say(`      script of ${script.duration.toFixed(0)} ms: ${script.what}`)
    }
  }
}

/** The scripts of 20 ms or more that ran within `task` (long animation frames' attribution). */
async function scriptsIn(page, task) {
  return page.evaluate(
    ({ start, duration }) =>
      window.__benchScripts.filter((s) => s.start >= start - 1 && s.start <= start + duration),
    task,
  )
}

/** The long tasks (over 50 ms) that started in [from, to] (page clock). */
async function tasksBetween(page, from, to) {
  return page.evaluate(
    ({ from, to }) => window.__benchTasks.filter((t) => t.start >= from - 1 && t.start <= to),
    { from, to },
  )
}

/** Times `action` until `done` resolves; ms and the longest task in between. */
async function phase(page, action, done, name = null) {
  // A reload starts the page clock again: its tasks are counted from the new page's start.
  const from = name === 'reload' ? 0 : await now(page)
  let ms = 0
  await profiled(name, async () => {
    const started = performance.now()
    await action()
    await done()
    ms = performance.now() - started
    // Long tasks are reported after they end: give the observer a frame to hear the last one.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))))
  })
  const to = await now(page)
  // A task over the limit is named by the scripts its frame ran (cheap, unlike a profile).
  if (name && !profiler && !tracer)
    for (const task of await tasksBetween(page, from, to))
      if (task.duration > 100) {
        const scripts = (await scriptsIn(page, task)).map(
          (s) => `${s.what} (${s.duration.toFixed(0)} ms)`,
        )
        console.log(
          `    ${name}: a task of ${task.duration.toFixed(0)} ms at ${(task.start - from).toFixed(0)} ms; scripts: ${scripts.join('; ') || 'none'}`,
        )
      }
  // Beside the profile, the long tasks (ms from the phase's start) to find them in it.
  if (profiler && name && name !== 'reload')
    await writeFile(
      join(PROFILE_DIR, `${profiler.size}-${name}.tasks.json`),
      JSON.stringify(
        await page.evaluate(
          (from) =>
            window.__benchTasks
              .filter((t) => t.start >= from - 1)
              .map((t) => ({ start: t.start - from, duration: t.duration })),
          from,
        ),
      ),
    )
  return {
    ms,
    longestTaskMs: await longestTask(page, from, to),
    tasksOver100: await tasksOver(page, from, to),
  }
}

/** How many main-thread tasks over 100 ms started in [from, to]. */
async function tasksOver(page, from, to) {
  return page.evaluate(
    ({ from, to }) =>
      window.__benchTasks.filter((t) => t.start >= from - 1 && t.start <= to && t.duration > 100)
        .length,
    { from, to },
  )
}

/**
 * In the page: presses the keys of the zoom/pan script on the timeline (or calls `raw` on a bare
 * vis-timeline), recording every frame's duration meanwhile.
 */
async function zoomPanFrames(page, keys, raw) {
  return page.evaluate(
    async ({ keys, raw }) => {
      const press = (key) => {
        if (raw) {
          const t = window.__raw
          const { start, end } = t.getWindow()
          const width = end - start
          if (key === '+') t.zoomIn(0.5)
          else if (key === '-') t.zoomOut(0.5)
          else if (key === '0') t.fit({ animation: false })
          else {
            const shift = width * (key === 'ArrowLeft' ? -0.2 : 0.2)
            t.setWindow(start.getTime() + shift, end.getTime() + shift, { animation: false })
          }
          return
        }
        const timeline = document.querySelector('[data-testid="timeline"]')
        timeline.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }))
      }
      const frames = []
      // Frames over 20 ms (a vsync missed), each with the key pressed last before it.
      const late = []
      let key = null
      let running = true
      let last = 0
      const loop = (t) => {
        if (last) frames.push(t - last)
        if (last && t - last > 20) late.push({ key, ms: t - last })
        last = t
        if (running) requestAnimationFrame(loop)
      }
      requestAnimationFrame(loop)
      // Long animation frames (over 50 ms): where their time went, listed when zoom ends the run.
      const loafs = []
      const loafObserver = new PerformanceObserver((list) => {
        for (const f of list.getEntries())
          loafs.push({
            ms: f.duration,
            render: f.startTime + f.duration - f.renderStart,
            styleLayout: f.startTime + f.duration - f.styleAndLayoutStart,
            scripts: f.scripts.map((s) => ({
              what: `${s.invoker} ${s.sourceFunctionName}`.trim(),
              ms: s.duration,
              forced: s.forcedStyleAndLayoutDuration,
            })),
          })
      })
      loafObserver.observe({ type: 'long-animation-frame' })
      // Raw vis-timeline at 50k+ takes seconds a key: stop after a minute, saying so.
      const started = performance.now()
      let pressed = 0
      for (const next of keys) {
        if (raw && performance.now() - started > 60_000) break
        key = next
        press(next)
        pressed++
        await new Promise((r) => setTimeout(r, 150))
      }
      running = false
      loafObserver.disconnect()
      return { frames, pressed, late, loafs }
    },
    { keys, raw },
  )
}

/** In the page: scrolls the table down in steps, recording frame durations and DOM size. */
async function tableScrollFrames(page) {
  return scrollFrames(page, '[data-testid="event-table"]', 600)
}

/**
 * In the page: scrolls the box `selector` names down in 90 steps of `step` px (a 90th of its
 * height when null), recording frame durations, the most rows (li, tr) and page elements drawn.
 */
async function scrollFrames(page, selector, step) {
  return page.evaluate(
    async ({ selector, step }) => {
      const box = document.querySelector(selector)
      const frames = []
      let last = 0
      let maxItems = 0
      let maxNodes = 0
      for (let i = 0; i < 90; i++) {
        await new Promise((r) => requestAnimationFrame(r))
        const t = performance.now()
        if (last) frames.push(t - last)
        last = t
        box.scrollTop += step ?? Math.max(400, box.scrollHeight / 90)
        maxItems = Math.max(maxItems, box.querySelectorAll('li, tr').length)
        maxNodes = Math.max(maxNodes, document.getElementsByTagName('*').length)
      }
      return { frames, maxItems, maxNodes }
    },
    { selector, step },
  )
}

async function heapMb(cdp) {
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('Performance.enable')
  const { metrics } = await cdp.send('Performance.getMetrics')
  return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN) / 2 ** 20
}

async function visibleAfterNavigation(page, timeout) {
  const shown = await page.waitForFunction(
    (selector) => document.querySelectorAll(selector).length > 0 && performance.now(),
    ITEMS,
    { polling: 'raf', timeout },
  )
  return Number(await shown.jsonValue())
}

/** Page time (ms since navigation) when the timeline draws items and counts all `events`. */
async function visibleWithAll(page, events) {
  const shown = await page.waitForFunction(
    ({ selector, text }) =>
      document.querySelectorAll(selector).length > 0 &&
      document.querySelector('[data-testid="filter-count"]')?.textContent?.trim() === text &&
      performance.now(),
    { selector: ITEMS, text: `${events.toLocaleString('en')} events` },
    { polling: 'raf', timeout: 15 * 60_000 },
  )
  return Number(await shown.jsonValue())
}

/**
 * Waits (up to 30 s) until the app has stored its timeline index of `events` events, as it does
 * a moment after the data settles (docs/decisions/0026); a build without one just goes on.
 */
async function timelineIndexStored(page, events) {
  await page
    .waitForFunction(
      (total) =>
        new Promise((resolve) => {
          const open = indexedDB.open('sourceline-timeline')
          open.onerror = () => resolve(false)
          open.onsuccess = () => {
            const db = open.result
            if (!db.objectStoreNames.contains('snapshot')) return resolve(db.close() ?? false)
            const get = db.transaction('snapshot').objectStore('snapshot').get('timeline')
            get.onsuccess = () => resolve((db.close(), get.result?.stored?.total === total))
            get.onerror = () => resolve((db.close(), false))
          }
        }),
      events,
      { polling: 250, timeout: 30_000 },
    )
    .catch(() => {})
}

async function countShows(page, events) {
  await page.waitForFunction(
    (text) => document.querySelector('[data-testid="filter-count"]')?.textContent?.trim() === text,
    `${events.toLocaleString('en')} events`,
    { polling: 100, timeout: 15 * 60_000 },
  )
}

async function exportPhase(page, format) {
  await page.getByTestId('export-open').click()
  const dialog = page.getByTestId('export-dialog')
  await dialog.getByTestId(`export-format-${format}`).check()
  await dialog.getByRole('radio', { name: /^Whole timeline/ }).check()
  let file = null
  const timed = await phase(
    page,
    async () => {
      const waiting = page.waitForEvent('download', { timeout: 10 * 60_000 })
      await dialog.getByTestId('export-run').click()
      file = await waiting
    },
    async () => {},
    `export-${format}`,
  )
  await file?.cancel().catch(() => {})
  return timed
}

/**
 * The annotations panel opened and its notes list scrolled top to bottom in steps: frame times,
 * the longest task, and the most list items and page elements drawn at once.
 */
async function annotationsListScroll(page) {
  const from = await now(page)
  await page.getByTestId('show-annotations').click()
  await page.getByTestId('note-list').waitFor()
  const list = '[data-testid="note-list"]'
  const notes = Number(await page.locator(`${list} li`).first().getAttribute('aria-setsize'))
  const scrolled = await scrollFrames(page, `div:has(> ${list})`, null)
  return {
    p50: quantile(scrolled.frames, 0.5),
    p95: quantile(scrolled.frames, 0.95),
    longestTaskMs: await longestTask(page, from, await now(page)),
    notes,
    items: scrolled.maxItems,
    domNodes: scrolled.maxNodes,
  }
}

/**
 * One size through the app: the phases in `phases` (resolved by bench-phases.mjs, so each one's
 * needs are in it). `say` logs progress lines.
 */
export async function benchAppAt(chromium, launch, url, size, say, phases) {
  const profileDir = await mkdtemp(join(tmpdir(), 'sourceline-bench-scale-'))
  const fileDir = await mkdtemp(join(tmpdir(), 'sourceline-bench-file-'))
  const project = generateProject(size)
  const records = recordCount(project)
  const file = join(fileDir, `generated-${size}.json`)
  await writeFile(file, JSON.stringify(project))
  const fileMb = (await readFile(file)).byteLength / 1e6
  const context = await chromium.launchPersistentContext(profileDir, {
    ...launch,
    viewport: { width: 1400, height: 900 },
    acceptDownloads: true,
  })
  const result = { size, records, fileMb: Number(fileMb.toFixed(1)) }
  try {
    await context.addInitScript(observeLongTasks)
    // As someone past the first start's orientation, which would sit over the screen.
    await context.addInitScript(() =>
      localStorage.setItem('sourceline.layout', '{"orientationDone":true}'),
    )
    const page = context.pages()[0] ?? (await context.newPage())
    page.setDefaultTimeout(15 * 60_000)
    const cdp = await context.newCDPSession(page)
    await startProfile(cdp, say, page)
    if (profiler) profiler.size = size
    if (tracer) tracer.size = size
    await page.goto(url)
    await visibleAfterNavigation(page, 120_000)
    const total = BUNDLED_EVENTS + size
    if (!phases.has('check')) return result

    say(`  ${size}: check and import of ${records} records (${result.fileMb} MB)`)
    await page.getByTestId('show-project').click()
    result.check = await phase(
      page,
      () => page.getByTestId('project-import-file').setInputFiles(file),
      () => page.getByTestId('import-preview').waitFor(),
      'check',
    )
    if (!phases.has('import')) return result
    result.import = await phase(
      page,
      () => page.getByTestId('import-confirm').click(),
      () => countShows(page, total),
      'import',
    )
    result.import.recordsPerS = records / (result.import.ms / 1000)

    // The undo stack lives in memory: undo and redo the import before the reload forgets it.
    for (const [step, events] of [
      ['undo', BUNDLED_EVENTS],
      ['redo', total],
    ]) {
      if (!phases.has(step)) continue
      say(`  ${size}: ${step} the import`)
      result[step] = await phase(
        page,
        () => page.getByTestId(step).click(),
        () => countShows(page, events),
        step,
      )
    }
    if (!phases.has('reload')) return result

    say(`  ${size}: reload`)
    await timelineIndexStored(page, total)
    result.reload = await phase(
      page,
      () => page.reload(),
      async () => {
        // Visible means the project's events, not just the bundled ones drawn before them.
        result.visibleMs = await visibleWithAll(page, total)
        // The phase (and its long tasks) runs on until every event's data is in, not just drawn.
        await page.getByTestId('events-loading').waitFor({ state: 'detached' })
        result.fullMs = await now(page)
      },
      'reload',
    )
    await page.waitForTimeout(500)
    result.heapMb = await heapMb(cdp)
    if (phases.has('zoom')) await zoomPhase(page, phases, result, say)
    if (phases.has('filter')) {
      say(`  ${size}: filter`)
      await filterPhase(page, project, total, result)
    }
    if (phases.has('table')) {
      say(`  ${size}: table`)
      await tablePhase(page, result)
    }
    for (const format of phases.has('exports') ? ['markdown', 'csv', 'html'] : []) {
      say(`  ${size}: export ${format}`)
      result[`export-${format}`] = await exportPhase(page, format)
    }
    if (phases.has('lists')) {
      say(`  ${size}: annotations list`)
      result.annotationsScroll = await profiled('annotations-list', () =>
        annotationsListScroll(page),
      )
    }
  } finally {
    await context.close()
    await rm(profileDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 })
    await rm(fileDir, { recursive: true, force: true })
  }
  return result
}

/** The zoom/pan script, BENCH_ZOOM_RUNS times; each long frame listed when zoom ends the run. */
async function zoomPhase(page, phases, result, say) {
  const listFrames = !['filter', 'table', 'exports', 'lists'].some((p) => phases.has(p))
  say(`  ${result.size}: zoom and pan`)
  const from = await now(page)
  const frames = []
  const late = {}
  await profiled('zoom-pan', async () => {
    for (let run = 0; run < ZOOM_RUNS; run++) {
      const played = await zoomPanFrames(page, ZOOM_PAN, false)
      frames.push(...played.frames)
      for (const { key } of played.late) late[key] = (late[key] ?? 0) + 1
      if (listFrames)
        for (const f of played.loafs)
          say(
            `    long frame ${f.ms.toFixed(0)} ms (style+layout at end ${f.styleLayout.toFixed(0)}, ` +
              `render ${f.render.toFixed(0)}): ` +
              f.scripts
                .map((x) => `${x.what} ${x.ms.toFixed(0)} (forced ${x.forced.toFixed(0)})`)
                .join('; '),
          )
    }
  })
  result.zoomPan = {
    p50: quantile(frames, 0.5),
    p95: quantile(frames, 0.95),
    p99: quantile(frames, 0.99),
    frames: frames.length,
    late,
    longestTaskMs: await longestTask(page, from, await now(page)),
  }
}

/** One category filtered, then the filter cleared. */
async function filterPhase(page, project, total, result) {
  const shownInLaw = project.data.userEvents.filter((e) => e.category === 'law-policy').length
  result.filter = await phase(
    page,
    () => page.getByTestId('filter-category').selectOption('law-policy'),
    // The bundled events of that category come on top of the generated ones.
    () =>
      page
        .getByTestId('filter-count')
        .filter({ hasText: ` of ${total.toLocaleString('en')} ` })
        .waitFor(),
    'filter',
  )
  result.filter.shown = shownInLaw
  result.filterClear = await phase(
    page,
    () => page.getByTestId('filter-clear').click(),
    () => countShows(page, total),
    'filter-clear',
  )
}

/** To the table, its scroll, and back to the timeline. */
async function tablePhase(page, result) {
  result.toTable = await phase(
    page,
    () => page.getByTestId('view-table').click(),
    () => page.getByTestId('event-row').first().waitFor(),
    'to-table',
  )
  const scroll = await tableScrollFrames(page)
  result.tableScroll = {
    p50: quantile(scroll.frames, 0.5),
    p95: quantile(scroll.frames, 0.95),
    domNodes: scroll.maxNodes,
  }
  result.toTimeline = await phase(
    page,
    () => page.getByTestId('view-timeline').click(),
    () => page.locator(ITEMS).first().waitFor(),
    'to-timeline',
  )
}

/** BENCH_ZOOM_RUNS=<n> plays the zoom/pan script n times and pools the frames. */
const ZOOM_RUNS = Math.max(1, Number(process.env['BENCH_ZOOM_RUNS'] ?? 1))

const RAW_LIMIT_MS = 3 * 60_000

/** Raw vis-timeline on a bare page (no CSP, standalone build): N plain items, default options. */
export async function benchRawAt(chromium, launch, root, size, say) {
  const script = await readFile(
    join(root, 'node_modules/vis-timeline/standalone/umd/vis-timeline-graph2d.min.js'),
    'utf8',
  )
  const browser = await chromium.launch(launch)
  const result = { size }
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
    await page.route('http://raw.bench/**', (route) => {
      const path = new URL(route.request().url()).pathname
      if (path === '/vis.js') return route.fulfill({ body: script, contentType: 'text/javascript' })
      return route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><body style="margin:0"><div id="t" style="height:600px"></div><script src="/vis.js"></script></body>',
      })
    })
    await page.goto('http://raw.bench/')
    say(`  ${size}: raw vis-timeline`)
    // Raw vis-timeline lays out every item in one task (134 s for 50k on a busy machine): the
    // page cannot answer meanwhile, so give up on it from here after RAW_LIMIT_MS.
    let timer
    const givenUp = new Promise((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new Error(`raw vis-timeline drew nothing within ${RAW_LIMIT_MS / 60_000} minutes`),
          ),
        RAW_LIMIT_MS,
      )
    })
    const drawing = page.evaluate(async (n) => {
      const from = Date.UTC(2000, 0, 1)
      const span = Date.UTC(2024, 0, 1) - from
      const items = []
      for (let i = 0; i < n; i++)
        items.push({
          id: i,
          content: `Event ${i}`,
          start: new Date(from + ((i * 7919) % 8766) * (span / 8766)),
        })
      const started = performance.now()
      window.__raw = new window.vis.Timeline(document.getElementById('t'), items, {
        start: new Date(from),
        end: new Date(from + span),
      })
      await new Promise((resolve, reject) => {
        const poll = () => {
          if (document.querySelector('.vis-item-content')) resolve()
          else if (performance.now() - started > 180_000)
            reject(new Error('raw vis-timeline drew nothing within 3 minutes'))
          else requestAnimationFrame(poll)
        }
        poll()
      })
      return performance.now() - started
    }, size)
    // Once given up, the page's answer (or its "target closed") is of no interest.
    drawing.catch(() => {})
    const ms = await Promise.race([drawing, givenUp]).finally(() => clearTimeout(timer))
    result.visibleMs = ms
    const { frames, pressed } = await zoomPanFrames(page, ZOOM_PAN, true)
    result.zoomPan = { p50: quantile(frames, 0.5), p95: quantile(frames, 0.95), keys: pressed }
  } catch (error) {
    result.error = String(error instanceof Error ? error.message : error).split('\n')[0]
    // Nothing drawn in the time allowed: that time is a lower bound of raw's, and the ratio a bound.
    if (result.visibleMs === undefined && /drew nothing/.test(result.error))
      result.visibleAtLeastMs = RAW_LIMIT_MS
  } finally {
    await browser.close()
  }
  return result
}

/** Each target met or not, with the figure that decides it. */
export function verdict(app) {
  const t = targetsFor(app.size)
  const tasks = [
    ['check the file', app.check],
    ['import', app.import],
    ['zoom/pan', app.zoomPan],
    ['reload', app.reload],
    ['filter', app.filter],
    ['clear filter', app.filterClear],
    ['to table', app.toTable],
    ['to timeline', app.toTimeline],
    ['export markdown', app['export-markdown']],
    ['export csv', app['export-csv']],
    ['export html', app['export-html']],
    ['annotations list', app.annotationsScroll],
    ['undo', app.undo],
    ['redo', app.redo],
  ]
  const measured = tasks.filter(([, p]) => p)
  // A step not measured (exports left out, say) cannot be said to meet the target.
  const missing = tasks.filter(([, p]) => !p).map(([name]) => name)
  const worst = measured.reduce(
    (w, [name, p]) => (p.longestTaskMs > w[1] ? [name, p.longestTaskMs] : w),
    ['none', 0],
  )
  const over = measured.filter(([, p]) => p.longestTaskMs > t.longestTaskMs).map(([name]) => name)
  const taskLine =
    `longest main-thread task (${worst[0]}` +
    (over.length > 1
      ? `; over the limit also in: ${over.filter((n) => n !== worst[0]).join(', ')}`
      : '') +
    (missing.length ? `; not measured: ${missing.join(', ')}` : '') +
    ')'
  return [
    ['timeline visible after reload', app.visibleMs, '≤', t.visibleMs, 'ms'],
    ['zoom/pan frame p95', app.zoomPan?.p95, '≤', t.frameP95Ms, 'ms'],
    [taskLine, missing.length ? undefined : worst[1], '≤', t.longestTaskMs, 'ms', worst[1]],
    ['import rate', app.import?.recordsPerS, '≥', t.importRecordsPerS, 'records/s'],
    ['JS heap', app.heapMb, '≤', t.heapMb, 'MB'],
    ['page elements while the table scrolls', app.tableScroll?.domNodes, '≤', t.domNodes, ''],
  ].map(([what, value, op, limit, unit, shown = value]) => ({
    what,
    value: shown === undefined ? null : Number(shown.toFixed(1)),
    limit: `${op} ${limit} ${unit}`.trim(),
    met: value !== undefined && (op === '≤' ? value <= limit : value >= limit),
  }))
}

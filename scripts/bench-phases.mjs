/**
 * The phases of the benchmark's large-project runs, named by `--phases` (or BENCH_PHASES): which
 * exist, the fixed order they run in, and what each needs before it (the check before the import,
 * the import before everything at a size, the reload before the steps measured on a reloaded page).
 * bench.mjs reads the option; bench-scale.mjs asks the resolved set whether to run a phase.
 */

/** Every phase, in the order a size runs them; `raw` is raw vis-timeline beside the app. */
export const PHASES = [
  'check',
  'import',
  'undo',
  'redo',
  'reload',
  'zoom',
  'filter',
  'table',
  'exports',
  'lists',
  'raw',
]

/** The phases measured on the page after a reload, as their figures always have been. */
const ON_RELOADED_PAGE = ['zoom', 'filter', 'table', 'exports', 'lists']

/** What each phase cannot run without. */
const NEEDS = {
  import: ['check'],
  undo: ['import'],
  redo: ['undo'],
  reload: ['import'],
  ...Object.fromEntries(ON_RELOADED_PAGE.map((p) => [p, ['reload']])),
}

/** For --help: what each phase is and what it brings with it. */
const DESCRIPTIONS = {
  check: 'choose the project file until its preview shows',
  import: 'confirm the import until the timeline counts every event',
  undo: 'undo the import',
  redo: 'redo it',
  reload: 'reload until the timeline shows; then the JS heap',
  zoom: "the zoom/pan script's frames (the last app phase: each long frame too)",
  filter: 'filter one category, then clear it',
  table: 'switch to the table, scroll it, back to the timeline',
  exports: 'Markdown, CSV and HTML export',
  lists: 'open the annotations list and scroll it',
  raw: 'raw vis-timeline with as many plain items',
}

const WIDEST = Math.max(...Object.values(DESCRIPTIONS).map((d) => d.length))

export const PHASES_USAGE = [
  'Phases (--phases a,b,c or BENCH_PHASES=a,b,c; default all; they run in this order):',
  ...PHASES.map((p) =>
    `  ${p.padEnd(8)} ${DESCRIPTIONS[p].padEnd(WIDEST)} ${NEEDS[p] ? `needs ${NEEDS[p].join(', ')}` : ''}`.trimEnd(),
  ),
  "A size's project gets in only by its check and import, so every phase but check and raw brings",
  'them with it; a phase that a named one needs is added, and the run says so. Undo with a later',
  'phase brings redo too (the later phases need the project back). A phase left out shows "—" and',
  'counts as not measured in the verdict.',
].join('\n')

/**
 * The phases to run from the option's text (null: all), with each phase added because a named one
 * needs it. Throws on a name it does not know or on a list naming none, never ignoring one.
 * @param {string | null | undefined} text
 * @returns {{ run: Set<string>, added: { phase: string, by: string }[] }}
 */
export function resolvePhases(text) {
  if (text === null || text === undefined) return { run: new Set(PHASES), added: [] }
  const named = text
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '')
  const unknown = named.filter((name) => !PHASES.includes(name))
  if (unknown.length > 0)
    throw new Error(
      `unknown benchmark phase${unknown.length > 1 ? 's' : ''} ${unknown.map((n) => `"${n}"`).join(', ')}; ` +
        `the phases are ${PHASES.join(', ')}`,
    )
  if (named.length === 0)
    throw new Error(`--phases names no phase; the phases are ${PHASES.join(', ')}`)
  const run = new Set(named)
  const added = []
  const add = (phase, by) => {
    if (run.has(phase)) return
    run.add(phase)
    added.push({ phase, by })
  }
  // Later phases first: what they add (reload, undo's redo) has needs of its own.
  for (const phase of [...PHASES].reverse()) {
    if (!run.has(phase)) continue
    if (phase === 'undo' && ['reload', ...ON_RELOADED_PAGE].some((p) => run.has(p)))
      add('redo', 'the phases after undo need the project back')
    for (const need of NEEDS[phase] ?? []) add(need, `${phase} needs it`)
  }
  return { run: new Set(PHASES.filter((p) => run.has(p))), added }
}

#!/usr/bin/env node
/**
 * The security gate: Electronegativity (Doyensec's scanner for Electron misconfigurations) over
 * what ships, the build in out/ plus package.json, fully offline. Any finding of MEDIUM severity or
 * above fails the gate unless docs/security/electronegativity-explained.json explains it (check
 * id, file glob, reason). Run after `electron-vite build`. docs/security/README.md says more.
 *
 *   node scripts/security-gate.mjs [--report <file.json>] [--out <build dir>] [--explained <file>]
 *
 * Exit status: 0 passed, 1 an unexplained finding (or an inline eng-disable), 2 could not scan.
 */
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import Module, { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const REQUIRED_OUTPUT = ['main/index.js', 'preload/index.cjs', 'renderer/index.html']
/** Fails the gate from this severity up (Electronegativity: INFORMATIONAL 0, LOW 1, MEDIUM 2, HIGH 3). */
const FAIL_FROM = 2
/**
 * AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK downloads Electron's release list from GitHub on every run:
 * it cannot run offline, and its answer would change with the day. Electron updates are tracked
 * by pinning and upgrading electron in package.json instead.
 */
const EXCLUDED_CHECKS = ['availablesecurityfixesglobalcheck']
/** Electronegativity reads these; .cjs and .mjs are renamed to .js in the staged copy or it skips them. */
const SCANNED = /\.(?:js|cjs|mjs|html|htm)$/

const require = createRequire(import.meta.url)

class GateError extends Error {}

async function main() {
  const started = performance.now()
  const { values } = parseArgs({
    options: {
      report: { type: 'string' },
      out: { type: 'string', default: join(ROOT, 'out') },
      explained: {
        type: 'string',
        default: join(ROOT, 'docs', 'security', 'electronegativity-explained.json'),
      },
    },
  })
  const out = resolve(values.out)

  await checkBuildOutput(out)
  const explanations = await loadExplanations(resolve(values.explained))
  const electronVersion = installedElectronVersion()

  const stage = await mkdtemp(join(tmpdir(), 'sourceline-security-'))
  try {
    const staged = await stageForScan(out, stage)
    const inlineDisables = await findInlineDisables(stage, staged)

    const run = loadElectronegativity()
    let result = await scan(run, stage, electronVersion)
    const lowered = new Set()
    const unparsed = result.errors.filter((error) => !error.tolerable)
    if (unparsed.length > 0) {
      // Electronegativity's scope analysis predates class private fields and other ES2022 syntax.
      // Lower those files to ES2017 (same code, older syntax) and scan again, rather than skip them.
      for (const error of unparsed) {
        await lowerSyntax(error.file)
        lowered.add(projectPath(staged, relative(stage, error.file)))
      }
      result = await scan(run, stage, electronVersion)
    }
    const stillUnparsed = result.errors.filter((error) => !error.tolerable)
    if (stillUnparsed.length > 0) {
      const files = stillUnparsed.map(
        (e) => `  ${projectPath(staged, relative(stage, e.file))}: ${e.message}`,
      )
      throw new GateError(
        `Electronegativity could not parse, so did not scan:\n${files.join('\n')}`,
      )
    }
    for (const warning of result.errors) {
      console.log(`note: ${projectPath(staged, relative(stage, warning.file))}: ${warning.message}`)
    }

    const findings = result.issues.map((issue) => toFinding(issue, staged, lowered, explanations))
    findings.sort(
      (a, b) =>
        b.severityValue - a.severityValue ||
        a.check.localeCompare(b.check) ||
        a.file.localeCompare(b.file) ||
        a.line - b.line,
    )
    const failing = findings.filter((f) => f.severityValue >= FAIL_FROM && f.explainedBy === null)

    console.log(
      `Electronegativity ${electronegativityVersion()} on ${staged.size - 1} files of out/ and package.json ` +
        `(Electron ${electronVersion}; ${result.atomicChecks} atomic and ${result.globalChecks} global checks; ` +
        `offline, skipping ${EXCLUDED_CHECKS.join(', ')})`,
    )
    if (lowered.size > 0) {
      console.log(
        `Scanned a copy lowered to ES2017 (lines refer to that copy): ${[...lowered].join(', ')}`,
      )
    }
    console.log('')
    printTable(findings)
    reportUnusedExplanations(explanations)

    if (values.report) {
      await writeFile(
        values.report,
        `${JSON.stringify({ electronVersion, findings, inlineDisables }, null, 2)}\n`,
      )
    }

    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    if (inlineDisables.length > 0) {
      console.log(
        `\nFAIL: eng-disable comments silence Electronegativity where no one reviews it; explain the ` +
          `finding in docs/security/electronegativity-explained.json instead:\n` +
          inlineDisables.map((file) => `  ${file}`).join('\n'),
      )
    }
    if (failing.length > 0) {
      console.log(`\nFAIL: ${failing.length} finding(s) of MEDIUM or above are not explained:\n`)
      for (const f of failing) {
        console.log(`  ${f.check} ${f.severity} at ${f.file}:${f.line}:${f.column}`)
        console.log(`    ${f.description}`)
        if (f.sample) console.log(`    code: ${f.sample}`)
        console.log(`    ${f.url}`)
      }
      console.log(
        `\nFix the code, or if the finding does not apply, add to docs/security/electronegativity-explained.json:\n` +
          `  { "check": "${failing[0].check}", "file": "${failing[0].file}", "reason": "why it does not apply here" }`,
      )
    }
    if (failing.length > 0 || inlineDisables.length > 0) {
      console.log(`\nsecurity gate: FAILED in ${seconds} s`)
      return 1
    }
    console.log(
      `\nsecurity gate: passed in ${seconds} s (no unexplained finding of MEDIUM or above)`,
    )
    return 0
  } finally {
    await rm(stage, { recursive: true, force: true })
  }
}

/** The gate scans the build, so there must be one, and it should not be older than the source. */
async function checkBuildOutput(out) {
  for (const file of REQUIRED_OUTPUT) {
    try {
      await stat(join(out, file))
    } catch {
      throw new GateError(`${join(out, file)} is missing: run \`npx electron-vite build\` first.`)
    }
  }
  const built = (await stat(join(out, 'main/index.js'))).mtimeMs
  const newest = await newestModification(join(ROOT, 'src'))
  if (newest.mtimeMs > built) {
    console.log(
      `warning: ${relative(ROOT, newest.path)} changed after the last build; the scan sees the old ` +
        'build. Run `npx electron-vite build` first.\n',
    )
  }
}

async function newestModification(folder) {
  let newest = { path: folder, mtimeMs: 0 }
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue
    const path = join(entry.parentPath, entry.name)
    const { mtimeMs } = await stat(path)
    if (mtimeMs > newest.mtimeMs) newest = { path, mtimeMs }
  }
  return newest
}

/**
 * docs/security/electronegativity-explained.json: `{ "explained": [{ check, file, reason }] }`.
 * A malformed file stops the gate: an explanation that silently matches nothing is worse than none.
 */
async function loadExplanations(path) {
  const where = relative(ROOT, path)
  let parsed
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'))
  } catch (error) {
    throw new GateError(`Cannot read ${where}: ${error.message}`)
  }
  if (typeof parsed !== 'object' || parsed === null || !Array.isArray(parsed.explained)) {
    throw new GateError(`${where} must be an object with an "explained" array.`)
  }
  return parsed.explained.map((entry, index) => {
    const at = `${where}: explained[${index}]`
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      throw new GateError(`${at} must be an object with check, file and reason.`)
    }
    const extra = Object.keys(entry).filter((key) => !['check', 'file', 'reason'].includes(key))
    if (extra.length > 0) throw new GateError(`${at} has unknown field(s): ${extra.join(', ')}.`)
    if (typeof entry.check !== 'string' || !/^[A-Z0-9_]+_CHECK$/.test(entry.check)) {
      throw new GateError(`${at}.check must be a check id such as OPEN_EXTERNAL_JS_CHECK.`)
    }
    if (typeof entry.file !== 'string' || entry.file.trim() === '') {
      throw new GateError(
        `${at}.file must be a glob for the file, e.g. out/main/index.js or out/**.`,
      )
    }
    if (typeof entry.reason !== 'string' || entry.reason.trim().length < 20) {
      throw new GateError(`${at}.reason must say, in a sentence, why the finding does not apply.`)
    }
    return { ...entry, index, pattern: globToRegExp(entry.file) }
  })
}

/** `*` and `?` stay within one path segment, `**` crosses segments; everything else is literal. */
function globToRegExp(glob) {
  let source = ''
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i]
    if (char === '*' && glob[i + 1] === '*') {
      i++
      if (glob[i + 1] === '/') {
        i++
        source += '(?:.*/)?'
      } else {
        source += '.*'
      }
    } else if (char === '*') {
      source += '[^/]*'
    } else if (char === '?') {
      source += '[^/]'
    } else {
      source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&')
    }
  }
  return new RegExp(`^${source}$`)
}

function installedElectronVersion() {
  try {
    return require('electron/package.json').version
  } catch {
    const pkg = require(join(ROOT, 'package.json'))
    const declared = pkg.devDependencies?.electron ?? pkg.dependencies?.electron
    if (!declared) throw new GateError('Cannot tell which Electron version the app uses.')
    return declared.replace(/^[^\d]*/, '')
  }
}

function electronegativityVersion() {
  return require('@doyensec/electronegativity/package.json').version
}

/**
 * Copies what Electronegativity should read into `stage` as out/… (out/main/index.js, whatever the
 * build folder is called). Answers each staged path with the path the gate reports for it.
 */
async function stageForScan(out, stage) {
  const staged = new Map()
  for (const entry of await readdir(out, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !SCANNED.test(entry.name)) continue
    const source = join(entry.parentPath, entry.name)
    const projectRelative = `out/${toPosix(relative(out, source))}`
    const stagedRelative = /\.(?:cjs|mjs)$/.test(entry.name)
      ? `${projectRelative}.js`
      : projectRelative
    await mkdir(dirname(join(stage, stagedRelative)), { recursive: true })
    await copyFile(source, join(stage, stagedRelative))
    staged.set(stagedRelative, projectRelative)
  }
  // package.json: the Electron version and the JSON checks (flags in scripts, for instance).
  await copyFile(join(ROOT, 'package.json'), join(stage, 'package.json'))
  staged.set('package.json', 'package.json')
  return staged
}

function projectPath(staged, stagedRelative) {
  const key = toPosix(stagedRelative)
  return staged.get(key) ?? key
}

function toPosix(path) {
  return path.split(sep).join('/')
}

/** Files carrying `eng-disable`, which would make Electronegativity drop findings unreported. */
async function findInlineDisables(stage, staged) {
  const files = []
  for (const stagedRelative of staged.keys()) {
    const text = await readFile(join(stage, stagedRelative), 'utf8')
    if (/eng-disable/i.test(text)) files.push(staged.get(stagedRelative))
  }
  return files
}

/**
 * Loads Electronegativity's documented programmatic API with its HTTP client replaced: the CLI
 * fetches translations and Electron's release list on every run. Here no request leaves the
 * machine; the translation lookup gets a 404 and falls back to the bundled English strings.
 */
function loadElectronegativity() {
  const runnerPath = require.resolve('@doyensec/electronegativity')
  const gotPath = createRequire(runnerPath).resolve('got')
  const offline = (url) =>
    String(url).includes('electronegativity-i18n')
      ? Promise.resolve({ statusCode: 404, body: '', headers: {} })
      : Promise.reject(new Error(`security gate: no network (${String(url)})`))
  offline.head = offline
  const stub = new Module(gotPath)
  stub.filename = gotPath
  stub.loaded = true
  stub.exports = offline
  require.cache[gotPath] = stub
  // The messages come from the bundled locale, whatever the machine's language.
  process.env.LANG = 'en-US'
  const run = require(runnerPath)
  if (typeof run !== 'function') throw new GateError('Electronegativity did not load as expected.')
  return run
}

async function scan(run, stage, electronVersion) {
  // The runner mutates its options: build them fresh for every run.
  const result = await run(
    {
      input: stage,
      customScan: [],
      excludeFromScan: [...EXCLUDED_CHECKS],
      isRelative: true,
      electronVersionOverride: electronVersion,
      parserPlugins: [],
    },
    false,
  )
  if (!result || !Array.isArray(result.issues) || !Array.isArray(result.errors)) {
    throw new GateError('Electronegativity returned no results.')
  }
  return result
}

/** Rewrites one staged file with the same code in ES2017 syntax (Vite's Oxc transform). */
async function lowerSyntax(file) {
  const { transformWithOxc } = await import('vite')
  const result = await transformWithOxc(await readFile(file, 'utf8'), file, {
    target: 'es2017',
    sourcemap: false,
  })
  await writeFile(file, result.code)
}

function toFinding(issue, staged, lowered, explanations) {
  const file = issue.file && issue.file !== 'N/A' ? projectPath(staged, issue.file) : 'N/A'
  const finding = {
    check: issue.id,
    severity: issue.severity?.name ?? 'UNKNOWN',
    severityValue: issue.severity?.value ?? FAIL_FROM,
    confidence: issue.confidence?.name ?? 'UNKNOWN',
    file,
    line: issue.location?.line ?? 0,
    column: issue.location?.column ?? 0,
    lowered: lowered.has(file),
    manualReview: Boolean(issue.manualReview),
    description: issue.description ?? '',
    // The check's wiki page; the tool's own git.io short links no longer resolve.
    url: `https://github.com/doyensec/electronegativity/wiki/${issue.id}`,
    sample: typeof issue.sample === 'string' ? issue.sample.trim().slice(0, 160) : '',
    explainedBy: null,
  }
  const explanation = explanations.find((e) => e.check === finding.check && e.pattern.test(file))
  if (explanation) {
    finding.explainedBy = explanation.index
    explanation.used = true
  }
  return finding
}

function printTable(findings) {
  if (findings.length === 0) {
    console.log('No findings.')
    return
  }
  const rows = findings.map((f) => [
    f.check,
    f.severity,
    f.confidence,
    `${f.file}${f.file === 'N/A' ? '' : `:${f.line}:${f.column}`}${f.lowered ? ' (lowered)' : ''}`,
    f.explainedBy !== null
      ? `yes (#${f.explainedBy})`
      : f.severityValue >= FAIL_FROM
        ? 'NO'
        : 'no (below MEDIUM)',
  ])
  const header = ['finding', 'severity', 'confidence', 'file', 'explained?']
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column].length)),
  )
  const line = (cells) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column]))
      .join('  ')
      .trimEnd()
  console.log(line(header))
  console.log(line(widths.map((width) => '-'.repeat(width))))
  for (const row of rows) console.log(line(row))
}

function reportUnusedExplanations(explanations) {
  const unused = explanations.filter((e) => !e.used)
  if (unused.length === 0) return
  console.log(
    '\nExplanations that matched no finding (remove them if the code they explained is gone):',
  )
  for (const e of unused) console.log(`  #${e.index} ${e.check} ${e.file}`)
}

main().then(
  (status) => {
    process.exitCode = status
  },
  (error) => {
    if (error instanceof GateError) console.error(`security gate: ${error.message}`)
    else console.error('security gate: could not run', error)
    process.exitCode = 2
  },
)

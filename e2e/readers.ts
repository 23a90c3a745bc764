/**
 * The real tools that read Sourceline's exports, for specs that check a downloaded file: the W3C
 * Web Annotation test-suite schemas (through Ajv), Citation.js for CSL-JSON, TimelineJS 3 on a
 * page with no network, and a PNG header reader.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import Ajv from 'ajv-draft-04'
import type { ValidateFunction } from 'ajv-draft-04'
import addFormats from 'ajv-formats'
import type { Page } from '@playwright/test'

// The W3C web-annotation-tests schemas, copied unchanged (see SOURCE.md there).
const schemaRoot = resolve(process.cwd(), 'test-fixtures/w3c-annotation-schemas')

function readSchema(path: string): { id?: string; assertions?: string[] } {
  return JSON.parse(readFileSync(resolve(schemaRoot, path), 'utf8')) as {
    id?: string
    assertions?: string[]
  }
}

/** The MUST assertions of the W3C suite for annotations, collections and pages, compiled. */
export function webAnnotationValidator(): {
  /** The assertions `value` fails, with Ajv's messages; empty when it passes them all. */
  failures(value: unknown, kind: 'annotation' | 'collection' | 'page'): string[]
} {
  const ajv = new Ajv({ strict: false, allErrors: true })
  addFormats(ajv)
  for (const file of readdirSync(resolve(schemaRoot, 'definitions'))) {
    ajv.addSchema(readSchema(`definitions/${file}`))
  }
  const musts = (testFile: string): [string, ValidateFunction][] =>
    (readSchema(testFile).assertions ?? []).map((path) => [path, ajv.compile(readSchema(path))])
  const suites = {
    annotation: musts('annotations/annotationMusts.test'),
    collection: musts('collections/collectionMusts.test'),
    page: musts('collections/pages/pageMusts.test'),
  }
  return {
    failures(value, kind) {
      if (suites[kind].length === 0) return [`no ${kind} assertions were loaded`]
      return suites[kind]
        .filter(([, validate]) => !validate(value))
        .map(([path, validate]) => `${path}: ${ajv.errorsText(validate.errors)}`)
    },
  }
}

interface CiteInstance {
  readonly data: Record<string, unknown>[]
  format(kind: 'bibliography', options?: { format?: 'text'; template?: string }): string
}
type CiteConstructor = new (data: unknown) => CiteInstance

/**
 * Citation.js (untyped CommonJS). Loaded by computed specifiers so the e2e TypeScript project
 * needs no declarations for it; the plugin registers the CSL output formats.
 */
export async function loadCitationJs(): Promise<CiteConstructor> {
  const core = '@citation-js/core'
  const plugin = '@citation-js/plugin-csl'
  const loaded = (await import(core)) as {
    Cite?: CiteConstructor
    default?: { Cite?: CiteConstructor }
  }
  await import(plugin)
  const Cite = loaded.Cite ?? loaded.default?.Cite
  if (!Cite) throw new Error('@citation-js/core has no Cite export')
  return Cite
}

export const TIMELINEJS_ORIGIN = 'http://timelinejs.test'
const TIMELINEJS_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>TimelineJS export</title>
<link rel="stylesheet" href="/timeline.css">
<script src="/timeline.js"></script>
</head>
<body>
<div id="timeline-embed" style="width: 100%; height: 600px"></div>
</body>
</html>`

/**
 * Shows `data` in TimelineJS 3 on `page`, served from node_modules with every other request
 * refused. Answers the refused URLs and the page's errors.
 */
export async function showInTimelineJs(
  page: Page,
  data: unknown,
): Promise<{ refused: string[]; errors: string[] }> {
  const dist = resolve(process.cwd(), 'node_modules/@knight-lab/timelinejs/dist')
  const refused: string[] = []
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url())
    const files: Record<string, [string, string]> = {
      '/': ['text/html', TIMELINEJS_PAGE],
      '/timeline.js': ['text/javascript', readFileSync(resolve(dist, 'js/timeline.js'), 'utf8')],
      '/timeline.css': ['text/css', readFileSync(resolve(dist, 'css/timeline.css'), 'utf8')],
    }
    const file = url.origin === TIMELINEJS_ORIGIN ? files[url.pathname] : undefined
    if (file) {
      await route.fulfill({ contentType: file[0], body: file[1] })
    } else {
      refused.push(url.href)
      await route.abort('blockedbyclient')
    }
  })
  await page.goto(`${TIMELINEJS_ORIGIN}/`)
  await page.evaluate((timelineData) => {
    type Timeline = new (id: string, data: unknown, options: object) => unknown
    const TL = (window as unknown as { TL: { Timeline: Timeline } }).TL
    // By default TimelineJS fetches a web-font stylesheet from its CDN; the fonts are cosmetic.
    new TL.Timeline('timeline-embed', timelineData, { font: null })
  }, data)
  return { refused, errors }
}

/** A PNG's size from its IHDR chunk; throws when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
  if (!signature.every((b, i) => bytes[i] === b)) throw new Error('not a PNG: wrong signature')
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const type = String.fromCharCode(...bytes.subarray(12, 16))
  if (type !== 'IHDR') throw new Error(`not a PNG: first chunk is ${type}`)
  return { width: view.getUint32(16), height: view.getUint32(20) }
}

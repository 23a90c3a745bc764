/// <reference types="node" />
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { buildStandaloneHtml, HTML_STYLE } from './html'
import { realExportInput } from './test-fixture'

// The browser build prints the standalone page from a srcdoc frame, which inherits the app's CSP.
// src/main/csp.ts belongs to the main process's TypeScript project, so it is read as text here.
const cspSource = readFileSync(new URL('../../../../../main/csp.ts', import.meta.url), 'utf8')
describe('the app CSP and the standalone HTML export', () => {
  it('allows exactly the export’s stylesheet, by its hash', () => {
    const hash = createHash('sha256').update(HTML_STYLE, 'utf8').digest('base64')
    const styleSrc = /"(style-src [^"]*)"/.exec(cspSource)?.[1]
    expect(styleSrc).toBe(`style-src 'self' 'sha256-${hash}'`)
  })

  it('has that stylesheet as the page’s only style element and no style attributes', () => {
    const html = buildStandaloneHtml(realExportInput())
    expect([...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1])).toEqual([HTML_STYLE])
    expect(html).not.toMatch(/\sstyle=/)
  })
})

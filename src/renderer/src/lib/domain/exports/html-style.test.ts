import { describe, expect, it } from 'vitest'
import { buildStandaloneHtml, HTML_STYLE } from './html'
import { realExportInput } from './test-fixture'

// The browser build prints the page from a srcdoc frame, which inherits the app's CSP and so may
// not apply the page's <style>: the print code removes that one element and applies HTML_STYLE
// as a constructed stylesheet instead (lib/exports/print.ts). That works only while HTML_STYLE is
// the page's whole styling.
describe('the standalone page’s styling', () => {
  it('is exactly one <style> element holding HTML_STYLE, and no style attributes', () => {
    const html = buildStandaloneHtml(realExportInput())
    expect([...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1])).toEqual([HTML_STYLE])
    expect(html.split(`<style>${HTML_STYLE}</style>`)).toHaveLength(2)
    expect(html).not.toMatch(/\sstyle=/)
  })
})

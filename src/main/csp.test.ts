import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from './csp'

// The header (csp.ts) and the meta tag (electron.vite.config.ts) must say the same thing.
describe('CONTENT_SECURITY_POLICY', () => {
  it('matches the policy electron.vite.config.ts writes into the built HTML', async () => {
    const config = await readFile(new URL('../../electron.vite.config.ts', import.meta.url), 'utf8')
    if (/from '\.\/src\/main\/csp'/.test(config)) return // the config imports this very constant

    const block = /const CSP = \[([\s\S]*?)\]\.join\('; '\)/.exec(config)
    expect(block, 'electron.vite.config.ts no longer declares `const CSP = [...]`').not.toBeNull()
    const directives = [...(block?.[1] ?? '').matchAll(/"([^"]*)"/g)].map((m) => m[1])
    expect(directives.join('; ')).toBe(CONTENT_SECURITY_POLICY)
  })

  it('forbids inline script, eval and remote origins', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'")
    // Workers from the app's own files only: not blob: or data: URLs.
    expect(CONTENT_SECURITY_POLICY).toContain("worker-src 'self';")
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline')
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval')
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:/)
  })
})

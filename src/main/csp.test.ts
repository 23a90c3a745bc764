import { readFile } from 'node:fs/promises'
import type { Plugin } from 'vite'
import { describe, expect, it } from 'vitest'
import config from '../../electron.vite.config'
import { CONTENT_SECURITY_POLICY } from './csp'

/** The renderer's plugin that writes the policy into the built HTML. */
function strictCspPlugin(): Plugin {
  const plugins = (config.renderer?.plugins ?? []).flat() as Plugin[]
  const found = plugins.find(
    (p) => p && typeof p === 'object' && p.name === 'sourceline:strict-csp',
  )
  if (!found) throw new Error('electron.vite.config.ts has no sourceline:strict-csp plugin')
  return found
}

// The header (csp.ts) and the meta tag the build writes into index.html must say the same thing.
describe('CONTENT_SECURITY_POLICY', () => {
  it('is the policy the build writes into the renderer HTML, once', async () => {
    const html = await readFile(new URL('../renderer/index.html', import.meta.url), 'utf8')
    expect(html.split('<!-- CSP -->')).toHaveLength(2)
    const plugin = strictCspPlugin()
    expect(plugin.apply).toBe('build')
    const hook = plugin.transformIndexHtml
    const transform = typeof hook === 'function' ? hook : hook?.handler
    expect(transform).toBeTypeOf('function')
    const built = (await transform!.call({} as never, html, {
      path: '/index.html',
      filename: 'index.html',
    } as never)) as string
    const metas = [
      ...built.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/g),
    ]
    expect(metas.map((m) => m[1])).toEqual([CONTENT_SECURITY_POLICY])
    expect(built).not.toContain('<!-- CSP -->')
  })

  it('forbids inline script, eval and remote origins', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'")
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline')
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval')
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:/)
  })
})

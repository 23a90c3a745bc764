/**
 * Starts scripts/serve-renderer.mjs on a free port for a benchmark and resolves to its URL and a
 * way to stop it. Shared by the timeline and search benchmarks.
 */
import { spawn } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const SERVE = join(dirname(fileURLToPath(import.meta.url)), 'serve-renderer.mjs')

/** `rendererDir`: the built renderer to serve (serve-renderer's default, out/renderer, if none). */
export function startServer(rendererDir) {
  const child = spawn(process.execPath, [SERVE, '0'], {
    env: rendererDir ? { ...process.env, SOURCELINE_RENDERER_DIR: rendererDir } : process.env,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  return new Promise((resolveUrl, reject) => {
    let out = ''
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (chunk) => {
      out += chunk
      const match = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out)
      if (match?.[1]) resolveUrl({ url: match[1], stop: () => child.kill('SIGTERM') })
    })
    child.on('error', reject)
    child.on('exit', (code) => reject(new Error(`serve-renderer exited with code ${code}`)))
  })
}

import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import { svelte } from '@sveltejs/vite-plugin-svelte'
import type { Plugin } from 'vite'
import { CONTENT_SECURITY_POLICY } from './src/main/csp'

// The production CSP is strict (no inline script or style). Vite's dev server injects inline
// styles for hot reload, so the strict policy is only written into built HTML.
const CSP = CONTENT_SECURITY_POLICY

function strictCsp(): Plugin {
  return {
    name: 'sourceline:strict-csp',
    apply: 'build',
    transformIndexHtml(html) {
      return html.replace(
        '<!-- CSP -->',
        `<meta http-equiv="Content-Security-Policy" content="${CSP}" />`,
      )
    },
  }
}

/** The app's version, shown by the browser build's About box (Electron asks app.getVersion()). */
const APP_VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string })
  .version

const alias = {
  $lib: resolve('src/renderer/src/lib'),
  $shared: resolve('src/shared'),
}

export default defineConfig({
  main: {
    resolve: { alias },
    build: { rolldownOptions: { input: { index: resolve('src/main/index.ts') } } },
  },
  preload: {
    resolve: { alias },
    build: {
      // Sandboxed preloads cannot load ES modules: emit CommonJS.
      rolldownOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    // The bundled corpus is served beside the app (app:// in Electron, http in a browser).
    publicDir: resolve('resources'),
    resolve: { alias },
    define: { __SOURCELINE_VERSION__: JSON.stringify(APP_VERSION) },
    plugins: [svelte({ configFile: resolve('svelte.config.js') }), strictCsp()],
    build: {
      rolldownOptions: {
        input: { index: resolve('src/renderer/index.html') },
        // edtf derives a date's type from its class name (Date, Interval…); the bundler would
        // rename the class that shadows the global Date.
        output: { keepNames: true },
      },
      chunkSizeWarningLimit: 2000,
    },
  },
})

import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'
import { svelte } from '@sveltejs/vite-plugin-svelte'

export default defineConfig({
  plugins: [svelte()],
  resolve: {
    alias: {
      $lib: resolve('src/renderer/src/lib'),
      $shared: resolve('src/shared'),
    },
    conditions: ['browser'],
  },
  test: {
    include: ['src/**/*.test.ts', 'resources/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    // Two shared cores: the database and property tests are slow, not stuck, past 5 s.
    testTimeout: 30_000,
  },
})

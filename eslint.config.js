import js from '@eslint/js'
import ts from 'typescript-eslint'
import svelte from 'eslint-plugin-svelte'
import globals from 'globals'
import svelteConfig from './svelte.config.js'

export default ts.config(
  {
    ignores: [
      'out/',
      'dist/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      'bench-results/',
    ],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-script-url': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'svelte/no-at-html-tags': 'error',
      // Maps built inside $derived are replaced whole, never mutated afterwards.
      'svelte/prefer-svelte-reactivity': 'off',
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='window'][property.name='eval']",
          message: 'eval is forbidden.',
        },
      ],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: {
        projectService: true,
        extraFileExtensions: ['.svelte'],
        parser: ts.parser,
        svelteConfig,
      },
    },
  },
  {
    // Raw IPC only in the modules that implement the typed contract.
    files: ['src/**/*.ts', 'src/**/*.svelte'],
    ignores: ['src/main/ipc.ts', 'src/preload/index.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              importNames: ['ipcMain', 'ipcRenderer'],
              message: 'Use the typed IPC contract (src/shared/ipc.ts) instead of raw IPC.',
            },
          ],
        },
      ],
    },
  },
  {
    // Components never touch Dexie or the database directly: queries/ and actions/ do.
    files: ['src/renderer/src/components/**', 'src/renderer/src/App.svelte'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'dexie', message: 'Use lib/db/queries and lib/db/actions.' }],
          patterns: ['**/db/db'],
        },
      ],
    },
  },
  {
    // The domain core is pure TypeScript, unit-tested in Node: no UI, storage, Electron or
    // timeline library, and none of the app's layers that bring them (docs/ARCHITECTURE.md).
    files: ['src/renderer/src/lib/domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['svelte', 'svelte/*', '**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
              message: 'lib/domain is pure: no Svelte (UI state lives in lib/state).',
            },
            {
              regex: '^(dexie(/.*)?|\\$lib/db(/.*)?|(\\.\\./)+db(/.*)?)$',
              message: 'lib/domain is pure: storage lives in lib/db (queries/, actions/).',
            },
            {
              regex: '^(electron(/.*)?|\\$lib/platform(/.*)?|(\\.\\./)+platform(/.*)?)$',
              message: 'lib/domain is pure: the platform lives in lib/platform.',
            },
            {
              group: ['vis-timeline', 'vis-timeline/*', 'vis-data', 'vis-data/*'],
              message: 'lib/domain is pure: vis-timeline lives in components/timeline.',
            },
          ],
        },
      ],
    },
  },
  {
    // The one reviewed renderer of sanitized HTML.
    files: ['src/renderer/src/components/common/SafeMarkdown.svelte'],
    rules: { 'svelte/no-at-html-tags': 'off' },
  },
)

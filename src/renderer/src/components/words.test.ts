/**
 * Guards lib/strings.ts as the one place for the UI's words: no component may carry user-visible
 * English in its markup (text between tags, or a label, title, placeholder or alt written as a
 * literal). Expressions in braces, scripts, styles and comments are not read; symbols (✎, ×, ▶)
 * and addresses pass. Every component is read.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = join(__dirname, '..')

function svelteFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return svelteFiles(path)
    return entry.name.endsWith('.svelte') ? [path] : []
  })
}

/** Drops `{…}` expressions, nested ones included. */
function withoutExpressions(text: string): string {
  let depth = 0
  let out = ''
  for (const ch of text) {
    if (ch === '{') depth++
    else if (ch === '}') depth = Math.max(0, depth - 1)
    else if (depth === 0) out += ch
  }
  return out
}

const WORDS = /[A-Za-z]{2,}/
const TEXT_ATTRIBUTE =
  /\s((?:aria-)?(?:label|title|placeholder|alt|description)|[a-z]+(?:Label|Title|Text))="([^"]*)"/g

/** Hard-coded words in a component's markup, one line each. */
export function hardCodedWords(source: string): string[] {
  const markup = source
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
  const found: string[] = []
  for (const [, name, value] of markup.matchAll(TEXT_ATTRIBUTE)) {
    const literal = withoutExpressions(value ?? '')
    if (WORDS.test(literal) && !/^https?:/.test(literal)) found.push(`${name}="${value}"`)
  }
  const text = withoutExpressions(markup).replace(/<[^>]*>/g, ' ')
  for (const line of text.split('\n')) if (WORDS.test(line)) found.push(line.trim())
  return found
}

describe('words live in lib/strings.ts', () => {
  const files = svelteFiles(join(ROOT, 'components')).concat(join(ROOT, 'App.svelte'))

  it('finds words written into markup, and not expressions, symbols or addresses', () => {
    const found = hardCodedWords(
      [
        '<script lang="ts">const a = "Hidden"</script>',
        '<p>{strings.title} ✎ ×</p>',
        '<input placeholder="https://…" aria-label={strings.label} />',
        '<button title="Close it">Save</button>',
        '<NoteEditor submitLabel="Add note" />',
        '<style>p { color: red; }</style>',
      ].join('\n'),
    )
    expect(found).toEqual(['title="Close it"', 'submitLabel="Add note"', 'Save'])
  })

  for (const file of files) {
    const name = relative(ROOT, file)
    it(`${name} takes its words from lib/strings.ts`, () => {
      expect(hardCodedWords(readFileSync(file, 'utf8'))).toEqual([])
    })
  }
})

/*
 * The page reader gives the same drafts as before it moved into a Worker (DOMPurify and DOMParser
 * on the main thread, recorded in test-fixtures/import-pages/golden.json over every page the unit
 * tests read), so quotes taken from pages read before and after the move sit at the same places.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Draft } from '../domain/import/draft'
import { htmlToArticle } from './html'

interface Golden {
  html: string
  fileName: string
  draft: Draft
}

const GOLDEN = JSON.parse(
  readFileSync(resolve('test-fixtures/import-pages/golden.json'), 'utf8'),
) as Golden[]

describe('htmlToArticle off the main thread reads pages as the DOMPurify/DOMParser reader did', () => {
  it.each(GOLDEN.map((g, i) => [i, g] as const))('page %i', (_, golden) => {
    // The golden drafts predate the language, sources and removed blocks (issue 12): the fields
    // they recorded must match exactly; the new ones are checked by fixture-pages.test.ts.
    const draft: Record<string, unknown> = { ...htmlToArticle(golden.html, golden.fileName) }
    const recorded = Object.fromEntries(Object.keys(golden.draft).map((k) => [k, draft[k]]))
    expect(recorded).toEqual(golden.draft)
  })
})

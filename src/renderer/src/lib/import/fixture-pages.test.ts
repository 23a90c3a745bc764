// @vitest-environment jsdom
/*
 * The saved-page set (test-fixtures/pages, issue 12): every page through the importer, scored
 * for its metadata fields and for the article text it keeps. The figures are printed; the test
 * fails when they fall below what the importer reaches today.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { primaryLanguage } from '../domain/language'
import { bodyWithKept } from '../domain/import/draft'
import { htmlToArticle } from './html'

interface Expected {
  title: string
  byline: string | null
  outlet: string | null
  published: string | null
  language: string
}
interface FixturePage {
  file: string
  expected: Expected
  text: string[]
  absent: string[]
}

const DIR = resolve('test-fixtures/pages')
const manifest = JSON.parse(readFileSync(resolve(DIR, 'manifest.json'), 'utf8')) as {
  pages: FixturePage[]
}

/** What the importer reached when this set was written: a drop below is a regression. */
const MIN_FIELD_ACCURACY = 1
const MIN_TEXT_RECALL = 1
const MAX_FURNITURE_LEAKS = 0

const squash = (s: string): string => s.replace(/[\s\u200B]+/g, ' ').trim()

describe('the saved-page set', () => {
  it('has at least 20 pages in at least 8 languages', () => {
    expect(manifest.pages.length).toBeGreaterThanOrEqual(20)
    expect(new Set(manifest.pages.map((p) => p.expected.language)).size).toBeGreaterThanOrEqual(8)
  })

  it('is read with its metadata right and its article text kept', () => {
    let fields = 0
    let right = 0
    let paragraphs = 0
    let kept = 0
    let leaks = 0
    const misses: string[] = []
    for (const page of manifest.pages) {
      const draft = htmlToArticle(readFileSync(resolve(DIR, page.file), 'utf8'), page.file)
      const got: Record<keyof Expected, string | null> = {
        title: draft.title,
        byline: draft.byline,
        outlet: draft.outlet,
        published: draft.published.edtf,
        language: primaryLanguage(draft.language.tag),
      }
      for (const key of Object.keys(page.expected) as (keyof Expected)[]) {
        fields++
        if (got[key] === page.expected[key]) right++
        else misses.push(`${page.file} ${key}: got ${got[key]}, expected ${page.expected[key]}`)
      }
      const body = squash(draft.body)
      for (const paragraph of page.text) {
        paragraphs++
        if (body.includes(squash(paragraph))) kept++
        else misses.push(`${page.file} text missing: ${paragraph.slice(0, 40)}…`)
      }
      for (const furniture of page.absent) {
        if (body.includes(squash(furniture))) {
          leaks++
          misses.push(`${page.file} furniture kept: ${furniture}`)
        }
      }
    }
    const accuracy = right / fields
    const recall = kept / paragraphs
    console.log(
      `Saved-page set: ${manifest.pages.length} pages; field accuracy ${(accuracy * 100).toFixed(1)}% ` +
        `(${right}/${fields}); text recall ${(recall * 100).toFixed(1)}% (${kept}/${paragraphs}); ` +
        `furniture kept ${leaks}` +
        (misses.length > 0 ? `\n  ${misses.join('\n  ')}` : ''),
    )
    expect(accuracy).toBeGreaterThanOrEqual(MIN_FIELD_ACCURACY)
    expect(recall).toBeGreaterThanOrEqual(MIN_TEXT_RECALL)
    expect(leaks).toBeLessThanOrEqual(MAX_FURNITURE_LEAKS)
  }, 120_000)

  it('says what it cut, and puts a kept block back where it was', () => {
    const read = (file: string) => htmlToArticle(readFileSync(resolve(DIR, file), 'utf8'), file)
    const gallery = read('en-gallery.html')
    const labels = gallery.removed.map((b) => b.label)
    expect(labels).toContain('a gallery of 50 captions')
    const index = labels.indexOf('a gallery of 50 captions')
    const kept = bodyWithKept(gallery, new Set([index])).split('\n\n')
    expect(kept[0]).toMatch(/^Police released photographs/)
    expect(kept[1]).toBe('• 1/50 Officers at the compound gate, photograph 1 of the series.')
    expect(kept.at(-1)).toMatch(/^Prosecutors said/)

    const wordpress = read('en-wordpress.html').removed.map((b) => b.label)
    expect(wordpress).toContain('3 related-post teasers')
    const comments = read('ar-cdata.html').removed.map((b) => b.label)
    expect(comments).toContain('a comments section')
  }, 60_000)
})

/**
 * An imported article as every part of the app sees an article: the shared `Article` shape the
 * bundled corpus has, so reading, highlighting, quoting and exporting work on imports without a
 * second code path. The one adapter from stored imports to articles. Pure.
 */
import type { Article } from '$shared/corpus'
import type { ImportedArticle } from '../types'

/** An article with the address it was read from, when it has one (imported articles do). */
export interface SourcedArticle extends Article {
  /** Only ever shown as text, never opened by the app on its own. */
  url?: string | null
}

export function importedToArticle(a: ImportedArticle): SourcedArticle {
  return {
    id: a.id,
    // The name the file had when the user imported it: what "Received file" and exports show.
    file: a.originalName,
    sha256: a.sha256,
    title: a.title,
    outlet: a.outlet,
    byline: a.byline,
    published: a.published,
    // The body is the whole readable text, cut from the file on import: every line is body.
    // Counted when read (exports, copies): counting every article's lines as the articles
    // arrive was a pass over all their text in one task.
    get bodyLines(): [number, number] {
      return [1, lineCount(a.body)]
    },
    captionLine: null,
    language: a.language,
    direction: a.direction,
    raw: a.original,
    body: a.body,
    caption: null,
    url: a.url,
  }
}

/** Lines in a text, as `text.split('\n').length` counts them, without making the lines. */
export function lineCount(text: string): number {
  let lines = 1
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines++
  return lines
}

/**
 * An imported article as the reader sees every article: the shared `Article` shape the bundled
 * corpus has, so reading, highlighting and quoting work on imports without a second code path.
 * Pure.
 */
import type { Article } from '$shared/corpus'
import type { ImportedArticle } from '../types'

export function importedToArticle(a: ImportedArticle): Article {
  return {
    id: a.id,
    // Not a path under resources/corpus: it names where the text came from, for display.
    file: `imported/${a.originalName}`,
    sha256: a.sha256,
    title: a.title,
    outlet: a.outlet,
    byline: a.byline,
    published: a.published,
    // The body is stored already cut from the file, so no line range applies.
    bodyLines: [1, 1],
    captionLine: null,
    language: a.language,
    direction: a.direction,
    raw: a.original,
    body: a.body,
    caption: null,
  }
}

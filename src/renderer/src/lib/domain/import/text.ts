/**
 * Plain-text articles: the first line is the title when it is short enough to be one, a 'By …'
 * line or a date line just under it is taken as byline or date, and the rest is the body. Text
 * with blank lines keeps its paragraphs; text without any has one paragraph per line. Pure.
 */
import {
  finishDraft,
  isDateLine,
  joinParagraphs,
  looksLikeDateLine,
  unreadDatelineWarning,
  normaliseNewlines,
  readDraftDate,
  type Draft,
  type DraftDate,
} from './draft'

/** Longer than this, a first line is a paragraph, not a headline. */
const MAX_TITLE_LINE = 200
/** Byline and date lines are short; a long line under the title is already the article. */
const MAX_META_LINE = 100
/** 'By', and the same word in French, Spanish/Portuguese, Arabic, Thai and Khmer. */
const BYLINE = /^(?:(?:by|par|por)\s+|(?:بقلم|โดย|ដោយ)\s*)(\S.*)$/i

export function textToArticle(text: string, fileName: string): Draft {
  const lines = normaliseNewlines(text).split('\n')
  let at = lines.findIndex((line) => line.trim() !== '')
  let title = ''
  if (at !== -1 && lines[at]!.trim().length < MAX_TITLE_LINE) {
    title = lines[at]!.trim()
    at += 1
  } else if (at === -1) {
    at = lines.length
  }

  // Up to two short lines right under the title may be its byline and date.
  let byline: string | null = null
  let published: DraftDate = { text: '', edtf: null }
  const warnings: string[] = []
  if (title !== '') {
    for (let seen = 0; seen < 2; seen++) {
      let next = at
      while (next < lines.length && lines[next]!.trim() === '') next++
      const line = lines[next]?.trim() ?? ''
      if (line === '' || line.length > MAX_META_LINE) break
      const by = BYLINE.exec(line)
      if (by && byline === null) byline = by[1]!.trim()
      else if (published.text === '' && isDateLine(line)) published = readDraftDate(line)
      else {
        // A dateline that cannot be read stays in the text, and the person is told.
        if (published.text === '' && looksLikeDateLine(line))
          warnings.push(unreadDatelineWarning(line))
        break
      }
      at = next + 1
    }
  }

  const rest = lines.slice(at).join('\n')
  const hasBlankLines = /\n[ \t]*\n/.test(rest.trim())
  const paragraphs = hasBlankLines ? rest.split(/\n[ \t]*\n/) : rest.split('\n')
  return finishDraft(
    {
      title,
      outlet: null,
      byline,
      published,
      url: null,
      body: joinParagraphs(paragraphs),
      warnings,
      sources: {
        ...(title !== '' ? { title: 'from the first line' } : {}),
        ...(byline !== null ? { byline: 'from the “By …” line' } : {}),
        ...(published.text !== '' ? { published: 'from the dateline' } : {}),
      },
    },
    fileName,
  )
}

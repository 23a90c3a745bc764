/**
 * Markdown articles (as web clippers save them): metadata from a front-matter block or the first
 * `# ` heading, and the body as readable text: paragraphs, headings and list items each their own
 * paragraph, links as their words, images left out, raw HTML reduced to its text. Front matter is
 * read line by line as `key: value`, never evaluated. Pure: markdown-it only tokenizes here.
 */
import MarkdownIt, { type Token } from 'markdown-it'
import { directionOf, normaliseLanguageTag } from '../language'
import {
  addWarning,
  collapseSpaces,
  finishDraft,
  type FieldSources,
  joinParagraphs,
  normaliseNewlines,
  readDraftDate,
  type Draft,
} from './draft'

// html: true so raw HTML arrives as its own tokens, reduced to text below, rather than as text
// with its tags showing.
const md = new MarkdownIt({ html: true, linkify: false, typographer: false })

type FrontMatter = Map<string, string[]>

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/
const KEY_VALUE = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*)$/
const LIST_ITEM = /^[ \t]+-[ \t]+(.*)$/

/** A scalar without its quotes; an inline list `[a, b]` as its items. */
function yamlValues(raw: string): string[] {
  const value = raw.replace(/[ \t]+#.*$/, '').trim()
  if (value.startsWith('[') && value.endsWith(']'))
    return value.slice(1, -1).split(',').map(unquote).filter(Boolean)
  const one = unquote(value)
  return one === '' ? [] : [one]
}

function unquote(text: string): string {
  const t = text.trim()
  if (t.length >= 2 && (t[0] === '"' || t[0] === "'") && t.at(-1) === t[0]) return t.slice(1, -1)
  return t
}

/** `key: value` lines and `  - item` lists under a key; anything else in the block is ignored. */
function readFrontMatter(block: string): FrontMatter {
  const fields: FrontMatter = new Map()
  let current: string | null = null
  for (const line of block.split('\n')) {
    const pair = KEY_VALUE.exec(line)
    if (pair) {
      current = pair[1]!.toLowerCase()
      fields.set(current, yamlValues(pair[2]!))
      continue
    }
    const item = LIST_ITEM.exec(line)
    if (item && current !== null) fields.get(current)!.push(...yamlValues(item[1]!))
  }
  return fields
}

function field(fields: FrontMatter, ...keys: string[]): string[] {
  for (const key of keys) {
    const values = fields.get(key)
    if (values && values.length > 0) return values
  }
  return []
}

const isHttp = (text: string): boolean => /^https?:\/\//i.test(text)

// ---- Raw HTML inside Markdown ----

const HTML_DROPPED =
  /<(script|style|template|noscript|iframe|svg|math)\b[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->/gi
const HTML_BLOCK_BREAK =
  /<\/?(?:p|div|section|article|header|footer|aside|ul|ol|li|h[1-6]|table|tr|blockquote|pre|figure|hr)\b[^>]*>/gi
const HTML_TAG = /<\/?[A-Za-z][^>]*>/g

/** The words of an HTML fragment, split where its blocks were. Never parsed as live HTML. */
function htmlText(html: string): string[] {
  const text = html
    .replace(HTML_DROPPED, '')
    .replace(HTML_BLOCK_BREAK, '\n\n')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(HTML_TAG, '')
  return md.utils
    .unescapeAll(text)
    .split(/\n[ \t]*\n/)
    .map((p) =>
      p
        .split('\n')
        .map(collapseSpaces)
        .filter((line) => line !== '')
        .join('\n'),
    )
}

// ---- Tokens to text ----

interface Walk {
  paragraphs: string[]
  images: number
}

function inlineText(tokens: readonly Token[], walk: Walk): string {
  let out = ''
  for (const token of tokens) {
    switch (token.type) {
      case 'text':
      case 'code_inline':
        out += token.content
        break
      case 'softbreak':
        out += ' '
        break
      case 'hardbreak':
        out += '\n'
        break
      case 'image':
        walk.images += 1
        break
      case 'html_inline':
        if (/^<br\s*\/?>$/i.test(token.content)) out += '\n'
        break
      // Link, emphasis and strike markers carry no words.
    }
  }
  return out
    .split('\n')
    .map((line) => line.replace(/[ \t\u00A0]+/g, ' ').trim())
    .join('\n')
}

interface List {
  ordered: boolean
  next: number
}

/**
 * Pushes the body's paragraphs onto walk and returns the first level-1 heading. A leading one is
 * the title and left out of the body, unless front matter gave a different title (`knownTitle`).
 */
function blocksToParagraphs(
  tokens: readonly Token[],
  walk: Walk,
  knownTitle: string | null,
): { firstHeading: string | null } {
  const lists: List[] = []
  let prefix = ''
  let row: string[] | null = null
  let cell = false
  let firstHeading: string | null = null
  let firstBlock = true

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!
    switch (token.type) {
      case 'bullet_list_open':
        lists.push({ ordered: false, next: 1 })
        break
      case 'ordered_list_open':
        lists.push({ ordered: true, next: Number(token.attrGet('start') ?? 1) })
        break
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop()
        break
      case 'list_item_open': {
        const list = lists.at(-1)
        if (list) prefix = list.ordered ? `${list.next++}. ` : '• '
        break
      }
      case 'tr_open':
        row = []
        break
      case 'tr_close':
        if (row && row.some((c) => c !== '')) walk.paragraphs.push(row.join(' | '))
        row = null
        break
      case 'th_open':
      case 'td_open':
        cell = true
        break
      case 'th_close':
      case 'td_close':
        cell = false
        break
      case 'heading_open': {
        const inline = tokens[i + 1]
        const text = inline?.children ? inlineText(inline.children, walk) : ''
        if (token.tag === 'h1' && firstHeading === null) {
          firstHeading = text
          if (firstBlock && (knownTitle === null || collapseSpaces(knownTitle) === text)) {
            i += 2
            firstBlock = false
            break
          }
        }
        walk.paragraphs.push(text)
        firstBlock = false
        i += 2
        break
      }
      case 'inline': {
        const text = inlineText(token.children ?? [], walk)
        if (cell && row) row.push(text.replace(/\n/g, ' '))
        else {
          walk.paragraphs.push(prefix + text)
          prefix = ''
        }
        firstBlock = false
        break
      }
      case 'fence':
      case 'code_block':
        // Keeps the code's own lines; blank lines inside would split it into paragraphs.
        walk.paragraphs.push(token.content.replace(/\n[ \t]*(?=\n)/g, ''))
        firstBlock = false
        break
      case 'html_block':
        walk.paragraphs.push(...htmlText(token.content))
        firstBlock = false
        break
    }
  }
  return { firstHeading }
}

export function markdownToArticle(markdown: string, fileName: string): Draft {
  let text = normaliseNewlines(markdown)
  let fields: FrontMatter = new Map()
  const front = FRONT_MATTER.exec(text)
  if (front) {
    fields = readFrontMatter(front[1]!)
    text = text.slice(front[0].length)
  }

  const walk: Walk = { paragraphs: [], images: 0 }
  const knownTitle = field(fields, 'title', 'headline')[0] ?? null
  const { firstHeading } = blocksToParagraphs(md.parse(text, {}), walk, knownTitle)

  const warnings: string[] = []
  if (walk.images > 0)
    addWarning(
      warnings,
      `${walk.images} image${walk.images === 1 ? ' was' : 's were'} left out: Sourceline keeps an article’s text only.`,
    )

  const title = knownTitle ?? firstHeading ?? ''
  const source = field(fields, 'source', 'outlet', 'publisher', 'site', 'site_name')
  const outlet = source.find((s) => !isHttp(s)) ?? null
  const url =
    field(fields, 'url', 'link', 'canonical', 'canonical_url', 'source_url', 'original_url')[0] ??
    source.find(isHttp) ??
    null
  const authors = field(fields, 'author', 'authors', 'byline')
  const date = field(fields, 'date', 'published', 'pubdate', 'published_at', 'date_published')[0]
  const lang = field(fields, 'lang', 'language', 'locale')[0]
  const body = joinParagraphs(walk.paragraphs)
  const declared = normaliseLanguageTag(lang)
  const FRONT = 'from the front matter'
  const sources: FieldSources = {
    ...(knownTitle ? { title: FRONT } : firstHeading ? { title: 'from the first heading' } : {}),
    ...(outlet ? { outlet: FRONT } : {}),
    ...(authors.length > 0 ? { byline: FRONT } : {}),
    ...(date ? { published: FRONT } : {}),
    ...(url ? { url: FRONT } : {}),
  }

  return finishDraft(
    {
      title,
      outlet,
      byline: authors.length > 0 ? authors.join(', ') : null,
      published: readDraftDate(date),
      url,
      body,
      warnings,
      sources,
      ...(declared
        ? { language: { tag: declared, direction: directionOf(declared), source: 'file' as const } }
        : {}),
    },
    fileName,
  )
}

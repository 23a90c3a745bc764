/**
 * Web pages as articles. The page is parsed into inert documents (parse-page.ts: parse5 and
 * linkedom, no browser DOM, so this runs in a Worker): no script runs, nothing loads, no handler
 * fires. Metadata comes from the page as received; the body from the page cleaned to an
 * allow-list of structure and text, with page furniture (menus, share bars, "Most viewed",
 * comments) cut away. Nothing here touches `document` or sets innerHTML (docs/decisions/0007).
 */
import { Readability } from '@mozilla/readability'
import { Document as DomDocument, Element as DomElement } from 'linkedom/worker'
import {
  addWarning,
  collapseSpaces,
  finishDraft,
  httpUrl,
  joinParagraphs,
  isDateLine,
  readDraftDate,
  looksLikeDateLine,
  unreadDatelineWarning,
  type Draft,
  type FieldSources,
  type RemovedBlock,
} from '../domain/import/draft'
import {
  GALLERY_WORDS,
  checkByline,
  isGalleryCaption,
  kindOfName,
  otherLanguageFurniture,
  removedLabel,
  titleWithoutOutlet,
  unwrapJsonLd,
  type FurnitureKind,
} from '../domain/import/page-words'
import { detectLanguage } from '../domain/language'
import { buildDocument, parsePage, type ElementRule, type ParsedPage } from './parse-page'

// ---- Sanitizing ----

/** Structure and text only: anything that can run, load, embed or style is not on the list. */
const TEXT_TAGS = [
  'html',
  'head',
  'body',
  'article',
  'main',
  'section',
  'div',
  'span',
  'p',
  'br',
  'hr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'q',
  'pre',
  'code',
  'em',
  'strong',
  'b',
  'i',
  'u',
  's',
  'del',
  'ins',
  'small',
  'big',
  'sub',
  'sup',
  'mark',
  'abbr',
  'cite',
  'dfn',
  'time',
  'a',
  'table',
  'caption',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'details',
  'summary',
  'center',
  'font',
  'kbd',
  'samp',
  'var',
  'bdi',
  'bdo',
  'wbr',
  // Furniture the body reader removes by tag: kept until then, or their text would leak in.
  'figure',
  'figcaption',
  'header',
  'footer',
  'nav',
  'aside',
  'address',
  'menu',
]

/** No URL-bearing attribute (href, src, srcset, action, data, poster, style…) is on the list. */
const TEXT_ATTRIBUTES = [
  'class',
  'id',
  'itemprop',
  'datetime',
  'role',
  'hidden',
  'aria-hidden',
  'dir',
  'lang',
  'start',
]

/** Removed with everything inside them: their text is controls and fallbacks, not the article. */
const DROPPED_WITH_CONTENT = [
  'form',
  'button',
  'input',
  'select',
  'option',
  'optgroup',
  'datalist',
  'textarea',
  'label',
  'output',
  'meter',
  'progress',
  'object',
  'embed',
  'applet',
  'canvas',
  'map',
  'dialog',
  'frameset',
  'frame',
  'picture',
  'video',
  'audio',
  'source',
  'track',
  'img',
  'image',
  'base',
  'link',
  'meta',
]

/** Removed with everything inside them whenever they are not kept, as DOMPurify does. */
const ALWAYS_DROPPED_WITH_CONTENT = [
  'annotation-xml',
  'audio',
  'colgroup',
  'desc',
  'foreignobject',
  'head',
  'iframe',
  'math',
  'mi',
  'mn',
  'mo',
  'ms',
  'mtext',
  'noembed',
  'noframes',
  'noscript',
  'plaintext',
  'script',
  'selectedcontent',
  'style',
  'svg',
  'template',
  'thead',
  'title',
  'video',
  'xmp',
]

/** Belt and braces: these are not on the allow-lists above either. */
const FORBID_TAGS = new Set([
  'script',
  'style',
  'iframe',
  'svg',
  'math',
  'template',
  'noscript',
  'base',
])
const ALLOWED_TAGS = new Set(TEXT_TAGS.filter((tag) => !FORBID_TAGS.has(tag)))
const ALLOWED_ATTRIBUTES = new Set(TEXT_ATTRIBUTES)
const DROPPED = new Set([...ALWAYS_DROPPED_WITH_CONTENT, ...DROPPED_WITH_CONTENT])
/** Values that could close a raw-text element or a comment if the markup were written out again. */
const VALUE_BREAKOUT =
  /((--!?|])>)|<\/(style|script|title|xmp|textarea|noscript|iframe|noembed|noframes)|\/>/i

/**
 * The allow-list as the page is built: an element not on it is unwrapped (its text kept), or
 * dropped with its content when that content is controls, fallbacks or code. Only HTML elements
 * are kept; attribute values are trimmed, as DOMPurify did before this ran in a Worker.
 */
const cleanElement: ElementRule = (element) => {
  const tag = element.tagName.toLowerCase()
  const html = element.namespaceURI === 'http://www.w3.org/1999/xhtml'
  if (!html || !ALLOWED_TAGS.has(tag)) return { keep: false, content: !DROPPED.has(tag) }
  const attributes = element.attrs
    .filter((a) => !a.namespace && ALLOWED_ATTRIBUTES.has(a.name.toLowerCase()))
    .map((a) => ({ name: a.name.toLowerCase(), value: a.value.trim() }))
    .filter((a) => !VALUE_BREAKOUT.test(a.value))
  return { keep: true, attributes }
}

/**
 * The page reduced to structure and text, as an HTML string: no scripts, styles, frames, forms,
 * media, event handlers, URLs or inline styles.
 */
export function sanitizePage(html: string): string {
  return cleanDocument(parsePage(html)).documentElement.outerHTML
}

function cleanDocument(page: ParsedPage): Document {
  return buildDocument(page, cleanElement)
}

/** A document that never runs, loads or renders anything (see docs/decisions/0007). */
function parseInert(page: ParsedPage): Document {
  return buildDocument(page)
}

// ---- Reading the page as received ----

/*
 * A page may try to clobber: `<img name="querySelectorAll">` replaces that method on a browser's
 * document, `<form><input name="getAttribute">` on that form. linkedom has no such named access,
 * but its nodes are still read through the prototypes' own functions, never the nodes' properties.
 */
/** A getter as the DOM implementation defines it, found along the prototype chain. */
function getterOf(proto: object, name: string): ((this: unknown) => unknown) | undefined {
  for (let p: object | null = proto; p; p = Object.getPrototypeOf(p) as object | null) {
    const get = Object.getOwnPropertyDescriptor(p, name)?.get
    if (get) return get
  }
  return undefined
}

const documentElementOf = getterOf(DomDocument.prototype, 'documentElement') as (
  this: Document,
) => Element | null
const textContentOf = getterOf(DomElement.prototype, 'textContent') as (
  this: Element,
) => string | null
const getAttributeOf = DomElement.prototype.getAttribute as Element['getAttribute']
const querySelectorAllOf = DomElement.prototype.querySelectorAll as Element['querySelectorAll']

function all(root: Element, selector: string): Element[] {
  return Array.from(querySelectorAllOf.call(root, selector))
}

function attr(element: Element, name: string): string | null {
  return getAttributeOf.call(element, name)
}

function text(node: Element): string {
  return collapseSpaces(textContentOf.call(node) ?? '')
}

interface PageMeta {
  title: string
  outlet: string | null
  byline: string | null
  published: string
  url: string | null
  sources: FieldSources
  /** What the page declares about its language. */
  lang: {
    page: string | null
    jsonLd: string | null
    contentLanguage: string | null
    ogLocale: string | null
  }
  /** Length of the JSON-LD articleBody, to compare the kept text with. */
  articleBodyLength: number | null
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function jsonText(value: Json | undefined): string | null {
  if (typeof value === 'string') return collapseSpaces(value) || null
  if (isObject(value)) return jsonText(value['name']) ?? jsonText(value['@id'])
  return null
}

function jsonNames(value: Json | undefined): string[] {
  if (Array.isArray(value)) return value.flatMap(jsonNames)
  const name = typeof value === 'string' ? value : isObject(value) ? value['name'] : undefined
  return typeof name === 'string' && collapseSpaces(name) ? [collapseSpaces(name)] : []
}

const ARTICLE_TYPE = /(?:Article|BlogPosting|SocialMediaPosting|Report)$/

/** The schema.org article the page describes in JSON-LD, if any. Parsed as data, never run. */
function jsonLdArticle(root: Element): { [key: string]: Json } | null {
  const found: { [key: string]: Json }[] = []
  const visit = (value: Json): void => {
    if (Array.isArray(value)) value.forEach(visit)
    else if (isObject(value)) {
      found.push(value)
      const graph = value['@graph']
      if (graph !== undefined) visit(graph)
    }
  }
  for (const script of all(root, 'script[type]')) {
    if (attr(script, 'type')?.trim().toLowerCase() !== 'application/ld+json') continue
    try {
      visit(JSON.parse(unwrapJsonLd(textContentOf.call(script) ?? '')) as Json)
    } catch {
      // A broken block says nothing; the meta tags may still.
    }
  }
  return (
    found.find((item) => {
      const type = item['@type']
      const types = Array.isArray(type) ? type : [type]
      return types.some((t) => typeof t === 'string' && ARTICLE_TYPE.test(t))
    }) ?? null
  )
}

/** `<meta>` values by lower-cased property, name or itemprop, in page order. */
function metaTags(root: Element): Map<string, string[]> {
  const tags = new Map<string, string[]>()
  for (const meta of all(root, 'meta[content]')) {
    const content = collapseSpaces(attr(meta, 'content') ?? '')
    if (content === '') continue
    for (const keyAttr of ['property', 'name', 'itemprop']) {
      const key = attr(meta, keyAttr)?.trim().toLowerCase()
      if (!key) continue
      tags.set(key, [...(tags.get(key) ?? []), content])
    }
  }
  return tags
}

function first(...candidates: (string | null | undefined)[]): string | null {
  for (const c of candidates) if (c && c.trim() !== '') return c.trim()
  return null
}

const PUBLISHED_META = [
  'article:published_time',
  'og:article:published_time',
  'datepublished',
  'pubdate',
  'publishdate',
  'publish-date',
  'published_time',
  'dc.date.issued',
  'dc.date',
  'dcterms.created',
  'dcterms.date',
  'sailthru.date',
  'parsely-pub-date',
  'date',
]

function publishedFromPage(root: Element): string | null {
  for (const el of all(root, '[itemprop~="datePublished"], time[pubdate], article time')) {
    const value = first(attr(el, 'datetime'), attr(el, 'content'), text(el))
    if (value) return value
  }
  return null
}

/** 'By Jane Doe | 27 March 2023' → 'Jane Doe'; initials alone or a doubled name: see checkByline. */
function cleanByline(found: string | null): string | null {
  if (!found) return null
  return checkByline(collapseSpaces(found.split(/[|•·\n]/)[0] ?? ''))
}

const BYLINE_SELECTOR =
  '[rel~="author"], [itemprop~="author"], .byline, .author-name, .article-author, .pb-byline, ' +
  '.byline__name, .c-byline, .story-byline, .author'

/** The article's own byline first: a sidebar teaser earlier in the page may carry another. */
function bylineFromPage(root: Element): string | null {
  const article = all(root, 'article')[0]
  for (const scope of article ? [article, root] : [root]) {
    for (const el of all(scope, BYLINE_SELECTOR)) {
      // An author block may nest its own name.
      const named = all(el, '[itemprop~="name"]')[0]
      const byline = cleanByline(text(named ?? el))
      if (byline) return byline
    }
  }
  return null
}

/** 'Headline | Outlet', '标题_新华网' → 'Headline', when the outlet is known (page-words.ts). */
const withoutOutlet = titleWithoutOutlet

/** The first candidate with a value, with the words saying where it was found. */
function firstSourced(
  candidates: readonly [string, string | null | undefined][],
): [string, string] | null {
  for (const [source, value] of candidates)
    if (value && value.trim() !== '') return [value.trim(), source]
  return null
}

/** Title, outlet, byline, date and address from the page as received, read without running it. */
export function readPageMeta(page: Document): PageMeta {
  const root = documentElementOf.call(page)
  const noLang = { page: null, jsonLd: null, contentLanguage: null, ogLocale: null }
  if (!root)
    return {
      title: '',
      outlet: null,
      byline: null,
      published: '',
      url: null,
      sources: {},
      lang: noLang,
      articleBodyLength: null,
    }
  const ld = jsonLdArticle(root)
  const meta = metaTags(root)
  const m = (key: string): string | null => meta.get(key)?.[0] ?? null
  const sources: FieldSources = {}

  const outletFound = firstSourced([
    ['from the page’s og:site_name', m('og:site_name')],
    ['from the publisher in the page’s JSON-LD', ld ? jsonText(ld['publisher']) : null],
    ['from the page’s application-name', m('application-name')],
  ])
  const outlet = outletFound?.[0] ?? null
  if (outletFound) sources.outlet = outletFound[1]
  const titleElement = all(root, 'title')[0]
  const h1 = all(root, 'article h1, h1')[0]
  const titleFound = firstSourced([
    ['from the headline in the page’s JSON-LD', ld ? jsonText(ld['headline']) : null],
    ['from the page’s og:title', m('og:title')],
    ['from the page’s twitter:title', m('twitter:title')],
    ['from the page’s <title>', titleElement ? text(titleElement) : null],
    ['from the page’s main heading', h1 ? text(h1) : null],
  ])
  const title = withoutOutlet(titleFound?.[0] ?? '', outlet)
  if (titleFound)
    sources.title =
      title === titleFound[0] ? titleFound[1] : `${titleFound[1]}, less the outlet’s name`
  const ldAuthors = (ld ? jsonNames(ld['author']) : []).map(checkByline).filter((n) => n !== null)
  const metaAuthor = m('author') ?? m('article:author') ?? m('dc.creator') ?? m('byl')
  const bylineFound = firstSourced([
    ['from the author in the page’s JSON-LD', checkByline(ldAuthors.join(', '))],
    ['from the page’s author meta tag', cleanByline(httpUrl(metaAuthor) ? null : metaAuthor)],
    ['from the page’s byline', bylineFromPage(root)],
  ])
  const byline = bylineFound?.[0] ?? null
  if (bylineFound) sources.byline = bylineFound[1]
  const publishedFound = firstSourced([
    ['from the datePublished in the page’s JSON-LD', ld ? jsonText(ld['datePublished']) : null],
    ...PUBLISHED_META.map((key): [string, string | null] => [
      `from the page’s ${key} meta tag`,
      m(key),
    ]),
    ['from the page’s <time> markup', publishedFromPage(root)],
    ['from the dateCreated in the page’s JSON-LD', ld ? jsonText(ld['dateCreated']) : null],
  ])
  const published = publishedFound?.[0] ?? ''
  if (publishedFound) sources.published = publishedFound[1]
  const canonical = all(root, 'link[rel][href]').find((link) =>
    (attr(link, 'rel') ?? '').toLowerCase().split(/\s+/).includes('canonical'),
  )
  const urlFound = firstSourced([
    ['from the page’s canonical link', httpUrl(canonical ? attr(canonical, 'href') : null)],
    ['from the page’s og:url', httpUrl(m('og:url'))],
    ['from the page’s JSON-LD', httpUrl(ld ? jsonText(ld['url']) : null)],
    ['from the page’s JSON-LD', httpUrl(ld ? jsonText(ld['mainEntityOfPage']) : null)],
  ])
  const url = urlFound?.[0] ?? null
  if (urlFound) sources.url = urlFound[1]
  const httpEquiv = all(root, 'meta[http-equiv][content]').find(
    (el) => attr(el, 'http-equiv')?.trim().toLowerCase() === 'content-language',
  )
  const body = all(root, 'body[lang]')[0]
  const lang = {
    page: attr(root, 'lang') ?? attr(root, 'xml:lang') ?? (body ? attr(body, 'lang') : null),
    jsonLd: ld ? jsonText(ld['inLanguage']) : null,
    contentLanguage: httpEquiv ? attr(httpEquiv, 'content') : m('content-language'),
    ogLocale: m('og:locale'),
  }
  const articleBody = ld ? jsonText(ld['articleBody']) : null
  return {
    title,
    outlet,
    byline,
    published,
    url,
    sources,
    lang,
    articleBodyLength: articleBody ? articleBody.length : null,
  }
}

// ---- Finding the article in the sanitized page ----

/** Elements that are never the article, wherever they are. */
const FURNITURE_ELEMENTS = [
  'nav',
  'aside',
  'footer',
  'header',
  'figure',
  'figcaption',
  'menu',
  'address',
  '[hidden]',
  ...[
    'navigation',
    'banner',
    'contentinfo',
    'complementary',
    'search',
    'dialog',
    'alertdialog',
    'toolbar',
    'menu',
    'menubar',
  ].map((role) => `[role="${role}"]`),
].join(', ')

/** Words in class names and ids that mark furniture. Matched whole, so 'shared' is not 'share'. */
const FURNITURE_WORDS = new Set([
  'share',
  'sharing',
  'sharebar',
  'sharedaddy',
  'social',
  'addthis',
  'addtoany',
  'related',
  'recommended',
  'recommendations',
  'recirc',
  'recirculation',
  'outbrain',
  'taboola',
  'trending',
  'popular',
  'mostread',
  'mostviewed',
  'comment',
  'comments',
  'disqus',
  'replies',
  'respond',
  'newsletter',
  'subscribe',
  'subscription',
  'signup',
  'paywall',
  'promo',
  'promoted',
  'sponsor',
  'sponsored',
  'advert',
  'advertisement',
  'ad',
  'ads',
  'adslot',
  'adunit',
  'banner',
  'breadcrumb',
  'breadcrumbs',
  'pagination',
  'pager',
  'nav',
  'navbar',
  'navigation',
  'menu',
  'sidebar',
  'widget',
  'widgets',
  'header',
  'footer',
  'masthead',
  'toolbar',
  'cookie',
  'cookies',
  'consent',
  'gdpr',
  'modal',
  'popup',
  'overlay',
  'tags',
  'byline',
  'dateline',
  'author',
  'meta',
  'caption',
  'credit',
  'credits',
  // Jetpack's and YARPP's related-post blocks ('jp-relatedposts'), galleries and slide shows.
  'relatedposts',
  'yarpp',
  ...GALLERY_WORDS,
])

/** Two-word marks: 'most-viewed', 'sr-only', 'visually-hidden', 'read-more'. */
const FURNITURE_PAIRS = new Set([
  'most viewed',
  'most read',
  'most popular',
  'most shared',
  'read more',
  'read next',
  'more stories',
  'also like',
  'sr only',
  'visually hidden',
  'screen reader',
  'skip link',
  'next article',
  'previous article',
  'prev article',
])

function nameWords(element: Element): string[] {
  return `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
}

function isFurnitureByName(element: Element): boolean {
  const words = nameWords(element)
  if (words.some((w) => FURNITURE_WORDS.has(w))) return true
  return words.some((w, i) => i > 0 && FURNITURE_PAIRS.has(`${words[i - 1]} ${w}`))
}

/** Section titles that start page furniture: what follows them is not the article. */
const FURNITURE_HEADING =
  /^(?:most (?:viewed|read|popular|shared|commented)(?: \w+)?|related(?: \w+)?|recommended(?: \w+){0,2}|you (?:may|might) (?:also )?(?:like|be interested in)|popular(?: posts| stories| now)?(?: from this blog)?|more (?:from|on|in|stories|news|articles|like this)\b.*|trending(?: \w+)?|editor'?s? picks?|top stories|latest (?:news|stories|articles|headlines)|in other news|around the web|(?:sponsored|promoted|partner) (?:stories|content|links)|from (?:our|the) partners|read (?:more|next|also)|see also|further reading|share(?: this)?(?: \w+)?|tags?|topics)$/
/**
 * Section titles after which everything is reader comments. Only unmistakable ones: an article may
 * well have a 'Discussion' or 'Responses' section of its own.
 */
const COMMENTS_HEADING =
  /^(?:comments?|\d+ comments?|no comments|(?:leave|post|add) a (?:comment|reply)|join the (?:conversation|discussion)|reader comments|\d+ responses?)$/

/** Whole lines that are page furniture, not article text. */
const FURNITURE_LINE =
  /^(?:share(?: (?:this|on|via) \w+| this (?:article|story|post|page)| and like this post| the story)?|tweet|email|print|copy link|advertisement|advert|ad|sponsored(?: content)?|previous (?:article|post|story)|next (?:article|post|story)|skip to (?:main )?content|back to top|subscribe(?: now)?|sign up|follow us(?: on \w+)?)$/
const READ_MORE_LINE = /^(?:read more|see also|related|also read|read also|more|watch|listen)\s*:/

/** Words a row of share buttons is made of. */
const SHARE_WORDS = new Set([
  'share',
  'shares',
  'this',
  'on',
  'via',
  'article',
  'story',
  'post',
  'facebook',
  'twitter',
  'x',
  'whatsapp',
  'linkedin',
  'email',
  'e-mail',
  'print',
  'copy',
  'link',
  'tweet',
  'pinterest',
  'reddit',
  'telegram',
  'messenger',
  'comments',
  'comment',
  'save',
  'gift',
  'and',
  'like',
])

/** For matching against the phrases above: lower case, single spaces, no edge punctuation. */
function phrase(line: string): string {
  return collapseSpaces(line)
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, '')
}

function isFurnitureLine(line: string): boolean {
  const p = phrase(line)
  if (p === '') return true
  if (p.length <= 60 && (FURNITURE_LINE.test(p) || COMMENTS_HEADING.test(p))) return true
  if (p.length <= 60 && FURNITURE_HEADING.test(p)) return true
  if (otherLanguageFurniture(line) !== null) return true
  const words = p.split(/[\s|/•·,]+/).filter((w) => !/^\d+$/.test(w))
  return (
    p.length <= 120 &&
    words.length > 0 &&
    words.every((w) => SHARE_WORDS.has(w)) &&
    words.some((w) => w !== 'this' && w !== 'on' && w !== 'and')
  )
}

function textLength(node: Node): number {
  return collapseSpaces(node.textContent ?? '').length
}

function linkDensity(element: Element): number {
  const total = textLength(element)
  if (total === 0) return 0
  const linked = Array.from(element.querySelectorAll('a')).reduce((n, a) => n + textLength(a), 0)
  return linked / total
}

/** Node types, as numbers: a Worker has no global Node. */
const ELEMENT_NODE = 1
const TEXT_NODE = 3

const HEADING = /^H([1-6])$/

function headingLevel(element: Element): number | null {
  const match = HEADING.exec(element.tagName)
  return match ? Number(match[1]) : null
}

/** Prose: a block of words that are mostly not links, long enough to be a sentence or two. */
function isProse(element: Element): boolean {
  return textLength(element) >= 80 && linkDensity(element) < 0.5
}

/** Removes a furniture heading and what belongs to it: links and lists up to the next prose. */
function removeFurnitureSection(
  heading: Element,
  comments: boolean,
  cuts: Cuts = new Cuts(),
  kind: FurnitureKind = comments ? 'comments' : 'related',
): void {
  const level = headingLevel(heading) ?? 7
  let next = heading.nextElementSibling
  const section: Element[] = [heading]
  while (next) {
    const after: Element | null = next.nextElementSibling
    const nextLevel = headingLevel(next)
    if (nextLevel !== null && nextLevel <= level) break
    // Comments run to the end; a 'Related' box may sit mid-article, with the article after it.
    if (!comments && isProse(next)) break
    section.push(next)
    next = after
  }
  cuts.cut(section, kind)
}

/** A removed block's place in the text: a paragraph of its own holding only its number. */
const CUT_MARK = /^\uE000(\d+)\uE000$/

/**
 * What prune() takes out, kept so the review dialog can say what was cut and put it back. Each cut
 * leaves a marker paragraph where it was, so its place in the text is known.
 */
class Cuts {
  /** `placed` is false for an inline cut (a share link inside a paragraph): it has no place. */
  readonly blocks: { kind: FurnitureKind; paragraphs: string[]; placed: boolean }[] = []

  cut(elements: readonly Element[], kind: FurnitureKind): void {
    const paragraphs = elements.flatMap((el) => paragraphsOf(el))
    const firstElement = elements[0]
    if (paragraphs.length > 0 && firstElement) {
      // A marker paragraph inside running text would split it in two.
      const placed = BLOCK_TAGS.has(firstElement.tagName)
      if (placed) {
        const marker = firstElement.ownerDocument.createElement('p')
        marker.textContent = `\uE000${this.blocks.length}\uE000`
        firstElement.before(marker)
      }
      this.blocks.push({ kind, paragraphs, placed })
    }
    for (const el of elements) el.remove()
  }
}

/** A link list the article introduces ('The filings:', a 'Sources' heading) is the article's. */
function isIntroducedList(element: Element): boolean {
  if (!/^(?:UL|OL|TABLE)$/.test(element.tagName)) return false
  const before = element.previousElementSibling
  if (!before) return false
  const words = collapseSpaces(before.textContent ?? '')
  if (headingLevel(before) !== null)
    return !FURNITURE_HEADING.test(phrase(words)) && otherLanguageFurniture(words) === null
  return isProse(before) ? /[:：]$/.test(words) : /[:：]$/.test(words) && words.length > 0
}

/**
 * Cuts furniture out of the chosen container. A class-name match that holds most of the text is
 * kept: 'article-body has-share-bar' is the article, whatever its class says.
 */
function prune(container: Element, cuts: Cuts = new Cuts()): void {
  for (const el of Array.from(container.querySelectorAll(FURNITURE_ELEMENTS)))
    if (container.contains(el)) cuts.cut([el], kindOfName(nameWords(el)))

  const total = Math.max(textLength(container), 1)
  for (const el of Array.from(container.querySelectorAll('*'))) {
    if (!container.contains(el)) continue
    const hidden = el.getAttribute('aria-hidden') === 'true' && textLength(el) < 200
    if ((hidden || isFurnitureByName(el)) && textLength(el) / total <= 0.5)
      cuts.cut([el], kindOfName(nameWords(el)))
  }

  for (const el of Array.from(
    container.querySelectorAll('h1, h2, h3, h4, h5, h6, p, div, strong'),
  )) {
    if (!container.contains(el)) continue
    const p = phrase(el.textContent ?? '')
    if (p.length > 60) continue
    const other = otherLanguageFurniture(el.textContent ?? '')
    const comments = COMMENTS_HEADING.test(p) || other === 'comments'
    if (!comments && !FURNITURE_HEADING.test(p) && other === null) continue
    const kind: FurnitureKind = comments ? 'comments' : (other ?? 'related')
    if (headingLevel(el) !== null) removeFurnitureSection(el, comments, cuts, kind)
    else {
      // A label that is not a heading ('<p>Related Posts</p>') takes its list with it.
      const next = el.nextElementSibling
      const list = next && (/^(?:UL|OL)$/.test(next.tagName) || linkDensity(next) >= 0.7)
      cuts.cut(list && next ? [el, next] : [el], kind)
    }
  }

  for (const el of Array.from(container.querySelectorAll('ul, ol, div, section, table, p'))) {
    if (!container.contains(el) || el.querySelectorAll('a').length === 0) continue
    const density = linkDensity(el)
    const length = textLength(el)
    const isParagraph = el.tagName === 'P'
    if (isParagraph) {
      // 'Read more: <a>…</a>' and a paragraph that is one link are teasers for other articles.
      if (length < 150 && (density >= 0.9 || READ_MORE_LINE.test(phrase(el.textContent ?? ''))))
        cuts.cut([el], 'read-more')
    } else if (
      density >= 0.7 &&
      el.querySelectorAll('a').length >= 2 &&
      length / total <= 0.5 &&
      !isIntroducedList(el)
    ) {
      cuts.cut([el], 'related')
    }
  }
}

const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'CAPTION',
  'CENTER',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'HTML',
  'LI',
  'MAIN',
  'MENU',
  'NAV',
  'OL',
  'P',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TFOOT',
  'THEAD',
  'UL',
])

/** Gathers text into paragraphs: a block element starts and ends one, `<br>` breaks a line. */
class ParagraphWriter {
  readonly paragraphs: string[] = []
  #current = ''
  #prefix = ''

  text(data: string): void {
    this.#current += data.replace(/\s+/g, ' ')
  }

  lineBreak(): void {
    this.#current += '\n'
  }

  /** A list marker for the next paragraph with words in it. */
  prefix(marker: string): void {
    this.#prefix = marker
  }

  flush(): void {
    // Two line breaks in a row are how older pages separate paragraphs.
    for (const block of this.#current.split(/\n[ \t]*\n/)) {
      const lines = block
        .split('\n')
        .map(collapseSpaces)
        .filter((line) => line !== '')
      if (lines.length === 0) continue
      this.paragraphs.push(this.#prefix + lines.join('\n'))
      this.#prefix = ''
    }
    this.#current = ''
  }

  /** A paragraph taken whole: preformatted text and table rows. */
  push(paragraph: string): void {
    this.flush()
    if (paragraph.trim() !== '') this.paragraphs.push(paragraph)
  }
}

function writeNode(node: Node, out: ParagraphWriter): void {
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === TEXT_NODE) {
      out.text(child.textContent ?? '')
      continue
    }
    if (child.nodeType !== ELEMENT_NODE) continue
    const element = child as Element
    const tag = element.tagName
    if (tag === 'BR') out.lineBreak()
    else if (tag === 'PRE') {
      // Keeps the lines as written; blank lines inside would split the paragraph.
      const lines = (element.textContent ?? '').split('\n').map((l) => l.trimEnd())
      out.push(lines.filter((l) => l.trim() !== '').join('\n'))
    } else if (tag === 'TR') {
      const cells = Array.from(element.children)
        .filter((c) => c.tagName === 'TD' || c.tagName === 'TH')
        .map((c) => collapseSpaces(c.textContent ?? ''))
      out.push(cells.some((c) => c !== '') ? cells.join(' | ') : '')
    } else if (tag === 'LI') {
      out.flush()
      out.prefix(listMarker(element))
      writeNode(element, out)
      out.flush()
    } else if (BLOCK_TAGS.has(tag)) {
      out.flush()
      writeNode(element, out)
      out.flush()
    } else {
      writeNode(element, out)
    }
  }
}

function listMarker(item: Element): string {
  const list = item.parentElement
  if (list?.tagName !== 'OL') return '• '
  const start = Number.parseInt(list.getAttribute('start') ?? '1', 10)
  const index = Array.from(list.children)
    .filter((c) => c.tagName === 'LI')
    .indexOf(item)
  return `${(Number.isFinite(start) ? start : 1) + index}. `
}

function paragraphsOf(container: Element): string[] {
  const out = new ParagraphWriter()
  writeNode(container, out)
  out.flush()
  return out.paragraphs
}

function largest(elements: readonly Element[]): Element | null {
  let best: Element | null = null
  let bestLength = -1
  for (const el of elements) {
    const length = textLength(el)
    if (length > bestLength) {
      best = el
      bestLength = length
    }
  }
  return best
}

/**
 * Past this many elements Readability is skipped: its scoring grows faster than the page (about 5 s
 * for 40,000 elements in Chromium, against a tenth of a second for a typical news page).
 */
const READABILITY_MAX_ELEMENTS = 20_000

/**
 * Readability (Firefox's Reader View) for pages that do not mark their article. It runs on a copy
 * of the sanitized, inert document and hands back its chosen element; it loads nothing either.
 */
function readabilityContainer(page: Document): Element | null {
  try {
    // Counted first: copying a page Readability would refuse costs as much as reading it.
    if (page.getElementsByTagName('*').length > READABILITY_MAX_ELEMENTS) return null
    const copy = page.cloneNode(true) as Document
    const result = new Readability<Node>(copy, {
      serializer: (node) => node,
      keepClasses: true,
      charThreshold: 200,
      disableJSONLD: true,
      // Over the limit, parse() throws, and the page falls back to <article>, <main> or <body>.
      maxElemsToParse: READABILITY_MAX_ELEMENTS,
    }).parse()
    const content = result?.content
    return content && content.nodeType === ELEMENT_NODE && textLength(content) > 0
      ? (content as Element)
      : null
  } catch {
    return null
  }
}

/** The element holding the article: marked up as such, found by Readability, or the page. */
function articleContainer(page: Document, body: Element): Element {
  const marked = largest(Array.from(body.querySelectorAll('[itemprop~="articleBody"]')))
  if (marked && textLength(marked) > 0) return marked
  const articles = Array.from(body.querySelectorAll('article')).filter(
    (a) => !a.parentElement?.closest('article'),
  )
  if (articles.length === 1) return articles[0]!
  return (
    readabilityContainer(page) ??
    largest(articles) ??
    largest(Array.from(body.querySelectorAll('main'))) ??
    body
  )
}

/** Title, byline and date lines at the top of the body repeat the metadata: drop them. */
function withoutRepeatedMeta(paragraphs: string[], meta: PageMeta): string[] {
  const out = [...paragraphs]
  const title = phrase(meta.title)
  const byline = meta.byline ? phrase(meta.byline) : null
  // Markers of cut blocks (see Cuts) are stepped over, not counted.
  for (let i = 0, at = 0; i < 3 && at < out.length;) {
    if (CUT_MARK.test(out[at]!)) {
      at++
      continue
    }
    const p = phrase(out[at]!)
    const isTitle = title !== '' && p === title
    const isByline = byline !== null && (p === byline || p === `by ${byline}`)
    const isDate = isDateLine(out[at]!)
    if (!isTitle && !isByline && !isDate) break
    out.splice(at, 1)
    i++
  }
  return out
}

export function htmlToArticle(html: string, fileName: string): Draft {
  const warnings: string[] = []
  const page = parsePage(html)
  const meta = readPageMeta(parseInert(page))

  const clean = cleanDocument(page)
  const body = clean.querySelector('body')
  let paragraphs: string[] = []
  let removed: RemovedBlock[] = []
  let markedLength: number | null = meta.articleBodyLength
  let published = meta.published
  const sources = { ...meta.sources }
  if (body) {
    const standfirst = standfirstOf(body)
    const container = articleContainer(clean, body)
    markedLength ??= markedBodyLength(body)
    const cuts = new Cuts()
    prune(container, cuts)
    const found = paragraphsOf(container)
    if (standfirst && !found.some((p) => p.includes(standfirst))) found.unshift(standfirst)
    const lines = cutFurnitureLines(found, cuts)
    const dateline = readDateline(lines, meta)
    if (dateline.date && published === '') {
      published = dateline.date
      sources.published = 'from the dateline'
    }
    if (dateline.unread) addWarning(warnings, unreadDatelineWarning(dateline.unread))
    const placed = placeCuts(withoutRepeatedMeta(lines, meta), cuts)
    paragraphs = placed.paragraphs
    removed = placed.removed
    if (paragraphs.length === 0) {
      removed = []
      // Less sure of what is furniture here, so only what is furniture by its tag goes.
      // Built again rather than copied up front: most pages never come here.
      const wholePage = cleanDocument(page).querySelector('body')!
      for (const el of Array.from(wholePage.querySelectorAll(FURNITURE_ELEMENTS))) el.remove()
      paragraphs = paragraphsOf(wholePage).filter((p) => !isFurnitureLine(p))
      if (paragraphs.length > 0)
        addWarning(
          warnings,
          'The article could not be told apart from the rest of the page, so the text of the ' +
            'whole page (less its menus, headers and footers) was kept.',
        )
    }
  }
  const text = joinParagraphs(paragraphs)
  const lengthWarning = compareLength(text.length, markedLength)
  if (lengthWarning) addWarning(warnings, lengthWarning)
  const language = detectLanguage({ ...meta.lang, text })

  return finishDraft(
    {
      title: meta.title,
      outlet: meta.outlet,
      byline: meta.byline,
      published: readDraftDate(published),
      url: meta.url,
      body: text,
      warnings,
      language,
      sources,
      removed,
    },
    fileName,
  )
}

/** Class and id words of a standfirst (the sub-headline under the title). */
const STANDFIRST_WORDS = new Set([
  'standfirst',
  'dek',
  'subheadline',
  'subhead',
  'subtitle',
  'strapline',
  'lede',
  'deck',
  'summary',
  'excerpt',
  'chapo',
  'bajada',
  'entradilla',
  'linha-fina',
])

/**
 * The standfirst, which pages often set in the header above the article body, where it would be
 * cut with the header. Read before pruning; added at the top when the body does not have it.
 */
function standfirstOf(body: Element): string | null {
  for (const el of Array.from(body.querySelectorAll('[class], [id], [itemprop~="description"]'))) {
    const words = nameWords(el)
    const joined = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.toLowerCase()
    const marked =
      el.getAttribute('itemprop')?.split(/\s+/).includes('description') ||
      words.some((w) => STANDFIRST_WORDS.has(w)) ||
      /(?:^|[\s_-])(?:sub-?headline|linha-fina|article-summary)(?:$|[\s_-])/.test(joined)
    if (!marked) continue
    const text = collapseSpaces(el.textContent ?? '')
    if (text.length >= 20 && text.length <= 600 && linkDensity(el) < 0.5) return text
  }
  return null
}

/** Text length of what the page marks as its article, before anything is cut from it. */
function markedBodyLength(body: Element): number | null {
  const marked = largest(Array.from(body.querySelectorAll('[itemprop~="articleBody"]')))
  if (!marked) return null
  return joinParagraphs(paragraphsOf(marked.cloneNode(true) as Element)).length
}

/** A warning when the kept text is far from the length of the page's marked article body. */
function compareLength(kept: number, marked: number | null): string | null {
  if (marked === null || marked < 200) return null
  const ratio = kept / marked
  if (ratio < 0.7)
    return (
      `The kept text is ${Math.round(ratio * 100)}% as long as the article body the page marks ` +
      `(${kept.toLocaleString('en')} of ${marked.toLocaleString('en')} characters): check what was removed.`
    )
  if (ratio > 1.5)
    return (
      `The kept text is ${Math.round(ratio * 100)}% as long as the article body the page marks ` +
      `(${kept.toLocaleString('en')} against ${marked.toLocaleString('en')} characters): page furniture may have been kept.`
    )
  return null
}

/**
 * Drops whole-line furniture ('Share', 'Advertisement', 'Lire aussi : …') and runs of gallery
 * captions ('3/50 …'), each recorded as a cut with a marker in its place.
 */
function cutFurnitureLines(paragraphs: readonly string[], cuts: Cuts): string[] {
  const out: string[] = []
  // Captions in a list carry its marker ('• 3/50 …').
  const isCaption = (p: string): boolean => isGalleryCaption(p.replace(/^(?:• |\d+\. )/, ''))
  const captions = paragraphs.filter(isCaption).length
  let i = 0
  while (i < paragraphs.length) {
    const p = paragraphs[i]!
    if (CUT_MARK.test(p)) {
      out.push(p)
      i++
      continue
    }
    // Two or more numbered captions make a slide show; one '24/7' line does not.
    if (captions >= 2 && isCaption(p)) {
      const run: string[] = []
      while (i < paragraphs.length && isCaption(paragraphs[i]!)) {
        run.push(paragraphs[i]!)
        i++
      }
      out.push(`\uE000${cuts.blocks.length}\uE000`)
      cuts.blocks.push({ kind: 'gallery', paragraphs: run, placed: true })
      continue
    }
    if (isFurnitureLine(p)) {
      const other = otherLanguageFurniture(p)
      out.push(`\uE000${cuts.blocks.length}\uE000`)
      cuts.blocks.push({ kind: other ?? 'other', paragraphs: [p], placed: true })
      i++
      continue
    }
    out.push(p)
    i++
  }
  return out
}

/**
 * A dateline among the first lines: read, it becomes the date when the page's metadata has none
 * (and withoutRepeatedMeta takes it out of the text); unread, it stays and is reported.
 */
function readDateline(
  paragraphs: readonly string[],
  meta: PageMeta,
): { date: string | null; unread: string | null } {
  const top = paragraphs.filter((p) => !CUT_MARK.test(p)).slice(0, 4)
  const title = phrase(meta.title)
  for (const line of top) {
    if (phrase(line) === title) continue
    if (isDateLine(line)) return { date: line, unread: null }
    if (looksLikeDateLine(line) && line.length <= 60 && meta.published === '')
      return { date: null, unread: line }
  }
  return { date: null, unread: null }
}

/** Removes the markers, noting how many kept paragraphs came before each cut. */
function placeCuts(
  paragraphs: readonly string[],
  cuts: Cuts,
): { paragraphs: string[]; removed: RemovedBlock[] } {
  const kept: string[] = []
  const at = new Map<number, number>()
  for (const p of paragraphs) {
    const mark = CUT_MARK.exec(p)
    if (mark) at.set(Number(mark[1]), kept.length)
    else kept.push(p)
  }
  // Adjacent cuts of one kind are one block to the person ('3 related-post teasers').
  const removed: (RemovedBlock & { kind: FurnitureKind; count: number })[] = []
  cuts.blocks.forEach((block, i) => {
    const place = block.placed ? (at.get(i) ?? kept.length) : kept.length
    const last = removed.at(-1)
    if (last && last.kind === block.kind && last.at === place) {
      last.paragraphs.push(...block.paragraphs)
      last.count++
    } else
      removed.push({
        kind: block.kind,
        count: 1,
        label: '',
        paragraphs: [...block.paragraphs],
        at: place,
      })
  })
  return {
    paragraphs: kept,
    removed: removed.map(({ kind, count, paragraphs: texts, at: place }) => ({
      // Teasers are counted without their 'Related' heading.
      label: removedLabel(
        kind,
        kind === 'related' || kind === 'read-more'
          ? Math.max(1, texts.filter((t) => !isFurnitureLine(t)).length)
          : kind === 'other'
            ? Math.max(count, texts.length)
            : texts.length,
      ),
      paragraphs: texts,
      at: place,
    })),
  }
}

// @vitest-environment jsdom
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { paragraphs } from '../domain/quotes'
import { htmlToArticle, readPageMeta, sanitizePage } from './html'
import { buildDocument, parsePage } from './parse-page'

const HOSTILE = readFileSync(resolve('e2e/fixtures/hostile-article.html'), 'utf8')

/*
 * jsdom runs inline handlers in a global of its own, so `window.__pwned = …` (the e2e fixture's
 * payload, checked in Chromium) cannot be seen from here. These tests make every payload write
 * the live document's title instead, which both sides share.
 */
const TITLE = 'Sourceline tests'
const PWNED = /window\.__pwned\s*=/g
const payload = (html: string): string => html.replace(PWNED, 'window.document.title =')
const HOSTILE_HERE = payload(HOSTILE)

/** A sentence long enough to count as prose, so pages in these tests look like real articles. */
const PROSE =
  'The ministry said the figures, gathered from provincial offices, would be published in full ' +
  'next month, and that officials would answer questions from reporters.'

function page(body: string, head = ''): string {
  return `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`
}

function bodyOf(html: string): string {
  return htmlToArticle(html, 'page.html').body
}

/** No markup of any kind: no tag, comment, doctype or processing instruction. */
const MARKUP = /<[a-z!/?]/i

beforeEach(() => {
  document.title = TITLE
})

describe('htmlToArticle: a news page with its furniture', () => {
  const draft = htmlToArticle(HOSTILE, 'hostile-article.html')

  it('reads the metadata from JSON-LD, Open Graph and the canonical link', () => {
    expect(draft.title).toBe('Cambodia and Thailand sign pact on trafficking victims')
    expect(draft.outlet).toBe('The Phnom Penh Standard')
    expect(draft.byline).toBe('Sok Chea')
    expect(draft.published).toEqual({ text: '2023-03-27T08:15:00+07:00', edtf: '2023-03-27' })
    expect(draft.url).toBe('https://standard.example.org/news/pact-on-trafficking-victims')
  })

  it('keeps the article text, headings and list items as paragraphs, in order', () => {
    const texts = paragraphs(draft.body).map((p) => p.text)
    expect(draft.body.split('\n\n')).toEqual(texts)
    expect(texts[0]).toMatch(/^Cambodia and Thailand on Monday signed an agreement/)
    expect(texts).toContain('A long road to agreement')
    expect(texts).toContain('• 986 people repatriated last year')
    expect(texts.at(-1)).toBe('The agreement takes effect on 1 May.')
    // Source line breaks are spaces; a <br> is a line within the paragraph.
    expect(draft.body).toContain(
      'ending two years of talks over how survivors are identified.\n\nThe memorandum',
    )
    expect(draft.body).toContain('for weeks.\n“Nobody should wait in a cell')
    expect(draft.body).toContain('within 48 hours of arriving at the border.')
  })

  it('leaves out menus, share bars, captions, tags, related posts, most viewed and comments', () => {
    for (const furniture of [
      'Skip to content',
      'National',
      'Search',
      'Breaking',
      'Share',
      'Facebook',
      'Officials from both countries',
      'Read more',
      'Talks on trafficking stall',
      'Tags',
      'Related Posts',
      'Police tracking teen murder suspect',
      'Comments',
      'First!',
      'Most viewed',
      'Floods close roads',
      'newsletter',
      'All rights reserved',
      'By Sok Chea',
      'Monday, 27 March 2023',
    ])
      expect(draft.body, furniture).not.toContain(furniture)
    expect(draft.body).not.toContain('Cambodia and Thailand sign pact')
  })

  it('keeps no markup and nothing that was executable, embedded or remote', () => {
    expect(draft.body).not.toMatch(MARKUP)
    expect(draft.body).not.toMatch(/javascript:/i)
    for (const gone of ['example.invalid', 'SVG label', 'Object fallback', 'mxss', '__pwned'])
      expect(draft.body).not.toContain(gone)
    for (const field of [draft.title, draft.outlet, draft.byline, draft.url])
      expect(field ?? '').not.toMatch(MARKUP)
  })

  it('keeps a right-to-left override as text and warns about it', () => {
    expect(draft.body).toContain('report\u202Efdp.exe')
    expect(draft.warnings).toHaveLength(1)
    expect(draft.warnings[0]).toMatch(/1 invisible direction control .*U\+202E/)
  })
})

describe('htmlToArticle: metadata', () => {
  it('reads Open Graph and meta tags when there is no JSON-LD', () => {
    const draft = htmlToArticle(
      page(
        `<article><p>${PROSE}</p></article>`,
        `<title>Ignored | Khmer Daily</title>
         <meta property="og:title" content="Border checks tightened">
         <meta property="og:site_name" content="Khmer Daily">
         <meta property="og:url" content="https://khmerdaily.example.com/border-checks">
         <meta name="author" content="By Mom Kunthear">
         <meta property="article:published_time" content="2016-05-21">`,
      ),
      'x.html',
    )
    expect(draft).toMatchObject({
      title: 'Border checks tightened',
      outlet: 'Khmer Daily',
      byline: 'Mom Kunthear',
      published: { text: '2016-05-21', edtf: '2016-05-21' },
      url: 'https://khmerdaily.example.com/border-checks',
      body: PROSE,
    })
  })

  it('reads JSON-LD authors, publisher and headline, skipping a broken block', () => {
    const ld = {
      '@context': 'https://schema.org',
      '@type': ['ReportageNewsArticle'],
      headline: 'Court jails three for trafficking',
      datePublished: '2009-12-10',
      author: [{ '@type': 'Person', name: 'Jane Roe' }, 'John Doe'],
      publisher: { '@type': 'Organization', name: 'The Cambodia Daily' },
      url: 'https://cambodiadaily.example.com/court',
    }
    const draft = htmlToArticle(
      page(
        `<article><p>${PROSE}</p></article>`,
        `<script type="application/ld+json">{ broken</script>
         <script type="application/ld+json">${JSON.stringify(ld)}</script>`,
      ),
      'x.html',
    )
    expect(draft).toMatchObject({
      title: 'Court jails three for trafficking',
      outlet: 'The Cambodia Daily',
      byline: 'Jane Roe, John Doe',
      published: { edtf: '2009-12-10' },
      url: 'https://cambodiadaily.example.com/court',
    })
  })

  it('reads the date from <time>, with or without datetime, as the publisher’s calendar day', () => {
    const withAttr = htmlToArticle(
      page(
        `<article><time datetime="2023-03-26T23:30:00-05:00">Sunday</time><p>${PROSE}</p></article>`,
      ),
      'x.html',
    )
    expect(withAttr.published).toEqual({ text: '2023-03-26T23:30:00-05:00', edtf: '2023-03-26' })
    const textOnly = htmlToArticle(
      page(`<article><time>Monday, 27 March 2023 10:15 GMT</time><p>${PROSE}</p></article>`),
      'x.html',
    )
    expect(textOnly.published).toEqual({
      text: 'Monday, 27 March 2023 10:15 GMT',
      edtf: '2023-03-27',
    })
  })

  it('keeps a date it cannot read as text, with edtf null and a warning', () => {
    const draft = htmlToArticle(
      page(`<p>${PROSE}</p>`, '<meta name="date" content="last Tuesday">'),
      'x.html',
    )
    expect(draft.published).toEqual({ text: 'last Tuesday', edtf: null })
    expect(draft.warnings.join(' ')).toMatch(/“last Tuesday” could not be read/)
  })

  it('takes the title from <title> less the outlet, then the first heading, then the file name', () => {
    const fromTitle = htmlToArticle(
      page(
        `<p>${PROSE}</p>`,
        '<title>Police rescue 40 workers – Daily Mekong</title><meta property="og:site_name" content="Daily Mekong">',
      ),
      'x.html',
    )
    expect(fromTitle.title).toBe('Police rescue 40 workers')
    expect(htmlToArticle(page(`<h1>Heading title</h1><p>${PROSE}</p>`), 'x.html').title).toBe(
      'Heading title',
    )
    const untitled = htmlToArticle(page(`<p>${PROSE}</p>`), 'saved page.htm')
    expect(untitled.title).toBe('saved page')
    expect(untitled.warnings).toContain('No title was found; the file name is used instead.')
  })

  it('takes only absolute http(s) addresses', () => {
    const draft = htmlToArticle(
      page(
        `<p>${PROSE}</p>`,
        `<link rel="canonical" href="javascript:alert(1)">
         <meta property="og:url" content="/relative/path">`,
      ),
      'x.html',
    )
    expect(draft.url).toBeNull()
  })

  it('prefers the article’s own byline to one in a teaser earlier in the page', () => {
    const draft = htmlToArticle(
      page(`<div class="teaser"><span class="byline">By Someone Else</span></div>
        <article><span class="byline">By Jane Roe | 27 March 2023</span><p>${PROSE}</p></article>`),
      'x.html',
    )
    expect(draft.byline).toBe('Jane Roe')
    expect(draft.body).toBe(PROSE)
  })

  it('is not fooled by DOM clobbering in the received page', () => {
    const html = page(
      `<img name="querySelectorAll"><img name="documentElement"><form name="getAttribute"></form>
       <form class="byline"><input name="textContent"><input name="getAttribute">By Real Name</form>
       <form id="location"></form><img name="cookie"><article><p>${PROSE}</p></article>`,
      '<title>Clobbered</title>',
    )
    const parsed = buildDocument(parsePage(html))
    expect(readPageMeta(parsed)).toMatchObject({ title: 'Clobbered', byline: 'Real Name' })
    expect(htmlToArticle(html, 'x.html')).toMatchObject({ title: 'Clobbered', body: PROSE })
  })
})

describe('htmlToArticle: finding the article', () => {
  it('finds the article on a page without semantic markup (Readability)', () => {
    const body = bodyOf(
      page(`
        <div id="top"><div class="logo">Daily Mekong</div>
          <div class="links"><a>Home</a> | <a>News</a> | <a>Sport</a></div></div>
        <div id="wrap"><div class="col-left"><div class="story">
          <div class="txt"><p>Police rescued 40 workers from a boat. ${PROSE}</p>
            <p>The workers had not been paid for months. ${PROSE}</p></div>
          <div class="sharethis">Share this: <a>Facebook</a> <a>Twitter</a></div>
        </div></div>
        <div class="col-right"><b>Most Read</b><ul><li><a>One story</a></li><li><a>Two</a></li></ul></div></div>
        <div id="bottom">Copyright 2012 Daily Mekong. Contact us.</div>`),
    )
    expect(body).toBe(
      `Police rescued 40 workers from a boat. ${PROSE}\n\nThe workers had not been paid for months. ${PROSE}`,
    )
  })

  it('prefers [itemprop=articleBody], and picks the main story among teaser <article>s', () => {
    expect(
      bodyOf(page(`<div><p>Intro box</p><div itemprop="articleBody"><p>${PROSE}</p></div></div>`)),
    ).toBe(PROSE)
    const body = bodyOf(
      page(`<main>
        <article><h2><a>Other story one</a></h2><p>Short teaser.</p></article>
        <article><h1>Main story</h1><p>One. ${PROSE}</p><p>Two. ${PROSE}</p></article>
        <article><h2><a>Other story two</a></h2><p>Another teaser.</p></article></main>`),
    )
    expect(body).toBe(`One. ${PROSE}\n\nTwo. ${PROSE}`)
  })

  it('cuts a related box in the middle of an article but keeps the text after it', () => {
    const body = bodyOf(
      page(`<article><p>Before. ${PROSE}</p>
        <h3>Related</h3><ul><li><a>Related one</a></li><li><a>Related two</a></li></ul>
        <p>After. ${PROSE}</p></article>`),
    )
    expect(body).toBe(`Before. ${PROSE}\n\nAfter. ${PROSE}`)
  })

  it('cuts everything after a comments heading, and label-plus-list furniture', () => {
    const body = bodyOf(
      page(`<article><p>${PROSE}</p>
        <p>Popular posts from this blog</p><ul><li><a>A</a></li><li><a>B</a></li></ul>
        <h2>2 Comments</h2><p>A long reader comment that reads like prose, with many words in it.</p>
        <p>Another long reader comment that reads like prose, with many words in it too.</p></article>`),
    )
    expect(body).toBe(PROSE)
  })

  it('keeps an article’s own Discussion section: only unmistakable comment headings end it', () => {
    const body = bodyOf(
      page(
        `<article><p>${PROSE}</p><h2>Discussion</h2><p>Analysts disagreed. ${PROSE}</p></article>`,
      ),
    )
    expect(body).toBe(`${PROSE}\n\nDiscussion\n\nAnalysts disagreed. ${PROSE}`)
  })

  it('drops share rows and furniture lines, keeping a class-marked container that is the article', () => {
    const body = bodyOf(
      page(`<article><div class="article-body has-share-bar"><p>${PROSE}</p>
        <p>Share on Facebook Share on Twitter Email</p><p>Advertisement</p><p>Share and Like this post</p>
        <p>Previous Article</p></div></article>`),
    )
    expect(body).toBe(PROSE)
  })

  it('turns <br><br>, lists, tables and preformatted text into paragraphs', () => {
    const body = bodyOf(
      page(`<div>Line one.<br>line two.<br><br>Second paragraph.<br><br><br>Third.</div>
        <ol start="3"><li>Third item</li><li><p>Fourth item</p></li></ol>
        <table><tr><th>Year</th><th>Cases</th></tr><tr><td>2021</td><td>34</td></tr></table>
        <pre>code line 1

code line 2</pre>`),
    )
    expect(body).toBe(
      [
        'Line one.\nline two.',
        'Second paragraph.',
        'Third.',
        '3. Third item',
        '4. Fourth item',
        'Year | Cases',
        '2021 | 34',
        'code line 1\ncode line 2',
      ].join('\n\n'),
    )
  })

  it('keeps the whole page, with a warning, when no article can be told apart', () => {
    const draft = htmlToArticle(
      page('<article><nav>Only links</nav></article><div><p>Text outside.</p></div>'),
      'x.html',
    )
    expect(draft.body).toContain('Text outside.')
    expect(draft.warnings.join(' ')).toMatch(/could not be told apart/)
  })
})

describe('htmlToArticle: hostile pages', () => {
  const fetchSpy = vi.fn()
  const openSpy = vi.fn()
  let originalFetch: typeof globalThis.fetch
  let originalOpen: typeof XMLHttpRequest.prototype.open

  beforeEach(() => {
    originalFetch = globalThis.fetch
    originalOpen = XMLHttpRequest.prototype.open
    globalThis.fetch = fetchSpy as unknown as typeof fetch
    XMLHttpRequest.prototype.open = openSpy
  })

  afterEach(() => {
    globalThis.fetch = originalFetch
    XMLHttpRequest.prototype.open = originalOpen
    fetchSpy.mockReset()
    openSpy.mockReset()
  })

  it('sanitizes to structure and text: no script, handler, URL, style, frame, form or media', () => {
    const clean = sanitizePage(HOSTILE)
    for (const banned of [
      /<script/i,
      /<style/i,
      /<iframe/i,
      /<form/i,
      /<input/i,
      /<button/i,
      /<img/i,
      /<svg/i,
      /<math/i,
      /<object/i,
      /<embed/i,
      /<video/i,
      /<noscript/i,
      /<base/i,
      /<meta/i,
      /<link/i,
      /\son\w+\s*=/i,
      /\s(?:src|srcset|href|action|data|poster|style)\s*=/i,
      /url\(/i,
      /javascript:/i,
      /example\.invalid/i,
      /id="location"/i,
      /name="cookie"/i,
    ])
      expect(clean).not.toMatch(banned)
  })

  it('runs nothing and requests nothing while reading the page', () => {
    expect(HOSTILE_HERE).not.toMatch(PWNED)
    htmlToArticle(HOSTILE_HERE, 'hostile-article.html')
    expect(document.title).toBe(TITLE)
    expect(document.body.dataset['pwned']).toBeUndefined()
    expect(fetchSpy).not.toHaveBeenCalled()
    expect(openSpy).not.toHaveBeenCalled()
    expect(document.location.href).toBe('http://localhost:3000/')
  })

  it('parses into an inert document: its handlers never fire, where a live one’s would', () => {
    // The control: in this (script-running) window, a live element's handler does fire.
    const live = document.createElement('div')
    live.setAttribute('onclick', payload("window.__pwned = 'live'"))
    live.click()
    expect(document.title).toBe('live')
    document.title = TITLE

    const inert = new DOMParser().parseFromString(HOSTILE_HERE, 'text/html')
    for (const element of Array.from(inert.querySelectorAll('*')))
      for (const type of ['load', 'error', 'click', 'focus', 'toggle'])
        element.dispatchEvent(new Event(type))
    expect(document.title).toBe(TITLE)
  })

  it.each([
    ['a script', '<script>window.__pwned = 1</script>', 'pwned'],
    ['an image with onerror', '<img src=x onerror="window.__pwned = 1">', 'pwned'],
    [
      'an iframe',
      '<iframe src="http://example.invalid/" srcdoc="<p>framed</p>"></iframe>',
      'framed',
    ],
    [
      'a form',
      '<form id="location"><input name="q" value="typed"><button>Go</button></form>',
      'Go',
    ],
    [
      'a style with a remote url',
      '<style>p { background: url(http://example.invalid/x) }</style>',
      'url(',
    ],
    ['a base', '<base href="http://example.invalid/">', 'example'],
    [
      'a meta refresh',
      '<meta http-equiv="refresh" content="0;url=http://example.invalid/">',
      'url',
    ],
    [
      'SVG with onload',
      '<svg onload="window.__pwned = 1"><text>svg words</text></svg>',
      'svg words',
    ],
    [
      'an object',
      '<object data="http://example.invalid/x.swf">fallback words</object>',
      'fallback',
    ],
    ['a template', '<template><p>template words</p></template>', 'template words'],
    ['a clobbering image', '<img name="cookie" id="body">', 'cookie'],
  ])('reads past %s, keeping the article and nothing of it', (_name, hostile, absent) => {
    const html = payload(page(`<article><p>${PROSE}</p>${hostile}<p>The end of it.</p></article>`))
    const body = bodyOf(html)
    expect(body).toBe(`${PROSE}\n\nThe end of it.`)
    expect(body).not.toContain(absent)
    expect(document.title).toBe(TITLE)
  })

  it('reads past a script split around another: what is left is text, as a browser shows it', () => {
    const body = bodyOf(
      payload(
        page(`<article><p>${PROSE}</p><scr<script>ipt>window.__pwned = 1</script></article>`),
      ),
    )
    expect(body).toBe(`${PROSE}\n\nipt>window.document.title = 1`)
    expect(body).not.toMatch(MARKUP)
    expect(document.title).toBe(TITLE)
  })

  it('keeps a javascript: link’s words, as text', () => {
    const body = bodyOf(
      page(
        `<article><p>${PROSE} See <a href="javascript:window.__pwned=1">the report</a>.</p></article>`,
      ),
    )
    expect(body).toBe(`${PROSE} See the report.`)
  })

  it('turns lone surrogates into U+FFFD and drops control characters, with warnings', () => {
    const draft = htmlToArticle(
      page(
        `<article><p>${PROSE} Broken \uD800 here, \u0007bell.</p></article>`,
        '<title>T</title>',
      ),
      'x.html',
    )
    expect(draft.body).toBe(`${PROSE} Broken \uFFFD here, bell.`)
    expect(draft.warnings).toEqual([
      '1 broken character was replaced with “\uFFFD”.',
      '1 invisible control character was removed.',
    ])
  })

  it('handles an empty or text-less page', () => {
    expect(htmlToArticle('', 'empty.html')).toMatchObject({ body: '', title: 'empty' })
    expect(bodyOf(payload('<script>window.__pwned = 1</script>'))).toBe('')
    expect(document.title).toBe(TITLE)
  })
})

/**
 * Notes are Markdown; this turns one into HTML for display. Raw HTML in a note shows as text and
 * only http(s) and mailto links become links. The component that shows the result still
 * sanitizes it: this is the first of two fences, not the only one.
 */
import MarkdownIt from 'markdown-it'
import type { MarkdownIt as Markdown } from 'markdown-it'

const SAFE_LINK = /^(?:https?:|mailto:)/i

function createRenderer(): Markdown {
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false })
  // Images would fetch from the network whenever a note is shown: this app stays offline.
  md.disable('image')

  // Keep markdown-it's own check (it refuses javascript:, vbscript:, file: and most data:), and
  // refuse relative and every other kind of link on top of it.
  const builtIn = md.validateLink.bind(md)
  md.validateLink = (url) => builtIn(url) && SAFE_LINK.test(url.trim())

  md.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
    const token = tokens[idx]
    if (token) {
      token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'target')
      token.attrSet('rel', 'noopener noreferrer')
    }
    return self.renderToken(tokens, idx, options)
  }
  return md
}

const renderer = createRenderer()

/** A note's Markdown as HTML: raw HTML escaped, only http(s) and mailto links, rel on links. */
export function renderNoteHtml(markdown: string): string {
  return renderer.render(markdown)
}

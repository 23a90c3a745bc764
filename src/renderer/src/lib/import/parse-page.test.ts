import { describe, expect, it } from 'vitest'
import { htmlToArticle } from './html'
import { boundNesting, buildDocument, MAX_NESTING, parsePage } from './parse-page'

function depthOf(root: Element): number {
  let deepest = 0
  const stack: [Element, number][] = [[root, 1]]
  while (stack.length > 0) {
    const [element, depth] = stack.pop()!
    deepest = Math.max(deepest, depth)
    for (const child of Array.from(element.children)) stack.push([child, depth + 1])
  }
  return deepest
}

describe('boundNesting', () => {
  it('leaves a page within the bound as it is', () => {
    const html = '<html><body><div class="a>b"><p>one<p>two</div><br><img src=x></body></html>'
    expect(boundNesting(html)).toBe(html)
  })

  it('cuts start and end tags nested past the bound, keeping their text', () => {
    const html = '<div>a<div>b<span title="</div>">c</span></div>d</div>'
    expect(boundNesting(html, 1)).toBe('<div>abcd</div>')
    expect(boundNesting(html, 2)).toBe('<div>a<div>bc</div>d</div>')
  })

  it('does not count elements whose end tag may be left out', () => {
    const html = '<ul>' + '<li><p>item'.repeat(50) + '</ul>'
    expect(boundNesting(html, 2)).toBe(html)
  })
})

describe('pages nested past the bound', () => {
  it('reads a page of 100,000 nested <div>s quickly, as text, at bounded depth', () => {
    const n = 100_000
    const html = `<!DOCTYPE html><html><head><title>Deep</title></head><body>${'<div>word '.repeat(n)}${'</div>'.repeat(n)}</body></html>`
    const started = performance.now()
    const draft = htmlToArticle(html, 'deep.html')
    // parse5 alone took over a minute before the bound.
    expect(performance.now() - started).toBeLessThan(30_000)
    expect(draft.title).toBe('Deep')
    // Everything past the bound is one run of text, kept whole.
    expect(draft.body.split(/\s+/).filter((w) => w === 'word').length).toBeGreaterThan(
      n - MAX_NESTING,
    )
    const document = buildDocument(parsePage(html))
    expect(depthOf(document.documentElement)).toBeLessThanOrEqual(MAX_NESTING + 3)
  }, 60_000)
})

/**
 * Saved web pages parsed without the browser's DOM, so the work can run in a Worker: parse5 (the
 * WHATWG parsing algorithm, as DOMParser follows it) builds the tree, linkedom gives it the DOM
 * interface the page reader and Readability use. Nothing here runs or loads anything: linkedom has
 * no scripting, no resource loading and no named access on documents or forms (no DOM clobbering).
 */
import { Tokenizer } from 'htmlparser2'
import { parseHTML } from 'linkedom/worker'
import { parse, type DefaultTreeAdapterMap } from 'parse5'

type P5Node = DefaultTreeAdapterMap['node']
type P5Element = DefaultTreeAdapterMap['element']

/**
 * How deep elements nest before deeper ones are unwrapped (their text kept). Chromium's own parser
 * stops nesting at 512; past that, HTML tree building slows down with every level (parse5 takes
 * over a minute for 100,000 nested `<div>`s).
 */
export const MAX_NESTING = 512

/** Elements that never hold content. */
const VOID = new Set(
  'area base br col embed hr img input link meta param source track wbr keygen basefont bgsound frame'.split(
    ' ',
  ),
)

/** Elements whose end tag may be left out: the next one closes them, so they do not nest deep. */
const OPTIONAL_END = new Set(
  'p li dt dd option optgroup tr td th thead tbody tfoot colgroup caption rb rt rtc rp html head body'.split(
    ' ',
  ),
)

/** How far down the open tags an end tag looks for its start: a bound, so stray tags stay cheap. */
const END_TAG_REACH = 16

/**
 * The page with every start tag nested deeper than MAX_NESTING (and its end tag) cut out, by one
 * linear pass of a tokenizer. Pages within the bound come back unchanged.
 */
export function boundNesting(html: string, limit = MAX_NESTING): string {
  const open: { name: string; cut: boolean }[] = []
  const cuts: [number, number][] = []
  let tagStart = -1
  let tagName = ''
  let closeName = ''
  let closeStart = -1
  const lower = (start: number, end: number) => html.slice(start, end).toLowerCase()
  const opened = (end: number) => {
    if (VOID.has(tagName) || OPTIONAL_END.has(tagName)) return
    const cut = open.length >= limit
    open.push({ name: tagName, cut })
    if (cut) cuts.push([tagStart, end + 1])
  }
  const tokenizer = new Tokenizer(
    { decodeEntities: false },
    {
      onopentagname(start, end) {
        tagStart = start - 1
        tagName = lower(start, end)
      },
      onopentagend: opened,
      onselfclosingtag: opened,
      onclosetag(start, end) {
        closeStart = start - 2
        closeName = lower(start, end)
        for (let i = open.length - 1; i >= Math.max(0, open.length - END_TAG_REACH); i--) {
          if (open[i]!.name !== closeName) continue
          const cut = open[i]!.cut
          open.length = i
          if (cut) {
            const gt = html.indexOf('>', end)
            cuts.push([closeStart, gt === -1 ? html.length : gt + 1])
          }
          return
        }
      },
      onattribdata() {},
      onattribentity() {},
      onattribend() {},
      onattribname() {},
      oncdata() {},
      oncomment() {},
      ondeclaration() {},
      onend() {},
      onprocessinginstruction() {},
      ontext() {},
      ontextentity() {},
    },
  )
  tokenizer.write(html)
  tokenizer.end()
  if (cuts.length === 0) return html
  const parts: string[] = []
  let at = 0
  for (const [start, end] of cuts) {
    if (start < at) continue
    parts.push(html.slice(at, start))
    at = end
  }
  parts.push(html.slice(at))
  return parts.join('')
}

/** What to do with an element while building: keep it (with these attributes), unwrap it, drop it. */
export type ElementRule = (
  element: P5Element,
) =>
  { keep: true; attributes: { name: string; value: string }[] } | { keep: false; content: boolean }

const KEEP_ALL: ElementRule = (element) => ({ keep: true, attributes: element.attrs })

const NS_SVG = 'http://www.w3.org/2000/svg'
const NS_MATHML = 'http://www.w3.org/1998/Math/MathML'

function isElement(node: P5Node): node is P5Element {
  return 'tagName' in node
}

/**
 * Builds a linkedom document from parse5's tree, without recursion (pages nest deep), applying
 * `rule` to each element. The result is typed as a DOM Document: linkedom implements the parts
 * the page reader uses. Template contents are left out, as they are not part of a parsed DOM's
 * tree. Comments and the doctype are left out: nothing reads them.
 */
export function buildDocument(tree: ParsedPage, rule: ElementRule = KEEP_ALL): Document {
  const { document } = parseHTML('<!DOCTYPE html><html></html>') as unknown as {
    document: Document
  }
  const root = document.documentElement
  // Stack of [parse5 children still to visit, linkedom parent].
  const stack: [P5Node[], number, ParentNode][] = []
  const htmlElement = tree.childNodes.find(isElement)
  if (htmlElement) {
    setAttributes(root, rule(htmlElement))
    stack.push([htmlElement.childNodes, 0, root])
  }
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!
    const [children, index, parent] = top
    if (index >= children.length) {
      stack.pop()
      continue
    }
    top[1] = index + 1
    const node = children[index]!
    if (node.nodeName === '#text') {
      parent.appendChild(document.createTextNode((node as DefaultTreeAdapterMap['textNode']).value))
      continue
    }
    if (!isElement(node)) continue
    const decision = rule(node)
    if (!decision.keep) {
      if (decision.content) stack.push([node.childNodes, 0, parent])
      continue
    }
    const element =
      node.namespaceURI === NS_SVG || node.namespaceURI === NS_MATHML
        ? document.createElementNS(node.namespaceURI, node.tagName)
        : document.createElement(node.tagName)
    setAttributes(element, decision)
    parent.appendChild(element)
    if (node.tagName !== 'template') stack.push([node.childNodes, 0, element])
  }
  return document
}

function setAttributes(element: Element, decision: ReturnType<ElementRule>): void {
  if (!decision.keep) return
  for (const { name, value } of decision.attributes) {
    try {
      element.setAttribute(name, value)
    } catch {
      // A name the DOM refuses ('"', '<'): a browser's parser keeps it, nothing reads it.
    }
  }
}

/** A page parsed once, to be built into documents (as received, cleaned) as often as needed. */
export type ParsedPage = DefaultTreeAdapterMap['document']

export function parsePage(html: string): ParsedPage {
  // Scripting off, as in DOMParser: <noscript> content is parsed as markup.
  return parse(boundNesting(html), { scriptingEnabled: false })
}

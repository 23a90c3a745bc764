/**
 * The one place export text is made safe to render: HTML escaping for the HTML report and
 * TimelineJS, and the user's Markdown made inert for Markdown readers that render raw HTML (no
 * element, no image that loads, no link other than http(s) or mailto). Formats escape every
 * string from a user or an article through these, and new fields should too. Pure.
 */

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Text for HTML element content or a quoted attribute value: nothing in it is markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c)
}

/** Escaped text with its line breaks kept as <br>. */
export function htmlLines(text: string): string {
  return text
    .trim()
    .split(/\r\n|\r|\n/)
    .map(escapeHtml)
    .join('<br>\n')
}

/** Link destinations kept clickable in the user's Markdown: they open only when followed. */
const SAFE_DESTINATION = /^\s*<?\s*(?:https?:\/\/|mailto:)/i
const FENCE = /^ {0,3}(`{3,}|~{3,})/
const DEFINITION = /^( {0,3})\[([^\]]*)\]:\s*(.*)$/
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/

/**
 * The user's Markdown (a note) with its formatting kept but nothing in it able to act when the
 * report is rendered with raw HTML on: outside code, `<` becomes `&lt;` (no tag, comment or
 * autolink), `![` loses its image (images load on open), and a link or reference definition
 * whose address is not http(s) or mailto (javascript:, data:, file:…) is left as text. Code spans
 * and fenced code are kept as written: renderers show them as text.
 */
export function inertMarkdown(text: string): string {
  let fence: string | null = null
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => {
      const opener = FENCE.exec(line)
      if (fence !== null) {
        if (opener && opener[1]![0] === fence[0] && opener[1]!.length >= fence.length)
          if (line.slice(opener[0].length).trim() === '') fence = null
        return line
      }
      if (opener && !(opener[1]![0] === '`' && line.slice(opener[0].length).includes('`'))) {
        fence = opener[1]!
        return line
      }
      const definition = DEFINITION.exec(line)
      if (definition && !SAFE_DESTINATION.test(definition[3]!))
        return `${definition[1]}\\[${inertInline(definition[2]!)}]: ${inertInline(definition[3]!)}`
      return inertInline(line)
    })
    .join('\n')
}

/** One line outside fenced code: code spans kept, the rest made inert (see inertMarkdown). */
function inertInline(line: string): string {
  let out = ''
  let i = 0
  while (i < line.length) {
    const c = line[i]!
    if (c === '\\' && i + 1 < line.length && ASCII_PUNCTUATION.test(line[i + 1]!)) {
      // An escaped character is literal; `\<` already shows as '<'.
      out += line.slice(i, i + 2)
      i += 2
    } else if (c === '`') {
      const run = /^`+/.exec(line.slice(i))![0]
      const close = closingRun(line, i + run.length, run.length)
      if (close === -1) {
        out += run
        i += run.length
      } else {
        out += line.slice(i, close + run.length)
        i = close + run.length
      }
    } else if (c === '<') {
      out += '&lt;'
      i++
    } else if (c === '!' && line[i + 1] === '[') {
      out += '!\\['
      i += 2
    } else if (c === ']' && line[i + 1] === '(' && !SAFE_DESTINATION.test(line.slice(i + 2))) {
      out += ']\\('
      i += 2
    } else {
      out += c
      i++
    }
  }
  return out
}

/** Where a run of exactly `length` backticks starts at or after `from`; -1 when none does. */
function closingRun(line: string, from: number, length: number): number {
  const runs = /`+/g
  runs.lastIndex = from
  for (let match = runs.exec(line); match; match = runs.exec(line))
    if (match[0].length === length) return match.index
  return -1
}

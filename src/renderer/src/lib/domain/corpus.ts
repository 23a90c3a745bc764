/**
 * Building the corpus from its manifest and the received article files: schema validation, body
 * cutting, and the checks that every quote stands where it says and every date is EDTF. All
 * problems are gathered so a curator sees the whole list at once, not one per run.
 */
import * as v from 'valibot'
import { CorpusManifestSchema } from '$shared/corpus'
import type { Article, ArticleMeta, Corpus, Evidence } from '$shared/corpus'
import { DateError, parseDate } from './dates'
import { reanchor } from './anchoring'
import { indexToCodePoint, positionToRange, verifyEvidence } from './quotes'
import { issueLines } from './schema-issues'

export class CorpusError extends Error {
  override name = 'CorpusError'
  readonly problems: string[]

  constructor(problems: string[]) {
    super(
      `The corpus has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n` +
        problems.map((p) => `- ${p}`).join('\n'),
    )
    this.problems = problems
  }
}

/** Lines start..end (1-based, inclusive) of raw split on '\n', joined with '\n'. */
export function cutLines(raw: string, [start, end]: readonly [number, number]): string {
  const lines = raw.split('\n')
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 1 || end < start) {
    throw new RangeError(`invalid line range ${start}–${end}`)
  }
  if (end > lines.length) {
    throw new RangeError(`line range ${start}–${end} is past the last line (${lines.length})`)
  }
  return lines.slice(start - 1, end).join('\n')
}

function snippet(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ')
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
}

/** Why a piece of evidence does not verify, with where the quote is if it can still be found. */
function evidenceProblem(where: string, body: string, evidence: Evidence): string {
  const { quote, position } = evidence
  const range = positionToRange(body, position)
  const at = `${position.start}–${position.end}`
  let reason: string
  if (!range) {
    reason = `position ${at} is outside the article body (${indexToCodePoint(body, body.length)} code points)`
  } else if (body.slice(range.start, range.end) !== quote.exact) {
    reason = `the text at ${at} is “${snippet(body.slice(range.start, range.end))}”, not the quote`
  } else {
    reason = `the quote is at ${at} but its prefix or suffix does not match the text around it`
  }
  // Only the exact words count as found here: a near match is for a person to judge.
  const placed = reanchor(body, quote, position)
  const found = placed.status === 'exact' || placed.status === 'moved' ? placed : null
  const hint = found
    ? `; the quote is found at ${indexToCodePoint(body, found.start)}–${indexToCodePoint(body, found.end)}`
    : body.includes(quote.exact)
      ? ''
      : '; the quote does not occur in the article'
  return `${where}: ${reason}${hint}`
}

function duplicates(ids: string[]): string[] {
  const seen = new Set<string>()
  const repeated = new Set<string>()
  for (const id of ids) (seen.has(id) ? repeated : seen).add(id)
  return [...repeated]
}

function checkDate(where: string, edtf: string | null, problems: string[]): void {
  if (edtf === null) return
  try {
    parseDate(edtf)
  } catch (error) {
    problems.push(`${where}: ${error instanceof DateError ? error.message : String(error)}`)
  }
}

function buildArticle(
  meta: ArticleMeta,
  raw: string | undefined,
  problems: string[],
): Article | null {
  const where = `article "${meta.id}"`
  checkDate(`${where} published date`, meta.published.edtf, problems)
  if (raw === undefined) {
    problems.push(`${where}: no text was supplied for ${meta.file}`)
    return null
  }
  const lineCount = raw.split('\n').length
  const [first, last] = meta.bodyLines
  let ok = true
  if (first < 1 || last < first || last > lineCount) {
    problems.push(
      `${where}: bodyLines ${first}–${last} do not fit ${meta.file} (${lineCount} lines)`,
    )
    ok = false
  }
  if (meta.captionLine !== null && (meta.captionLine < 1 || meta.captionLine > lineCount)) {
    problems.push(
      `${where}: captionLine ${meta.captionLine} does not exist in ${meta.file} (${lineCount} lines)`,
    )
    ok = false
  }
  if (!ok) return null
  return {
    ...meta,
    raw,
    body: cutLines(raw, meta.bodyLines),
    caption: meta.captionLine === null ? null : cutLines(raw, [meta.captionLine, meta.captionLine]),
  }
}

/**
 * Validates the manifest and the article texts (keyed by each article's `file`, e.g.
 * 'articles/000_….txt') and returns the corpus. Throws one CorpusError listing every problem.
 */
export function buildCorpus(manifest: unknown, raws: Record<string, string>): Corpus {
  const parsed = v.safeParse(CorpusManifestSchema, manifest)
  if (!parsed.success) {
    // Past a schema failure the data has no known shape, so the other checks cannot run.
    throw new CorpusError(issueLines(parsed.issues, '(manifest)'))
  }
  const { title, articles: metas, events } = parsed.output
  const problems: string[] = []

  for (const id of duplicates(metas.map((a) => a.id)))
    problems.push(`article id "${id}" is used more than once`)
  for (const id of duplicates(events.map((e) => e.id)))
    problems.push(`event id "${id}" is used more than once`)

  const articles: Article[] = []
  const byId = new Map<string, Article | null>()
  for (const meta of metas) {
    const raw = Object.hasOwn(raws, meta.file) ? raws[meta.file] : undefined
    const article = buildArticle(meta, raw, problems)
    if (article) articles.push(article)
    if (!byId.has(meta.id)) byId.set(meta.id, article)
  }

  for (const event of events) {
    const where = `event "${event.id}"`
    checkDate(`${where} date`, event.date.edtf, problems)
    event.evidence.forEach((evidence, i) => {
      const at = `${where} evidence ${i + 1}`
      if (!byId.has(evidence.articleId)) {
        problems.push(`${at}: no article has the id "${evidence.articleId}"`)
        return
      }
      const article = byId.get(evidence.articleId)
      // An article that failed to build has its own problem listed already.
      if (!article) return
      if (!verifyEvidence(article.body, evidence.quote, evidence.position)) {
        problems.push(evidenceProblem(`${at} (article "${article.id}")`, article.body, evidence))
      }
    })
  }

  if (problems.length > 0) throw new CorpusError(problems)
  return { title, articles, events }
}

/** SHA-256 of the text's UTF-8 bytes, as lowercase hex. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')
}

/** One problem for each article whose received text does not hash to its recorded SHA-256. */
export async function verifyChecksums(corpus: Corpus): Promise<string[]> {
  const results = await Promise.all(
    corpus.articles.map(async (article) => {
      const actual = await sha256Hex(article.raw)
      return actual === article.sha256
        ? null
        : `article "${article.id}" (${article.file}): SHA-256 is ${actual}, expected ${article.sha256}`
    }),
  )
  return results.filter((p): p is string => p !== null)
}

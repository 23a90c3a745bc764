/**
 * Re-anchoring a quote when an article's text differs from the text it was made on: exact at its
 * old position, else the best-scoring passage by quote similarity, surrounding context and
 * nearness to the old position (approximate search with approx-string-match, as Hypothesis
 * does). A passage is trusted only when it scores above a threshold, clearly beats every other
 * candidate and keeps the quote's figures; otherwise the quote is an orphan for a person to place.
 */
import search from 'approx-string-match'
import type { TextPositionSelector, TextQuoteSelector } from '$shared/corpus'
import { codePointToIndex, positionToRange, splitsPair } from './quotes'

/**
 * Why a quote could not be placed: 'not-found' nothing like it; 'weak-match' the closest passage
 * is too different; 'ambiguous' two passages fit about equally well; 'changed-figures' the best
 * passage has different numbers (a corrected figure is a changed claim, not a typo).
 */
export type OrphanReason =
  'empty-quote' | 'not-found' | 'weak-match' | 'ambiguous' | 'changed-figures'

/** Where the quote is now, in UTF-16 indices of the body, end exclusive. */
export type ReanchorResult =
  | { status: 'exact'; start: number; end: number }
  /** The exact text, somewhere else, chosen by its context. */
  | { status: 'moved'; start: number; end: number }
  /** Text close to the quote; score 0..1 says how close it and its context are. */
  | { status: 'fuzzy'; start: number; end: number; score: number }
  | { status: 'orphan'; bestScore: number; reason: OrphanReason }

export interface ReanchorOptions {
  /** Lowest score (0..1) a moved or fuzzy passage needs. */
  threshold?: number
}

export const DEFAULT_THRESHOLD = 0.75

/**
 * Two passages scoring closer than this are too alike to choose between. It is larger than the
 * most nearness to the old position can add (2/52), so position alone never decides.
 */
export const AMBIGUITY_MARGIN = 0.05

/** A fuzzy passage must keep this share of the quote: context cannot vouch for other words. */
export const MIN_QUOTE_SIMILARITY = 0.8

// Weights as in Hypothesis's match-quote: the quote counts most, context next, position least.
const QUOTE_WEIGHT = 50
const PREFIX_WEIGHT = 20
const SUFFIX_WEIGHT = 20
const POSITION_WEIGHT = 2

/** The search costs O(n · errors / 32); past this, long quotes allow proportionally fewer. */
const MAX_ERRORS = 256
/** Rounds of "find the next-best passages"; each is one pass over the text. */
const MAX_ROUNDS = 6
/** Candidates given the full (quadratic in context length) context score per source. */
const MAX_SCORED = 64
/** Places in the text where the context with the quote fits best, to look for the quote in. */
const MAX_CONTEXT_REGIONS = 8

// ---- Folding: differences that say nothing about where a quote is ----

const FOLDED: Record<number, number> = {}
for (const c of '\u2018\u2019\u201A\u201B\u2032\u00B4`') FOLDED[c.charCodeAt(0)] = 0x27 // '
for (const c of '\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB') FOLDED[c.charCodeAt(0)] = 0x22 // "
for (const c of '\u2010\u2011\u2012\u2013\u2014\u2015\u2212') FOLDED[c.charCodeAt(0)] = 0x2d // -

function isSpace(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  )
}

/** Soft hyphens, zero-width characters and BOMs: present in scraped text, invisible to readers. */
function isInvisible(code: number): boolean {
  return code === 0xad || (code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff
}

/**
 * Text with curly quotes and dashes made plain, runs of white space made one space and invisible
 * characters dropped. `starts[i]`/`ends[i]` give the body range folded character i came from.
 */
interface Folded {
  text: string
  starts: Int32Array
  ends: Int32Array
}

function foldWithMap(body: string): Folded {
  const codes = new Uint16Array(body.length)
  const starts = new Int32Array(body.length + 1)
  const ends = new Int32Array(body.length + 1)
  let n = 0
  for (let i = 0; i < body.length; i++) {
    const code = body.charCodeAt(i)
    if (isInvisible(code)) continue
    if (isSpace(code)) {
      // Only invisible characters can stand between this and an earlier space in the run.
      if (n > 0 && codes[n - 1] === 0x20) {
        ends[n - 1] = i + 1
        continue
      }
      codes[n] = 0x20
    } else {
      codes[n] = FOLDED[code] ?? code
    }
    starts[n] = i
    ends[n] = i + 1
    n++
  }
  starts[n] = body.length
  ends[n] = body.length
  let text = ''
  // fromCharCode takes its codes as arguments, so build the string in slices the stack can hold.
  for (let i = 0; i < n; i += 8192) {
    text += String.fromCharCode(...codes.subarray(i, Math.min(n, i + 8192)))
  }
  return { text, starts: starts.subarray(0, n + 1), ends: ends.subarray(0, n + 1) }
}

function fold(s: string): string {
  return foldWithMap(s).text
}

/** Folded index of the folded character covering body index `index`. */
function foldedIndex(folded: Folded, index: number): number {
  let lo = 0
  let hi = folded.text.length
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if ((folded.starts[mid] ?? Infinity) <= index) lo = mid
    else hi = mid - 1
  }
  return lo
}

// ---- Scoring ----

interface Context {
  /** The folded body. */
  doc: Folded
  quote: string
  prefix: string
  suffix: string
  /** Where the quote used to start, as a folded index; null without a position. */
  hint: number | null
  /** The numbers the quote states; a passage with others is not the same claim. */
  figures: string
  /** Sum of the weights that apply: context and position count only when the quote has them. */
  weight: number
}

/** A place in the folded body, with the edit distance between its text and the quote. */
interface Candidate {
  start: number
  end: number
  errors: number
}

interface Scored extends Candidate {
  quoteSimilarity: number
  score: number
}

/**
 * Edit distance from `expected` to the closest run of `actual` that starts at its first
 * character: how far the text next to a passage is from the context stored beside the quote.
 */
function leadingDistance(expected: string, actual: string): number {
  const n = actual.length
  let previous = new Int32Array(n + 1)
  let current = new Int32Array(n + 1)
  for (let j = 0; j <= n; j++) previous[j] = j
  for (let i = 1; i <= expected.length; i++) {
    current[0] = i
    const e = expected.charCodeAt(i - 1)
    for (let j = 1; j <= n; j++) {
      const substitute = (previous[j - 1] ?? 0) + (actual.charCodeAt(j - 1) === e ? 0 : 1)
      current[j] = Math.min(substitute, (previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1)
    }
    ;[previous, current] = [current, previous]
  }
  return Math.min(...previous)
}

const reversed = (s: string): string => s.split('').reverse().join('')

/** Room for insertions in the text next to a passage, beyond the stored context's length. */
const contextRoom = (length: number): number => length + Math.ceil(length / 2) + 4

function prefixSimilarity(ctx: Context, start: number): number {
  const { prefix } = ctx
  const before = ctx.doc.text.slice(Math.max(0, start - contextRoom(prefix.length)), start)
  return 1 - Math.min(1, leadingDistance(reversed(prefix), reversed(before)) / prefix.length)
}

function suffixSimilarity(ctx: Context, end: number): number {
  const { suffix } = ctx
  const after = ctx.doc.text.slice(end, end + contextRoom(suffix.length))
  return 1 - Math.min(1, leadingDistance(suffix, after) / suffix.length)
}

function scoreOf(ctx: Context, c: Candidate): Scored {
  const quoteSimilarity = 1 - c.errors / ctx.quote.length
  let total = QUOTE_WEIGHT * quoteSimilarity
  if (ctx.prefix) total += PREFIX_WEIGHT * prefixSimilarity(ctx, c.start)
  if (ctx.suffix) total += SUFFIX_WEIGHT * suffixSimilarity(ctx, c.end)
  if (ctx.hint !== null) {
    const distance = Math.abs(c.start - ctx.hint) / Math.max(1, ctx.doc.text.length)
    total += POSITION_WEIGHT * (1 - distance)
  }
  return { ...c, quoteSimilarity, score: total / ctx.weight }
}

/** The best score any passage with this many errors could reach (perfect context and place). */
function scoreCeiling(ctx: Context, errors: number): number {
  return (QUOTE_WEIGHT * (1 - errors / ctx.quote.length) + ctx.weight - QUOTE_WEIGHT) / ctx.weight
}

/** Characters of context matching exactly next to the passage: a cheap first sort. */
function quickContext(ctx: Context, c: Candidate): number {
  const text = ctx.doc.text
  let n = 0
  while (n < ctx.prefix.length && text[c.start - 1 - n] === ctx.prefix[ctx.prefix.length - 1 - n])
    n++
  let m = 0
  while (m < ctx.suffix.length && text[c.end + m] === ctx.suffix[m]) m++
  return n + m - c.errors * 4
}

// ---- Finding candidates ----

const overlaps = (a: Candidate, b: Candidate): boolean => a.start < b.end && b.start < a.end

/** Collects scored candidates, keeping the best score so far for the stopping rule. */
class Candidates {
  readonly #ctx: Context
  readonly #seen = new Set<string>()
  readonly list: Scored[] = []
  best = 0
  /** Some equal matches were left unscored: too many to score each. */
  truncated = false

  constructor(ctx: Context) {
    this.#ctx = ctx
  }

  add(found: readonly Candidate[]): void {
    const fresh = found.filter((c) => !this.#seen.has(`${c.start}:${c.end}`))
    // Very many equal matches (a short quote in a long text): score those with the best context.
    if (fresh.length > MAX_SCORED) this.truncated = true
    const ranked =
      fresh.length > MAX_SCORED
        ? fresh
            .map((c) => ({ c, quick: quickContext(this.#ctx, c) }))
            .sort((a, b) => b.quick - a.quick)
            .slice(0, MAX_SCORED)
            .map(({ c }) => c)
        : fresh
    for (const c of ranked) {
      this.#seen.add(`${c.start}:${c.end}`)
      const scored = scoreOf(this.#ctx, c)
      this.list.push(scored)
      this.best = Math.max(this.best, scored.score)
    }
  }
}

function occurrences(text: string, quote: string): Candidate[] {
  const found: Candidate[] = []
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    found.push({ start: at, end: at + quote.length, errors: 0 })
  }
  return found
}

/** A code unit the pattern does not contain, to blank out passages already found. */
function maskFor(pattern: string): string {
  let code = 0xe000
  while (pattern.includes(String.fromCharCode(code))) code++
  return String.fromCharCode(code)
}

function masked(text: string, ranges: readonly Candidate[], mask: string): string {
  const sorted = [...ranges].sort((a, b) => a.start - b.start)
  let out = ''
  let at = 0
  for (const r of sorted) {
    if (r.end <= at) continue
    const from = Math.max(at, r.start)
    out += text.slice(at, from) + mask.repeat(r.end - from)
    at = r.end
  }
  return out + text.slice(at)
}

/**
 * Where the recorded context and quote together fit best, then the quote inside that region.
 * Used when a round found more equal matches than could be scored (a short quote in a long
 * text): the cheap sort that picked which to score only sees context that matches exactly.
 */
function byContext(ctx: Context, maxErrors: number): Candidate[] {
  const { prefix, quote, suffix } = ctx
  const pattern = prefix + quote + suffix
  const text = ctx.doc.text
  const regionErrors = Math.min(MAX_ERRORS, Math.floor(pattern.length / 3))
  const found: Candidate[] = []
  for (const region of search(text, pattern, regionErrors).slice(0, MAX_CONTEXT_REGIONS)) {
    const from = Math.max(0, region.start + prefix.length - region.errors)
    const to = Math.min(text.length, region.end - suffix.length + region.errors)
    if (to <= from) continue
    for (const m of search(text.slice(from, to), quote, maxErrors)) {
      found.push({ start: from + m.start, end: from + m.end, errors: m.errors })
    }
  }
  return found
}

/**
 * The most errors a passage can have and still score at least `floor` (with perfect context and
 * place): passages with more can be neither chosen nor a rival to the one chosen.
 */
function errorsWithin(ctx: Context, floor: number): number {
  const similarity = (floor * ctx.weight - (ctx.weight - QUOTE_WEIGHT)) / QUOTE_WEIGHT
  return Math.max(
    0,
    Math.min(ctx.quote.length - 1, Math.floor(ctx.quote.length * (1 - similarity))),
  )
}

interface Search {
  candidates: Scored[]
  /** Fewest errors a passage not yet found can have; null when every one that matters is found. */
  unexplored: number | null
}

/**
 * Rounds of next-best passages: the search returns only the fewest-error matches, so those are
 * blanked out and the search runs again, until no passage left could score within the margin of
 * the best one (or of the threshold). Each round allows only as many errors as could still matter.
 */
function searchRounds(ctx: Context, candidates: Candidates, threshold: number): number | null {
  const { quote } = ctx
  const mask = maskFor(quote)
  const verbatim = occurrences(ctx.doc.text, quote)
  candidates.add(verbatim)
  let rest = masked(ctx.doc.text, verbatim, mask)
  let fewest = verbatim.length > 0 ? 1 : 0
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const useful = errorsWithin(ctx, Math.max(candidates.best, threshold) - AMBIGUITY_MARGIN)
    const maxErrors = Math.min(MAX_ERRORS, useful)
    if (fewest > useful) return null
    if (fewest > maxErrors) return fewest
    const found = search(rest, quote, maxErrors)
    if (found.length === 0) return maxErrors < useful ? maxErrors + 1 : null
    candidates.add(found)
    rest = masked(rest, found, mask)
    fewest = (found[0]?.errors ?? maxErrors) + 1
  }
  return fewest
}

function findCandidates(ctx: Context, threshold: number): Search {
  const candidates = new Candidates(ctx)
  const unexplored = searchRounds(ctx, candidates, threshold)
  if (candidates.truncated && (ctx.prefix || ctx.suffix)) {
    const useful = errorsWithin(ctx, threshold - AMBIGUITY_MARGIN)
    candidates.add(byContext(ctx, Math.min(MAX_ERRORS, useful)))
  }
  return { candidates: candidates.list, unexplored }
}

// ---- Deciding ----

const DIGITS = /\d+/g

/** The numbers in a passage, widened to whole numbers: '5 cases' inside '15 cases' reads 15. */
function figuresAt(text: string, start: number, end: number): string {
  const isDigit = (i: number): boolean => i >= 0 && i < text.length && /\d/.test(text[i] ?? '')
  let from = start
  while (isDigit(from - 1) && isDigit(from)) from--
  let to = end
  while (isDigit(to) && isDigit(to - 1)) to++
  return (text.slice(from, to).match(DIGITS) ?? []).join(' ')
}

/** The body range a folded candidate covers, never cutting a surrogate pair in half. */
function bodyRange(body: string, doc: Folded, c: Candidate): { start: number; end: number } {
  let start = doc.starts[c.start] ?? body.length
  let end = c.end > c.start ? (doc.ends[c.end - 1] ?? body.length) : start
  if (splitsPair(body, start)) start--
  if (splitsPair(body, end)) end++
  return { start, end }
}

/** The old start as a UTF-16 index of the new body, clamped to its end. */
function hintIndex(body: string, position: TextPositionSelector): number {
  try {
    return codePointToIndex(body, position.start)
  } catch {
    return body.length
  }
}

const orphan = (bestScore: number, reason: OrphanReason): ReanchorResult => ({
  status: 'orphan',
  bestScore,
  reason,
})

/**
 * Finds a quote again in a body that may have changed. In order: the exact text at the old
 * position ('exact'); otherwise the best-scoring passage, as 'moved' when it is the exact text
 * and 'fuzzy' when it differs; otherwise 'orphan'. Never moves to a passage below the
 * threshold, to one that another passage matches about as well, or to one with other numbers.
 */
export function reanchor(
  body: string,
  quote: TextQuoteSelector,
  position?: TextPositionSelector,
  options: ReanchorOptions = {},
): ReanchorResult {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD
  if (!(threshold >= 0 && threshold <= 1)) {
    throw new RangeError(`threshold must be between 0 and 1, not ${threshold}`)
  }
  if (quote.exact.length === 0) return orphan(0, 'empty-quote')
  if (position) {
    const range = positionToRange(body, position)
    if (range && body.slice(range.start, range.end) === quote.exact) {
      return { status: 'exact', start: range.start, end: range.end }
    }
  }

  const doc = foldWithMap(body)
  const folded = fold(quote.exact)
  if (folded.length === 0 || folded === ' ') return orphan(0, 'empty-quote')
  const prefix = fold(quote.prefix)
  const suffix = fold(quote.suffix)
  const ctx: Context = {
    doc,
    quote: folded,
    prefix,
    suffix,
    hint: position ? foldedIndex(doc, hintIndex(body, position)) : null,
    // Widened with the recorded context, so a quote that starts inside a number ('59 cases' of
    // '359 cases') is compared as the number it was part of.
    figures: figuresAt(prefix + folded + suffix, prefix.length, prefix.length + folded.length),
    weight:
      QUOTE_WEIGHT +
      (prefix ? PREFIX_WEIGHT : 0) +
      (suffix ? SUFFIX_WEIGHT : 0) +
      (position ? POSITION_WEIGHT : 0),
  }

  const { candidates, unexplored } = findCandidates(ctx, threshold)
  // Best first; among equal scores the verbatim one, so an overlapping near-copy never wins.
  const ranked = candidates.sort((a, b) => b.score - a.score || a.errors - b.errors)
  const top = ranked[0]
  if (!top) return orphan(0, 'not-found')
  if (top.score < threshold || top.quoteSimilarity < MIN_QUOTE_SIMILARITY) {
    return orphan(top.score, 'weak-match')
  }
  const rival = ranked.find((c) => !overlaps(c, top))
  if (rival && top.score - rival.score < AMBIGUITY_MARGIN) return orphan(top.score, 'ambiguous')
  // Passages not searched could still come within the margin: not knowing is not choosing.
  if (unexplored !== null && scoreCeiling(ctx, unexplored) >= top.score - AMBIGUITY_MARGIN) {
    return orphan(top.score, 'ambiguous')
  }
  if (figuresAt(doc.text, top.start, top.end) !== ctx.figures) {
    return orphan(top.score, 'changed-figures')
  }

  const { start, end } = bodyRange(body, doc, top)
  if (body.slice(start, end) === quote.exact) return { status: 'moved', start, end }
  return { status: 'fuzzy', start, end, score: top.score }
}

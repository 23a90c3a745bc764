/**
 * Grading evidence with the Admiralty (NATO) system: how reliable an article's source is (A–F) and
 * how credible each quote or highlight is (1–6), each optional and with a reason. Ungraded is its
 * own state, never F or 6. An event's support is derived from its quotes' grades, never stored.
 * Pure: records in, values out.
 */
import type { Stance } from '$shared/corpus'

export const RELIABILITY = ['A', 'B', 'C', 'D', 'E', 'F'] as const
export const CREDIBILITY = ['1', '2', '3', '4', '5', '6'] as const
export type Reliability = (typeof RELIABILITY)[number]
export type Credibility = (typeof CREDIBILITY)[number]

/** The Admiralty words, as analysts say them. */
export const RELIABILITY_WORDS: Record<Reliability, string> = {
  A: 'completely reliable',
  B: 'usually reliable',
  C: 'fairly reliable',
  D: 'not usually reliable',
  E: 'unreliable',
  F: 'reliability cannot be judged',
}

export const CREDIBILITY_WORDS: Record<Credibility, string> = {
  '1': 'confirmed by other sources',
  '2': 'probably true',
  '3': 'possibly true',
  '4': 'doubtful',
  '5': 'improbable',
  '6': 'truth cannot be judged',
}

/** What is graded: an article (reliability), an evidence quote or a highlight (credibility). */
export type GradeKind = 'article' | 'quote' | 'highlight'

/**
 * One grade as stored. `targetId` is the article id, the evidence id (`<eventId>#<n>` for curated
 * quotes) or the highlight id; `id` is always `gradeId(kind, targetId)`, so a target has one grade.
 */
export interface GradeRecord {
  id: string
  kind: GradeKind
  targetId: string
  /** A–F for articles, 1–6 for quotes and highlights. */
  grade: string
  /** Why, in the user's words; may be empty. */
  reason: string
  updatedAt: number
}

export const MAX_REASON_LENGTH = 2000

export function gradeId(kind: GradeKind, targetId: string): string {
  return `${kind}:${targetId}`
}

export function isReliability(value: string): value is Reliability {
  return (RELIABILITY as readonly string[]).includes(value)
}

export function isCredibility(value: string): value is Credibility {
  return (CREDIBILITY as readonly string[]).includes(value)
}

/** True when `grade` is a grade this kind of target can carry. */
export function validGrade(kind: GradeKind, grade: string): boolean {
  return kind === 'article' ? isReliability(grade) : isCredibility(grade)
}

/** "B — usually reliable", "3 — possibly true"; for any text that shows a grade to people. */
export function gradeWords(grade: string): string {
  if (isReliability(grade)) return `${grade} — ${RELIABILITY_WORDS[grade]}`
  if (isCredibility(grade)) return `${grade} — ${CREDIBILITY_WORDS[grade]}`
  return grade
}

/** Grades looked up by target; build once per set of records. */
export class GradeBook {
  readonly #byId: ReadonlyMap<string, GradeRecord>

  constructor(records: readonly GradeRecord[] = []) {
    this.#byId = new Map(records.map((r) => [r.id, r]))
  }

  get(kind: GradeKind, targetId: string): GradeRecord | null {
    return this.#byId.get(gradeId(kind, targetId)) ?? null
  }

  reliability(articleId: string): Reliability | null {
    const grade = this.get('article', articleId)?.grade ?? ''
    return isReliability(grade) ? grade : null
  }

  credibility(kind: 'quote' | 'highlight', targetId: string): Credibility | null {
    const grade = this.get(kind, targetId)?.grade ?? ''
    return isCredibility(grade) ? grade : null
  }

  get size(): number {
    return this.#byId.size
  }
}

export const NO_GRADES = new GradeBook()

/**
 * How well an event is supported, weakest to strongest. `ungraded`: no supporting quote has a
 * grade of either kind; `weak`: graded, but below moderate (F and 6 land here: a judgement that
 * cannot be made is no support); `moderate`: source C or better and quote 3 or better; `strong`:
 * B or better and 2 or better.
 */
export const SUPPORT_LEVELS = ['none', 'ungraded', 'weak', 'moderate', 'strong'] as const
export type SupportLevel = (typeof SUPPORT_LEVELS)[number]

export const SUPPORT_WORDS: Record<SupportLevel, string> = {
  none: 'no supporting quote',
  ungraded: 'ungraded evidence only',
  weak: 'weak evidence only',
  moderate: 'moderate support',
  strong: 'strong support',
}

/** One quote's pair of grades, as the Admiralty writes them: "B2", "–3", "A–". */
export interface QuoteGrade {
  reliability: Reliability | null
  credibility: Credibility | null
}

export function gradeCode(pair: QuoteGrade): string {
  return `${pair.reliability ?? '–'}${pair.credibility ?? '–'}`
}

/** "B2: usually reliable source; probably true". */
export function gradePairWords(pair: QuoteGrade): string {
  const source =
    pair.reliability === null ? 'source ungraded' : `${RELIABILITY_WORDS[pair.reliability]} source`
  const quote = pair.credibility === null ? 'quote ungraded' : CREDIBILITY_WORDS[pair.credibility]
  return `${gradeCode(pair)}: ${source}; ${quote}`
}

export function levelOf(pair: QuoteGrade): Exclude<SupportLevel, 'none'> {
  if (pair.reliability === null && pair.credibility === null) return 'ungraded'
  const r = pair.reliability === null ? 9 : RELIABILITY.indexOf(pair.reliability) + 1
  const c = pair.credibility === null ? 9 : Number(pair.credibility)
  // F and 6 mean "cannot be judged": they never count as support.
  if (r <= 2 && c <= 2) return 'strong'
  if (r <= 3 && c <= 3) return 'moderate'
  return 'weak'
}

/** Orders pairs best first: by level, then by the sum of ranks (A1 before B2), then by code. */
function comparePairs(a: QuoteGrade, b: QuoteGrade): number {
  const byLevel = SUPPORT_LEVELS.indexOf(levelOf(b)) - SUPPORT_LEVELS.indexOf(levelOf(a))
  if (byLevel !== 0) return byLevel
  const rank = (p: QuoteGrade): number =>
    (p.reliability === null ? 7 : RELIABILITY.indexOf(p.reliability) + 1) +
    (p.credibility === null ? 7 : Number(p.credibility))
  return rank(a) - rank(b) || gradeCode(a).localeCompare(gradeCode(b))
}

export interface SupportSummary {
  level: SupportLevel
  /** The strongest supporting quote's grades, or null when nothing supports the event. */
  best: QuoteGrade | null
  contradicted: boolean
  /** The strongest contradicting quote's grades, when the event is contradicted. */
  bestAgainst: QuoteGrade | null
}

export interface GradedQuote {
  id: string
  articleId: string
  stance: Stance
}

export function quoteGrade(quote: Pick<GradedQuote, 'id' | 'articleId'>, book: GradeBook) {
  return {
    reliability: book.reliability(quote.articleId),
    credibility: book.credibility('quote', quote.id),
  } satisfies QuoteGrade
}

/** An event's support, from its quotes' grades and their articles' grades. */
export function supportSummary(
  event: { evidence: readonly GradedQuote[] },
  book: GradeBook,
): SupportSummary {
  const best = (stance: Stance): QuoteGrade | null =>
    event.evidence
      .filter((q) => q.stance === stance)
      .map((q) => quoteGrade(q, book))
      .sort(comparePairs)[0] ?? null
  const forIt = best('supports')
  const against = best('contradicts')
  return {
    level: forIt === null ? 'none' : levelOf(forIt),
    best: forIt,
    contradicted: event.evidence.some((q) => q.stance === 'contradicts'),
    bestAgainst: against,
  }
}

/** "Support: B2 (usually reliable source; probably true), contradicted (E5 …)". */
export function describeSupport(summary: SupportSummary): string {
  const base =
    summary.best === null
      ? SUPPORT_WORDS.none
      : summary.level === 'ungraded'
        ? SUPPORT_WORDS.ungraded
        : `${SUPPORT_WORDS[summary.level]}, best ${gradePairWords(summary.best)}`
  if (!summary.contradicted) return base
  const against =
    summary.bestAgainst && levelOf(summary.bestAgainst) !== 'ungraded'
      ? ` (against: ${gradePairWords(summary.bestAgainst)})`
      : ''
  return `${base}; contradicted${against}`
}

/** True when the event's support is at least `minimum`. */
export function supportAtLeast(summary: SupportSummary, minimum: SupportLevel): boolean {
  return SUPPORT_LEVELS.indexOf(summary.level) >= SUPPORT_LEVELS.indexOf(minimum)
}

/** Sort key for tables: higher is better supported; contradicted sorts just below its level. */
export function supportRank(summary: SupportSummary): number {
  const base = SUPPORT_LEVELS.indexOf(summary.level) * 100
  const rank =
    summary.best === null
      ? 0
      : 50 -
        ((summary.best.reliability === null ? 7 : RELIABILITY.indexOf(summary.best.reliability)) +
          (summary.best.credibility === null ? 7 : Number(summary.best.credibility)))
  return base + rank - (summary.contradicted ? 1 : 0)
}

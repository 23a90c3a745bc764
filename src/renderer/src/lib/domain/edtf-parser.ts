/**
 * EDTF strings read the way the `edtf` package's `edtf(text)` reads them, with its nearley grammar
 * built once. The package builds the grammar (400 rules) again on every call; here each parse
 * only starts a parser over the shared grammar, and picks among the parsings as the package does
 * (its default constraints, then the lowest level). Property-tested against `edtf()` itself.
 */
import nearley from 'nearley'
import edtf, { defaults } from 'edtf'
import type { EdtfValue } from 'edtf'

/** One parsing as the grammar builds it: what `edtf()` turns into a Date, Interval… object. */
interface Parsing {
  type: string
  level: number
  values?: { type?: string }[]
}

/** The grammar once built; null where it could not be had (then edtf() itself is used). */
let grammar: nearley.Grammar | null | undefined

/**
 * The package keeps its compiled grammar out of its `exports`, so it is caught as the package
 * builds it: one edtf() call with nearley's builder watched. Where the package has a nearley of
 * its own (not this one), nothing is caught and every read goes through edtf().
 */
function sharedGrammar(): nearley.Grammar | null {
  if (grammar !== undefined) return grammar
  const build = nearley.Grammar.fromCompiled
  let caught: nearley.Grammar | null = null
  nearley.Grammar.fromCompiled = (rules: unknown, start?: string) =>
    (caught = build.call(nearley.Grammar, rules, start))
  try {
    edtf('2000')
  } finally {
    nearley.Grammar.fromCompiled = build
  }
  return (grammar = caught)
}

/** The package's `limit` under its default constraints (no types, level 2). */
function allowed(parsing: Parsing): boolean {
  if (defaults.seasonIntervals && parsing.type === 'Interval') {
    if (parsing.values?.[0]?.type === 'Season') return true
  }
  if (defaults.seasonUncertainty && parsing.type === 'Season' && parsing.level >= 3) return true
  if (parsing.level > defaults.level) return false
  if (defaults.types.length > 0 && !defaults.types.includes(parsing.type)) return false
  return true
}

/** The package's `best`: the first parsing on the lowest level (a stable sort, as it uses). */
function best(parsings: Parsing[]): Parsing | undefined {
  let chosen: Parsing | undefined
  for (const parsing of parsings) if (!chosen || parsing.level < chosen.level) chosen = parsing
  return chosen
}

/** The package's `parse`: the chosen parsing, or an error naming the text. */
function parse(text: string, shared: nearley.Grammar): Parsing {
  try {
    const parser = new nearley.Parser(shared)
    const parsing = best((parser.feed(text).results as Parsing[]).filter(allowed))
    if (!parsing) throw new Error('edtf: No possible parsings (@EOS)')
    return parsing
  } catch (error) {
    if (error instanceof Error) error.message += ` for "${text}"`
    throw error
  }
}

/** edtf()'s own test for a string it reads as Unix time (edtf/src/edtf.js). */
const UNIX_TIME = /^\d{5,}$/

/** What `edtf(text)` answers for a string, or throws what it throws. */
export function readEdtf(text: string): EdtfValue {
  const shared = sharedGrammar()
  // edtf() reads five or more digits as Unix time, before any parse: so must this.
  if (!shared || UNIX_TIME.test(text)) return edtf(text)
  // Given a parsing, edtf() builds the object of its type, as it does after its own parse.
  return edtf(parse(text, shared))
}

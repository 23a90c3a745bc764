/**
 * EDTF strings read the way the `edtf` package's `edtf(text)` reads them, with its nearley grammar
 * built once. The package builds the grammar (400 rules) again on every call; here each parse
 * only starts a parser over the shared grammar, and picks among the parsings as the package does
 * (its default constraints, then the lowest level). Property-tested against `edtf()` itself.
 */
import nearley from 'nearley'
import edtf, { defaults } from 'edtf'
import type { EdtfValue } from 'edtf'
import compiled from 'edtf/grammar'

/** One parsing as the grammar builds it: what `edtf()` turns into a Date, Interval… object. */
interface Parsing {
  type: string
  level: number
  values?: { type?: string }[]
}

let grammar: nearley.Grammar | null = null

function sharedGrammar(): nearley.Grammar {
  grammar ??= nearley.Grammar.fromCompiled(compiled)
  return grammar
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
function parse(text: string): Parsing {
  try {
    const parser = new nearley.Parser(sharedGrammar())
    const parsing = best((parser.feed(text).results as Parsing[]).filter(allowed))
    if (!parsing) throw new Error('edtf: No possible parsings (@EOS)')
    return parsing
  } catch (error) {
    if (error instanceof Error) error.message += ` for "${text}"`
    throw error
  }
}

/** What `edtf(text)` answers for a string, or throws what it throws. */
export function readEdtf(text: string): EdtfValue {
  // Given a parsing, edtf() builds the object of its type, as it does after its own parse.
  return edtf(parse(text))
}

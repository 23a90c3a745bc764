/**
 * Finding typed words in a text the way a reader expects: case, accents, invisible characters,
 * typographic quotes and white space runs do not matter, and the range found is in exact UTF-16
 * indices of the original text (whole characters with their marks).
 */
import { normalise, normalisedIndex, originalRange, type Normalised } from './normalise'

export interface FoundRange {
  start: number
  end: number
}

/** All places `needle` occurs in the normalised text, as normalised indices. */
function occurrences(haystack: Normalised, needle: string): number[] {
  const found: number[] = []
  if (!needle) return found
  for (
    let at = haystack.text.indexOf(needle);
    at !== -1;
    at = haystack.text.indexOf(needle, at + 1)
  )
    found.push(at)
  return found
}

/**
 * The first place at or after original index `from` where `needle` occurs in `text`, wrapping
 * round to the start; null when it is nowhere or the needle is only spaces and invisibles.
 */
export function findText(text: string, needle: string, from = 0): FoundRange | null {
  const query = normalise(needle).text.trim()
  if (!query) return null
  const haystack = normalise(text)
  const at = occurrences(haystack, query)
  if (at.length === 0) return null
  const fromIndex = normalisedIndex(haystack, from)
  const start = at.find((a) => a >= fromIndex) ?? at[0]!
  return originalRange(haystack, start, start + query.length)
}

/** Every place `needle` occurs in `text`, as original ranges, in order. */
export function findAll(text: string, needle: string): FoundRange[] {
  const query = normalise(needle).text.trim()
  const haystack = normalise(text)
  return occurrences(haystack, query).map((at) => originalRange(haystack, at, at + query.length))
}

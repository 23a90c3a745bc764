/**
 * Text normalisation shared by search, Find passage and quote matching, with a map from every
 * normalised position back to the exact UTF-16 range of the original it came from. Invisible
 * characters (U+200B, U+200C, U+200D, U+2060, U+FEFF, soft hyphen) are dropped, typographic
 * quotes and dashes folded, white space runs made one space; for search, case and accents too.
 */

export interface NormaliseOptions {
  /** NFKC (compatibility forms: ligatures, full-width letters) rather than NFC. Default true. */
  compatibility?: boolean
  /**
   * Lower case, locale-independent; final sigma folded to sigma and dotless ı to i, since İ, I, ı
   * and i are one letter to a reader who types without a Turkish keyboard. Default true.
   */
  foldCase?: boolean
  /** Drop combining accents on letters (é → e, İ → i, Arabic harakat). Default true. */
  foldAccents?: boolean
}

/** Quote matching needs canonical equivalence only: case and accents are part of a quote. */
export const QUOTE_FOLDING: NormaliseOptions = {
  compatibility: false,
  foldCase: false,
  foldAccents: false,
}

/**
 * The normalised text; `starts[i]`/`ends[i]` are the original range normalised code unit i came
 * from (a whole cluster: a character with its combining marks). `starts[n]`/`ends[n]` with n the
 * text's length are the original's length, so an end-exclusive range maps too.
 */
export interface Normalised {
  text: string
  starts: Int32Array
  ends: Int32Array
}

/** Soft hyphens, zero-width characters and BOMs: present in scraped text, invisible to readers. */
export function isInvisible(code: number): boolean {
  return code === 0xad || (code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff
}

export function isSpaceCode(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0x85 ||
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

const FOLDED = new Map<number, number>()
for (const c of '\u2018\u2019\u201A\u201B\u2032\u00B4`') FOLDED.set(c.charCodeAt(0), 0x27) // '
for (const c of '\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB') FOLDED.set(c.charCodeAt(0), 0x22) // "
for (const c of '\u2010\u2011\u2012\u2013\u2014\u2015\u2212') FOLDED.set(c.charCodeAt(0), 0x2d) // -

/**
 * Combining marks that are accents: Latin/Greek/Cyrillic diacritics, Arabic harakat, Hebrew
 * points. Khmer, Thai and Indic vowel signs are marks too but are letters of the word: kept.
 */
function isAccent(code: number): boolean {
  return (
    (code >= 0x0300 && code <= 0x036f) ||
    (code >= 0x1ab0 && code <= 0x1aff) ||
    (code >= 0x1dc0 && code <= 0x1dff) ||
    (code >= 0x20d0 && code <= 0x20ff) ||
    (code >= 0xfe20 && code <= 0xfe2f) ||
    (code >= 0x064b && code <= 0x065f) ||
    code === 0x0670 ||
    (code >= 0x0591 && code <= 0x05c7)
  )
}

const MARK = /\p{M}/u

/** Per BMP code unit: 1 a combining mark, 2 not; 0 not looked up yet. */
const markTable = new Uint8Array(0x10000)

/** Code points that continue the cluster before them: combining marks and Hangul vowel/final jamo. */
function continuesCluster(text: string, index: number): boolean {
  if (index >= text.length) return false
  const code = text.charCodeAt(index)
  if (code < 0x300) return false
  if (code >= 0x1160 && code <= 0x11ff) return true
  if (code >= 0xd800 && code <= 0xdfff)
    return MARK.test(String.fromCodePoint(text.codePointAt(index)!))
  let known = markTable[code]!
  if (known === 0) {
    known = MARK.test(String.fromCharCode(code)) ? 1 : 2
    markTable[code] = known
  }
  return known === 1
}

/**
 * Scripts whose letters and vowel signs never compose canonically (Thai, Lao, Khmer, CJK
 * ideographs): their clusters can be copied unit by unit when each unit is stable on its own.
 */
function neverComposes(code: number): boolean {
  return (
    (code >= 0x0e00 && code <= 0x0eff) ||
    (code >= 0x1780 && code <= 0x17ff) ||
    (code >= 0x19e0 && code <= 0x19ff) ||
    (code >= 0x4e00 && code <= 0x9fff)
  )
}

function codePointLength(text: string, index: number): number {
  const code = text.charCodeAt(index)
  if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
    const next = text.charCodeAt(index + 1)
    if (next >= 0xdc00 && next <= 0xdfff) return 2
  }
  return 1
}

/** Folds one cluster (never empty, never white space or invisible) per the options. */
function foldCluster(cluster: string, options: Required<NormaliseOptions>): string {
  let s = cluster.normalize(options.compatibility ? 'NFKC' : 'NFC')
  if (options.foldCase) s = s.toLowerCase().replace(/ς/g, 'σ').replace(/ı/g, 'i')
  if (options.foldAccents) {
    let kept = ''
    for (const ch of s.normalize('NFD')) if (!isAccent(ch.codePointAt(0)!)) kept += ch
    s = kept.normalize('NFC')
  }
  let out = ''
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i)
    if (isInvisible(code)) continue
    const folded = FOLDED.get(code)
    out += folded === undefined ? s[i] : String.fromCharCode(folded)
  }
  return out
}

const DEFAULTS: Required<NormaliseOptions> = {
  compatibility: true,
  foldCase: true,
  foldAccents: true,
}

/** Growable buffers of normalised code units and their original ranges. */
class Builder {
  codes: Uint16Array
  starts: Int32Array
  ends: Int32Array
  n = 0

  constructor(size: number) {
    this.codes = new Uint16Array(size + 1)
    this.starts = new Int32Array(size + 1)
    this.ends = new Int32Array(size + 1)
  }

  push(code: number, start: number, end: number): void {
    if (this.n + 1 >= this.codes.length) {
      const grow = <T extends Uint16Array | Int32Array>(a: T, make: (n: number) => T): T => {
        const b = make(a.length * 2)
        b.set(a)
        return b
      }
      this.codes = grow(this.codes, (n) => new Uint16Array(n))
      this.starts = grow(this.starts, (n) => new Int32Array(n))
      this.ends = grow(this.ends, (n) => new Int32Array(n))
    }
    this.codes[this.n] = code
    this.starts[this.n] = start
    this.ends[this.n] = end
    this.n++
  }

  finish(length: number): Normalised {
    this.starts[this.n] = length
    this.ends[this.n] = length
    let text = ''
    // fromCharCode takes its codes as arguments: build the string in slices the stack can hold
    // (`apply` takes the typed array as it is, where spreading it goes through its iterator).
    for (let i = 0; i < this.n; i += 8192)
      text += String.fromCharCode.apply(
        null,
        // An array-like is all `apply` needs; its typing asks for an array.
        this.codes.subarray(i, Math.min(this.n, i + 8192)) as unknown as number[],
      )
    return {
      text,
      starts: this.starts.subarray(0, this.n + 1),
      ends: this.ends.subarray(0, this.n + 1),
    }
  }
}

/** Per option set and BMP code unit: 1 the unit folds to itself alone, 2 not, 0 unknown. */
const stableTables = new Map<string, Uint8Array>()

function stableTable(opts: Required<NormaliseOptions>): Uint8Array {
  const key = `${opts.compatibility}${opts.foldCase}${opts.foldAccents}`
  let table = stableTables.get(key)
  if (!table) {
    table = new Uint8Array(0x10000)
    stableTables.set(key, table)
  }
  return table
}

function isStable(code: number, table: Uint8Array, opts: Required<NormaliseOptions>): boolean {
  let known = table[code]!
  if (known === 0) {
    const ch = String.fromCharCode(code)
    known =
      (code < 0xd800 || code > 0xdfff) &&
      !isInvisible(code) &&
      !isSpaceCode(code) &&
      !FOLDED.has(code) &&
      foldCluster(ch, opts) === ch
        ? 1
        : 2
    table[code] = known
  }
  return known === 1
}

/** A cluster in a script that never composes whose every unit folds to itself. */
function copiesAsIs(
  text: string,
  start: number,
  end: number,
  table: Uint8Array,
  opts: Required<NormaliseOptions>,
): boolean {
  for (let k = start; k < end; k++) {
    const code = text.charCodeAt(k)
    if (!neverComposes(code) || !isStable(code, table, opts)) return false
  }
  return true
}

/** Normalises `original` per the options (search folding by default), keeping the offset map. */
export function normalise(original: string, options: NormaliseOptions = {}): Normalised {
  const opts = { ...DEFAULTS, ...options }
  const stable = stableTable(opts)
  const out = new Builder(original.length)
  let lastWasSpace = false
  let i = 0
  while (i < original.length) {
    const code = original.charCodeAt(i)
    // ASCII letters, digits and punctuation not followed by a mark: the common case, kept fast.
    if (code < 0x80 && !isSpaceCode(code) && !continuesCluster(original, i + 1)) {
      const lower = opts.foldCase && code >= 0x41 && code <= 0x5a ? code + 32 : code
      out.push(FOLDED.get(lower) ?? lower, i, i + 1)
      lastWasSpace = false
      i++
      continue
    }
    if (isInvisible(code)) {
      i++
      continue
    }
    if (isSpaceCode(code)) {
      // Only invisible characters can stand between this and an earlier space of the run.
      if (lastWasSpace) out.ends[out.n - 1] = i + 1
      else {
        out.push(0x20, i, i + 1)
        lastWasSpace = true
      }
      i++
      continue
    }
    let end = i + codePointLength(original, i)
    while (end < original.length && continuesCluster(original, end))
      end += codePointLength(original, end)
    if (end - i === 1 ? isStable(code, stable, opts) : copiesAsIs(original, i, end, stable, opts)) {
      for (let k = i; k < end; k++) out.push(original.charCodeAt(k), i, end)
      lastWasSpace = false
      i = end
      continue
    }
    const folded = foldCluster(original.slice(i, end), opts)
    for (let k = 0; k < folded.length; k++) out.push(folded.charCodeAt(k), i, end)
    if (folded.length > 0) lastWasSpace = false
    i = end
  }
  return out.finish(original.length)
}

/** The original range that normalised [start, end) came from: whole clusters, end exclusive. */
export function originalRange(
  n: Normalised,
  start: number,
  end: number,
): { start: number; end: number } {
  if (end <= start) {
    const at = n.starts[start] ?? n.starts[n.text.length]!
    return { start: at, end: at }
  }
  return { start: n.starts[start]!, end: n.ends[end - 1]! }
}

/** First normalised index whose original range starts at or after original index `index`. */
export function normalisedIndex(n: Normalised, index: number): number {
  let lo = 0
  let hi = n.text.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (n.starts[mid]! < index) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Search folding of a short string (a query, a term), without the map. */
export function fold(text: string, options: NormaliseOptions = {}): string {
  return normalise(text, options).text
}

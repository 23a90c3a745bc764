/// <reference types="node" />
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { CorpusManifest, TextPositionSelector, TextQuoteSelector } from '$shared/corpus'
import { reanchor, type ReanchorResult } from './anchoring'
import { cutLines } from './corpus'
import { codePointToIndex, selectorsForRange } from './quotes'

/** Selectors for the first occurrence of `exact` in `body`, as the reader would make them. */
function selectorsFor(
  body: string,
  exact: string,
  from = 0,
): { quote: TextQuoteSelector; position: TextPositionSelector } {
  const at = body.indexOf(exact, from)
  if (at === -1) throw new Error(`test text lacks “${exact}”`)
  return selectorsForRange(body, at, at + exact.length)
}

const bare = (exact: string): TextQuoteSelector => ({
  type: 'TextQuoteSelector',
  exact,
  prefix: '',
  suffix: '',
})

/** The text a result points at, or null for an orphan. */
function textOf(body: string, result: ReanchorResult): string | null {
  return result.status === 'orphan' ? null : body.slice(result.start, result.end)
}

const ARTICLE = [
  'The Ministry of Interior published its annual report on Monday.',
  '',
  'In Phnom Penh, 2021 saw 359 cases of trafficking reported to police, the report said.',
  '',
  'In Siem Reap, 2020 saw 155 cases of trafficking reported to police, officials added.',
  '',
  'The minister said the government “will not tolerate” abuse and would train more officers ' +
    'in every province before the end of the year.',
  '',
  'Observers welcomed the figures but asked for more support for victims.',
].join('\n')

const SENTENCE =
  'the government “will not tolerate” abuse and would train more officers in every province'

describe('reanchor: the text is where it was', () => {
  it('is exact at its old position', () => {
    const { quote, position } = selectorsFor(ARTICLE, '2021 saw 359 cases')
    const start = ARTICLE.indexOf('2021 saw 359 cases')
    expect(reanchor(ARTICLE, quote, position)).toEqual({ status: 'exact', start, end: start + 18 })
  })

  it('is exact even when the context around it changed', () => {
    const { quote, position } = selectorsFor(ARTICLE, '2021 saw 359 cases')
    const edited = ARTICLE.replace('of trafficking reported', 'of human trafficking reported')
    expect(reanchor(edited, quote, position).status).toBe('exact')
  })
})

describe('reanchor: the exact text moved', () => {
  it('follows a paragraph inserted before it', () => {
    const { quote, position } = selectorsFor(ARTICLE, '2021 saw 359 cases')
    const intro = 'Updated on Tuesday with comments from officials.\n\n'
    const start = intro.length + ARTICLE.indexOf('2021 saw 359 cases')
    const result = reanchor(intro + ARTICLE, quote, position)
    expect(result).toEqual({ status: 'moved', start, end: start + 18 })
  })

  it('finds it without a position, and with a position past the end of a shortened text', () => {
    const { quote } = selectorsFor(ARTICLE, SENTENCE)
    const shortened = ARTICLE.slice(ARTICLE.indexOf('The minister'))
    const far: TextPositionSelector = { type: 'TextPositionSelector', start: 5000, end: 5090 }
    for (const position of [undefined, far]) {
      const result = reanchor(shortened, quote, position)
      expect(result.status).toBe('moved')
      expect(textOf(shortened, result)).toBe(SENTENCE)
    }
  })

  it('chooses among verbatim copies by their context', () => {
    const quote = selectorsFor(ARTICLE, 'of trafficking reported to police').quote
    // The quote was made on the Phnom Penh sentence; the same words close the Siem Reap one.
    const intro = 'Police figures.\n\n'
    const result = reanchor(intro + ARTICLE, quote)
    expect(result.status).toBe('moved')
    if (result.status === 'moved') {
      expect(result.start).toBe(intro.length + ARTICLE.indexOf('of trafficking reported'))
    }
  })

  it('tells verbatim copies apart by context that was itself edited', () => {
    const { quote, position } = selectorsFor(ARTICLE, 'of trafficking reported to police')
    const edited =
      'Police figures.\n\n' + ARTICLE.replace('2021 saw 359 cases', '2021 saw 359  cases')
    const result = reanchor(edited, quote, position)
    expect(result.status).toBe('moved')
    if (result.status === 'moved') {
      expect(edited.slice(result.start - 20, result.start)).toBe('2021 saw 359  cases ')
    }
  })

  it('moves with context rewritten on one side, but not with both sides rewritten', () => {
    const exact = 'Police said the figures were rising again this year.'
    const made = `The minister spoke to reporters on Monday morning. ${exact} Officials did not comment.`
    const { quote, position } = selectorsFor(made, exact)
    const before = 'Elsewhere a separate story ran with other words. '
    const oneSide = `Intro. ${before}${exact} Officials did not comment.`
    expect(reanchor(oneSide, quote, position)).toMatchObject({ status: 'moved' })
    const bothSides = `Intro. ${before}${exact} Something else followed here.`
    expect(reanchor(bothSides, quote, position)).toMatchObject({
      status: 'orphan',
      reason: 'weak-match',
    })
  })

  it('prefers the edited passage in the right context to a verbatim copy in the wrong one', () => {
    const exact = 'the plan would start in March with training for police'
    const body = [
      'Officials met in Phnom Penh. The minister said the plan would start in March with ' +
        'training for police and border guards.',
      'A year earlier, an adviser wrote that the plan would start in March with training for ' +
        'police, which did not happen.',
    ].join('\n\n')
    const { quote, position } = selectorsFor(body, exact)
    const edited = body.replace(
      'said the plan would start in March',
      'said the plan will start in March',
    )
    const result = reanchor(edited, quote, position)
    expect(result.status).toBe('fuzzy')
    expect(textOf(edited, result)).toBe('the plan will start in March with training for police')
  })
})

describe('reanchor: look-alike passages', () => {
  const { quote, position } = selectorsFor(ARTICLE, '2021 saw 359 cases')
  const phnomPenh =
    'In Phnom Penh, 2021 saw 359 cases of trafficking reported to police, the report said.\n\n'

  it('never moves to the same sentence with other numbers when the quote is deleted', () => {
    const result = reanchor(ARTICLE.replace(phnomPenh, ''), quote, position)
    expect(result.status).toBe('orphan')
  })

  it('never moves to it when only the quoted words are gone', () => {
    const edited = ARTICLE.replace('2021 saw 359 cases of trafficking', 'trafficking cases rose')
    expect(reanchor(edited, quote, position).status).toBe('orphan')
  })

  it('orphans a quote whose own figure was corrected: the claim changed', () => {
    const result = reanchor(ARTICLE.replace('359', '395'), quote, position)
    expect(result).toMatchObject({ status: 'orphan', reason: 'changed-figures' })
  })

  it('orphans a quote whose figure is now part of a larger number', () => {
    const made = 'In May, police recorded 5 cases of forced labour in the province.'
    const short = selectorsFor(made, '5 cases of forced labour')
    const result = reanchor(
      `Intro. ${made.replace('5 cases', '15 cases')}`,
      short.quote,
      short.position,
    )
    expect(result).toMatchObject({ status: 'orphan', reason: 'changed-figures' })
  })

  it('reads a quote that starts inside a number as that whole number', () => {
    const part = selectorsFor(ARTICLE, '59 cases of trafficking')
    const result = reanchor(`Intro.\n\n${ARTICLE}`, part.quote, part.position)
    expect(result.status).toBe('moved')
    expect(textOf(`Intro.\n\n${ARTICLE}`, result)).toBe('59 cases of trafficking')
  })

  it('keeps to the right sentence when a word in it was corrected', () => {
    const long = selectorsFor(ARTICLE, '2021 saw 359 cases of trafficking reported to police')
    const edited =
      'Updated.\n\n' + ARTICLE.replace('2021 saw 359 cases of', '2021 saw 359 cases of human')
    const result = reanchor(edited, long.quote, long.position)
    expect(result.status).toBe('fuzzy')
    expect(textOf(edited, result)).toBe(
      '2021 saw 359 cases of human trafficking reported to police',
    )
  })

  it('orphans a quote that two places match about equally well', () => {
    // Both sentences now differ from the quote by the same amount, in the same surroundings.
    const body =
      'Police said that 359 cases were recorded in 2021. Police said that 359 cases were ' +
      'recorded in 2022.'
    const result = reanchor(body, bare('Police said that 359 cases were recorded in 202'))
    expect(result).toMatchObject({ status: 'orphan', reason: 'ambiguous' })
  })
})

describe('reanchor: passages it could not all look at', () => {
  it('does not choose while unsearched passages could still rival the best one', () => {
    // The quote, then seven copies with 1..7 letters changed, each in other surroundings: more
    // levels of near-copies than it searches, so a copy with the right context might be unseen.
    const exact =
      'The committee reviewed every report submitted by provincial offices during the year and ' +
      'found that most of them lacked the detail needed to follow up on individual cases.'
    const copies = [1, 2, 3, 4, 5, 6, 7].map((changes) => {
      let copy = exact
      for (let i = 0; i < changes; i++) {
        const at = 10 + i * 20
        copy = copy.slice(0, at) + 'Q' + copy.slice(at + 1)
      }
      return `Section ${'ABCDEFG'[changes - 1]} opened. ${copy} Section closed.`
    })
    const made = `Opening words here. ${exact} Closing words here.`
    const { quote, position } = selectorsFor(made, exact)
    const body = [made, ...copies].join('\n\n')
    expect(reanchor(body, quote, position)).toEqual({
      status: 'exact',
      start: 20,
      end: 20 + exact.length,
    })
    const shifted = `Intro.\n\n${body}`
    expect(reanchor(shifted, quote, position)).toMatchObject({
      status: 'orphan',
      reason: 'ambiguous',
    })
    // With fewer near-copies every level that matters is searched, and the quote is found.
    const fewer = `Intro.\n\n${[made, ...copies.slice(0, 3)].join('\n\n')}`
    expect(reanchor(fewer, quote, position).status).toBe('moved')
  })
})

describe('reanchor: repeated passages', () => {
  const passage = 'Police said the figures were rising.'

  it('orphans a passage repeated verbatim with no context to choose by', () => {
    const body = `Intro. ${passage} ${passage}`
    const at: TextPositionSelector = { type: 'TextPositionSelector', start: 0, end: passage.length }
    for (const position of [undefined, at]) {
      expect(reanchor(body, bare(passage), position)).toMatchObject({
        status: 'orphan',
        reason: 'ambiguous',
      })
    }
  })

  it('orphans a repeated paragraph even with context, when the context repeats too', () => {
    const paragraph = `The minister spoke on Monday. ${passage} Officials agreed.`
    const made = `Intro.\n\n${paragraph}\n\n${paragraph}\n\n${paragraph}\n\nEnd.`
    // Made on the middle copy, whose context (the copies either side) the first copy shares.
    const { quote, position } = selectorsFor(made, passage, made.indexOf(passage) + 1)
    const result = reanchor(`A longer introduction.\n\n${made.slice(8)}`, quote, position)
    expect(result).toMatchObject({ status: 'orphan', reason: 'ambiguous' })
  })

  it('is still exact at its own position among repeats', () => {
    const body = `${passage} ${passage}`
    const { quote, position } = selectorsFor(body, passage, 1)
    expect(reanchor(body, quote, position)).toEqual({
      status: 'exact',
      start: passage.length + 1,
      end: body.length,
    })
  })
})

describe('reanchor: edited texts', () => {
  const { quote, position } = selectorsFor(ARTICLE, SENTENCE)

  it.each([
    ['a typo fixed', SENTENCE, SENTENCE.replace('officers', 'oficers')],
    ['a word inserted', SENTENCE, SENTENCE.replace('more officers', 'many more officers')],
    ['line breaks added', SENTENCE, SENTENCE.replace(' abuse and ', '\nabuse\r\nand ')],
    ['spaces doubled', SENTENCE, SENTENCE.replaceAll(' ', '  ')],
    ['curly quotes straightened', SENTENCE, SENTENCE.replace(/[“”]/g, '"')],
    [
      'a no-break space and a soft hyphen',
      SENTENCE,
      SENTENCE.replace(' not ', '\u00a0not\u00a0').replace('province', 'prov\u00adince'),
    ],
  ])('finds the passage with %s', (_name, original, replacement) => {
    // The quote was made on an article where the sentence read `replacement`; now it reads `original`.
    const made = ARTICLE.replace(original, replacement)
    const selectors = selectorsFor(made, replacement)
    const now = 'Intro.\n\n' + ARTICLE
    const result = reanchor(now, selectors.quote, selectors.position)
    expect(result.status).toBe('fuzzy')
    expect(textOf(now, result)).toBe(SENTENCE)
    if (result.status === 'fuzzy') expect(result.score).toBeGreaterThan(0.85)
  })

  it('scores a change of spacing and quote marks alone as a perfect fuzzy match', () => {
    const edited = ARTICLE.replace(
      SENTENCE,
      SENTENCE.replace(/[“”]/g, '"').replace(' abuse', '\nabuse'),
    )
    const result = reanchor(edited, quote, position)
    expect(result).toMatchObject({ status: 'fuzzy', score: 1 })
  })

  it('orphans a quote deleted entirely', () => {
    const edited = ARTICLE.replace(/The minister said[^\n]*\n\n/, '')
    const result = reanchor(edited, quote, position)
    expect(result.status).toBe('orphan')
    if (result.status === 'orphan') expect(['not-found', 'weak-match']).toContain(result.reason)
  })

  it('orphans a quote rewritten beyond recognition, whatever its context', () => {
    const edited = ARTICLE.replace(
      SENTENCE,
      'officials promised new training for provincial police',
    )
    const result = reanchor(edited, quote, position)
    expect(result.status).toBe('orphan')
    if (result.status === 'orphan') expect(['not-found', 'weak-match']).toContain(result.reason)
  })

  it('applies the threshold it is given', () => {
    const edited = ARTICLE.replace('more officers', 'many more officers')
    const fuzzy = reanchor(edited, quote, position)
    expect(fuzzy.status).toBe('fuzzy')
    const score = fuzzy.status === 'fuzzy' ? fuzzy.score : 0
    expect(reanchor(edited, quote, position, { threshold: score + 0.001 })).toMatchObject({
      status: 'orphan',
      reason: 'weak-match',
      bestScore: score,
    })
    expect(() => reanchor(edited, quote, position, { threshold: 1.5 })).toThrow(RangeError)
    expect(() => reanchor(edited, quote, position, { threshold: Number.NaN })).toThrow(RangeError)
  })

  it('orphans an empty quote', () => {
    expect(reanchor(ARTICLE, bare(''))).toMatchObject({ status: 'orphan', reason: 'empty-quote' })
  })

  it('never splits a surrogate pair', () => {
    const body = 'Intro 😀. The report 😀 said 359 cases 👍🏽 were recorded in the capital.'
    const made = body.replace('Intro 😀. ', '')
    const selectors = selectorsFor(made, 'report 😀 said 359 cases 👍🏽 were')
    const edited = body.replace('said', 'says')
    const result = reanchor(edited, selectors.quote, selectors.position)
    expect(result.status).toBe('fuzzy')
    expect(textOf(edited, result)).toBe('report 😀 says 359 cases 👍🏽 were')
  })
})

describe('reanchor: properties', () => {
  it('finds the exact text after any insertion outside it', () => {
    const { quote, position } = selectorsFor(ARTICLE, SENTENCE)
    const start = ARTICLE.indexOf(SENTENCE)
    const end = start + SENTENCE.length
    const outside = fc.oneof(
      fc.integer({ min: 0, max: start }),
      fc.integer({ min: end, max: ARTICLE.length }),
    )
    const inserted = fc.string({
      unit: fc.constantFrom('q', 'z', ' ', '\n', 'ü'),
      minLength: 1,
      maxLength: 20,
    })
    fc.assert(
      fc.property(outside, inserted, (at, text) => {
        const edited = ARTICLE.slice(0, at) + text + ARTICLE.slice(at)
        const result = reanchor(edited, quote, position)
        const shift = at <= start ? text.length : 0
        expect(result).toMatchObject({ start: start + shift, end: end + shift })
        expect(['exact', 'moved']).toContain(result.status)
      }),
      { numRuns: 60 },
    )
  })
})

describe('reanchor: huge texts', () => {
  // About 1 MB of article-like words. The search is linear in the text (one pass per round, a
  // capped number of rounds, errors capped), so these run in well under a second each.
  const WORDS = ['the', 'police', 'said', 'cases', 'of', 'trafficking', 'rose', 'in', 'Cambodia']
  let seed = 7
  const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
  const filler: string[] = []
  for (let length = 0; length < 1_000_000;) {
    const word = WORDS[Math.floor(random() * WORDS.length)] ?? 'the'
    filler.push(word)
    length += word.length + 1
  }
  const noise = filler.join(' ')
  const huge = `${noise.slice(0, 500_000)}\n\n${ARTICLE}\n\n${noise.slice(500_000)}`
  const { quote, position } = selectorsFor(ARTICLE, SENTENCE)

  it('finds a moved quote', () => {
    const result = reanchor(huge, quote, position)
    expect(result.status).toBe('moved')
    expect(textOf(huge, result)).toBe(SENTENCE)
  })

  it('finds an edited quote', () => {
    const edited = huge.replace('more officers', 'many more officers')
    const result = reanchor(edited, quote, position)
    expect(result.status).toBe('fuzzy')
    expect(textOf(edited, result)).toBe(SENTENCE.replace('more officers', 'many more officers'))
  })

  it('orphans a deleted quote', () => {
    expect(reanchor(noise, quote, position).status).toBe('orphan')
  })

  it('copes with a short quote that occurs thousands of times', () => {
    const result = reanchor(huge, selectorsFor(ARTICLE, 'the', ARTICLE.indexOf(SENTENCE)).quote)
    expect(result.status).toBe('moved')
    if (result.status === 'moved') expect(result.start).toBe(huge.indexOf(SENTENCE))
  })
})

describe('reanchor: the bundled corpus', () => {
  const root = resolve(process.cwd(), 'resources/corpus')
  const manifest = JSON.parse(readFileSync(resolve(root, 'corpus.json'), 'utf8')) as CorpusManifest
  const bodies = new Map(
    manifest.articles.map((a) => [
      a.id,
      cutLines(readFileSync(resolve(root, a.file), 'utf8'), a.bodyLines),
    ]),
  )
  const evidence = manifest.events.flatMap((event) =>
    event.evidence.map((e, i) => {
      const body = bodies.get(e.articleId) ?? ''
      const start = codePointToIndex(body, e.position.start)
      return { name: `${event.id} ${i + 1}`, ...e, body, start, end: start + e.quote.exact.length }
    }),
  )
  /** Applies a change that maps each character on its own, so offsets follow by length. */
  const shifted = (map: (s: string) => string, body: string, start: number, end: number) => ({
    body: map(body),
    start: map(body.slice(0, start)).length,
    end: map(body.slice(0, end)).length,
  })

  it.each(evidence)('$name: exact as bundled', ({ body, quote, position, start, end }) => {
    expect(reanchor(body, quote, position)).toEqual({ status: 'exact', start, end })
  })

  it.each(evidence)(
    '$name: moved by a new first paragraph',
    ({ body, quote, position, start, end }) => {
      const intro = 'Editor’s note: this article was updated.\n\n'
      expect(reanchor(intro + body, quote, position)).toEqual({
        status: 'moved',
        start: start + intro.length,
        end: end + intro.length,
      })
    },
  )

  it.each(evidence)('$name: found after reflowing and straightening quotes', (e) => {
    const map = (s: string): string =>
      s.replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/ /g, '  ').replace(/\n/g, '\r\n')
    const edited = shifted(map, e.body, e.start, e.end)
    const result = reanchor(edited.body, e.quote, e.position)
    expect(result).toMatchObject({ start: edited.start, end: edited.end })
    expect(result.status).not.toBe('orphan')
  })

  it.each(evidence.filter((e) => e.quote.exact.length >= 40))(
    '$name: found after a typo in the quote',
    ({ body, quote, position, start, end }) => {
      // Swap two letters in the middle of the quote: two substitutions.
      let at = Math.floor((start + end) / 2)
      while (!/([a-z])(?!\1)[a-z]/.test(body.slice(at, at + 2))) at++
      const edited = body.slice(0, at) + body[at + 1] + body[at] + body.slice(at + 2)
      const result = reanchor(edited, quote, position)
      expect(result).toMatchObject({ status: 'fuzzy', start, end })
    },
  )

  it.each(evidence)(
    '$name: orphaned when its paragraph is removed',
    ({ body, quote, position, start }) => {
      const from = body.lastIndexOf('\n', start) + 1
      const next = body.indexOf('\n', start)
      const to = next === -1 ? body.length : next
      const edited = body.slice(0, from) + body.slice(to)
      const result = reanchor(edited, quote, position)
      expect(result.status).toBe('orphan')
    },
  )
})

import { describe, expect, it, vi } from 'vitest'
import nearley from 'nearley'
import fc from 'fast-check'
import edtf from 'edtf'
import { readEdtf } from './edtf-parser'

/** A value's fields (the package's are getters), its parts' too, as plain data. */
function plain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plain)
  if (typeof value !== 'object' || value === null) return value
  const v = value as Record<string, unknown>
  const fields: Record<string, unknown> = { class: v.constructor?.name }
  for (const key of ['type', 'edtf', 'min', 'max', 'level', 'precision', 'values', 'year']) {
    if (key in v) fields[key] = plain(v[key])
  }
  for (const key of ['season', 'decade', 'century', 'significant', 'earlier', 'later']) {
    if (key in v) fields[key] = plain(v[key])
  }
  for (const key of ['lower', 'upper']) if (key in v) fields[key] = plain(v[key])
  for (const key of ['uncertain', 'approximate', 'unspecified']) {
    const mask = v[key] as { value?: number } | boolean | undefined
    if (mask !== undefined) fields[key] = typeof mask === 'object' ? mask.value : mask
  }
  return fields
}

/** What a read gives, comparable: the value as plain data, or the error's message. */
function outcome(read: (text: string) => unknown, text: string): unknown {
  try {
    return plain(read(text))
  } catch (error) {
    return { error: (error as Error).message }
  }
}

const digit = fc.constantFrom(...'0123456789X')
const qualifier = fc.constantFrom('', '?', '~', '%')
const date = fc
  .tuple(
    fc.constantFrom('', '-', 'Y', 'Y-'),
    fc.array(digit, { minLength: 1, maxLength: 5 }),
    fc.option(fc.tuple(qualifier, fc.array(digit, { minLength: 1, maxLength: 2 }))),
    fc.option(fc.tuple(qualifier, fc.array(digit, { minLength: 1, maxLength: 2 }))),
    qualifier,
  )
  .map(
    ([sign, year, month, day, last]) =>
      sign +
      year.join('') +
      (month ? `${month[0]}-${month[1].join('')}` : '') +
      (day ? `${day[0]}-${day[1].join('')}` : '') +
      last,
  )
/** Dates, intervals with open or unknown ends, sets and lists, seasons, and noise. */
const text = fc.oneof(
  date,
  fc
    .tuple(fc.constantFrom('', '..', date), fc.constantFrom('', '..', date))
    .chain(([a, b]) =>
      fc.tuple(
        typeof a === 'string' ? fc.constant(a) : a,
        typeof b === 'string' ? fc.constant(b) : b,
      ),
    )
    .map(([a, b]) => `${a}/${b}`),
  fc
    .tuple(fc.constantFrom('[', '{'), fc.array(date, { minLength: 1, maxLength: 3 }))
    .map(
      ([open, dates]) =>
        `${open}${dates.join(open === '[' ? ',' : '..')}${open === '[' ? ']' : '}'}`,
    ),
  fc
    .tuple(fc.integer({ min: 1000, max: 2100 }), fc.integer({ min: 19, max: 42 }))
    .map(([year, season]) => `${year}-${season}`),
  fc.string({ maxLength: 12 }),
)

describe('readEdtf', () => {
  it('reads what edtf() reads, the same way, and refuses what it refuses with its message', () => {
    fc.assert(
      fc.property(text, (input) => {
        expect(outcome(readEdtf, input)).toEqual(outcome(edtf, input))
      }),
      { numRuns: 3000 },
    )
  })

  it('agrees on the forms the app writes and on known edge cases', () => {
    for (const input of [
      '2007~',
      '2007-12?',
      '2004-06-11%',
      '2007-12/2009',
      '../2009-12',
      '2009-12/..',
      '/2018',
      '2018/',
      '00000',
      '1700000000000',
      '[2018..2020]',
      '{2018,2019}',
      '[..2018-12]',
      '2001-21',
      '2001-33',
      // Level 3 only (refused under the default level 2), and forms with parsings on two levels.
      '2001-21?',
      '2001-21/2002-22',
      '20XX',
      '2004-XX',
      '2018-12?/2019',
      '19XX',
      '1950S2',
      'Y170000002',
      '2004-06-11T10:00:00Z',
      '2009/2007',
      '2007-02-30',
      '',
      'not a date',
    ]) {
      expect(outcome(readEdtf, input), input).toEqual(outcome(edtf, input))
    }
  })

  it('answers values of the package’s own classes', () => {
    const value = readEdtf('2007-12/2009')
    expect(value.type).toBe('Interval')
    expect(value.constructor).toBe(edtf('2007/2008').constructor)
  })

  it('builds the grammar once, not on every read', () => {
    readEdtf('2001/2002')
    const build = vi.spyOn(nearley.Grammar, 'fromCompiled')
    try {
      for (const input of ['2007~', '../2010-05', '2001-21', 'not a date']) {
        try {
          readEdtf(input)
        } catch {
          // Refusals count too: they must not build the grammar either.
        }
      }
      expect(build).not.toHaveBeenCalled()
    } finally {
      build.mockRestore()
    }
  })
})

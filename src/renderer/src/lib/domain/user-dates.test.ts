import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { describeDate, parseDate } from './dates'
import { parseUserDate } from './user-dates'

function edtfOf(input: string): string {
  const result = parseUserDate(input)
  if (!result.ok) throw new Error(`expected “${input}” to be read, got: ${result.error}`)
  return result.edtf
}

function errorOf(input: string): string {
  const result = parseUserDate(input)
  if (result.ok) throw new Error(`expected “${input}” to be refused, got ${result.edtf}`)
  return result.error
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

describe('parseUserDate: EDTF', () => {
  it.each([
    '2007-12-12',
    '2022-07',
    '2009',
    '2018~',
    '2018?',
    '2018%',
    '[..2009-12]',
    '[2011..]',
    '2018/2019',
    '2018-03/2019-06',
    '[2018,2019]',
    '199X',
    '2018-21',
    '-0044',
  ])('keeps %s as it is', (edtf) => {
    expect(parseUserDate(edtf)).toEqual({
      ok: true,
      edtf,
      words: describeDate({ edtf, note: '' }),
    })
  })

  it('passes on EDTF’s own complaint for input written in EDTF syntax', () => {
    expect(errorOf('2019/2018')).toMatch(/must end after it starts/)
    expect(errorOf('[..2009-13]')).toMatch(/not a valid EDTF date/)
  })
})

describe('parseUserDate: plain English', () => {
  it.each([
    // Days, months and years.
    ['12 December 2007', '2007-12-12'],
    ['December 12, 2007', '2007-12-12'],
    ['December 12 2007', '2007-12-12'],
    ['12 Dec 2007', '2007-12-12'],
    ['Dec 12, 2007', '2007-12-12'],
    ['Dec. 12, 2007', '2007-12-12'],
    ['12th of December, 2007', '2007-12-12'],
    ['1st Jan 2000', '2000-01-01'],
    ['Jan 1st, 2000', '2000-01-01'],
    ['on 12 December 2007', '2007-12-12'],
    ['Wednesday, 12 December 2007', '2007-12-12'],
    ['29 February 2020', '2020-02-29'],
    ['Dec 2009', '2009-12'],
    ['December 2009', '2009-12'],
    ['December, 2009', '2009-12'],
    ['Sept 2009', '2009-09'],
    ['sep 2009', '2009-09'],
    ['may 2018', '2018-05'],
    ['2009', '2009'],
    ['in 2009', '2009'],
    // Approximate and uncertain.
    ['circa 2018', '2018~'],
    ['c. 2018', '2018~'],
    ['c.2018', '2018~'],
    ['ca. 2018', '2018~'],
    ['about 2018', '2018~'],
    ['approximately 2018', '2018~'],
    ['around March 2018', '2018-03~'],
    ['circa 12 December 2007', '2007-12-12~'],
    ['possibly 2018', '2018?'],
    ['perhaps March 2018', '2018-03?'],
    ['March 2018?', '2018-03?'],
    ['possibly circa 2018', '2018%'],
    // One of several.
    ['2018 or 2019', '[2018,2019]'],
    ['either 2018 or 2019', '[2018,2019]'],
    ['2018, 2019 or 2021', '[2018,2019,2021]'],
    ['March or April 2018', '[2018-03,2018-04]'],
    // Ranges.
    ['between 2018 and 2019', '2018/2019'],
    ['between March 2018 and June 2019', '2018-03/2019-06'],
    ['from 2018 to 2019', '2018/2019'],
    ['from March 2018 until June 2018', '2018-03/2018-06'],
    ['2018 to 2019', '2018/2019'],
    ['2018 – 2019', '2018/2019'],
    ['March to June 2019', '2019-03/2019-06'],
    ['between 12 and 15 March 2018', '2018-03-12/2018-03-15'],
    ['between 28 February and 3 March 2020', '2020-02-28/2020-03-03'],
    ['between circa 2018 and 2019', '2018~/2019'],
    ['between the 1980s and the 1990s', '1980/1999'],
    // Open ranges: "before" leaves out the date named; "on or before" keeps it.
    ['before March 2023', '[..2023-02]'],
    ['before January 2023', '[..2022-12]'],
    ['before 2010', '[..2009]'],
    ['before 12 December 2007', '[..2007-12-11]'],
    ['before 1 March 2020', '[..2020-02-29]'],
    ['on or before March 2023', '[..2023-03]'],
    ['by March 2023', '[..2023-03]'],
    ['no later than 2010', '[..2010]'],
    ['after 2010', '[2011..]'],
    ['after December 2009', '[2010-01..]'],
    ['after 31 December 2009', '[2010-01-01..]'],
    ['on or after 2010', '[2010..]'],
    ['since 2010', '[2010..]'],
    ['from March 2018', '[2018-03..]'],
    ['not before 2010', '[2010..]'],
    // Decades and fixed parts of a year.
    ['the 1990s', '199X'],
    ['1990s', '199X'],
    ['the 1990’s', '199X'],
    ['circa the 1990s', '199~'],
    ['before the 1990s', '[..1989]'],
    ['after the 1990s', '[2000..]'],
    ['since the 1990s', '[1990..]'],
    ['first half of 2018', '2018-40'],
    ['second half of 2018', '2018-41'],
    ['the first quarter of 2018', '2018-33'],
    ['last quarter of 2018', '2018-36'],
    ['Q3 2018', '2018-35'],
    ['before Q2 2018', '[..2018-03]'],
    ['after the first half of 2018', '[2018-07..]'],
  ])('%s → %s', (input, edtf) => {
    expect(edtfOf(input)).toBe(edtf)
  })

  it('is case-insensitive and tolerant of spaces and trailing dots', () => {
    for (const input of [
      '  DECEMBER   2009 . ',
      'december 2009.',
      'December 2009...',
      'DEC 2009',
    ]) {
      expect(edtfOf(input)).toBe('2009-12')
    }
    expect(edtfOf('Circa   2018.')).toBe('2018~')
    expect(edtfOf('BETWEEN 2018 AND 2019')).toBe('2018/2019')
  })

  it('says back in words what it understood', () => {
    expect(parseUserDate('before March 2023')).toEqual({
      ok: true,
      edtf: '[..2023-02]',
      words: 'on or before February 2023',
    })
    expect(parseUserDate('December 12, 2007')).toEqual({
      ok: true,
      edtf: '2007-12-12',
      words: '12 December 2007',
    })
    const result = parseUserDate('about 2018')
    expect(result.ok && result.words).toBe('circa 2018')
  })

  it('places the fixed parts of a year where EDTF says', () => {
    const q2 = parseDate(edtfOf('second quarter of 2018'))
    expect(new Date(q2.start).toISOString()).toBe('2018-04-01T00:00:00.000Z')
    expect(new Date(q2.end).toISOString()).toBe('2018-06-30T23:59:59.999Z')
  })

  it('gives every result as EDTF that dates.ts reads', () => {
    const inputs = ['12 December 2007', 'circa the 1990s', 'before Q2 2018', 'March or April 2018']
    for (const input of inputs) expect(() => parseDate(edtfOf(input))).not.toThrow()
  })
})

describe('parseUserDate: refusals', () => {
  it('refuses an empty input', () => {
    expect(errorOf('')).toMatch(/Type a date/)
    expect(errorOf('   ')).toMatch(/Type a date/)
    expect(errorOf(' . ')).toMatch(/Type a date/)
  })

  it('refuses dates relative to an unknown day', () => {
    expect(errorOf('next Tuesday')).toMatch(/“next” depends on a day that is not known/)
    expect(errorOf('yesterday')).toMatch(/“yesterday” depends on a day/)
    expect(errorOf('Tuesday')).toMatch(/depends on a day/)
    expect(errorOf('last year')).toMatch(/“last”/)
  })

  it('refuses days and months that do not exist, naming them', () => {
    expect(errorOf('Dec 32 2009')).toBe('Could not read “Dec 32 2009”: December has no day 32.')
    expect(errorOf('32 December 2009')).toMatch(/December has no day 32/)
    expect(errorOf('29 February 2019')).toMatch(/February 2019 has no day 29/)
    expect(errorOf('between 29 February and 3 March 2019')).toMatch(/February 2019 has no day 29/)
    expect(errorOf('2018-02-30')).toMatch(/February has no day 30/)
    expect(errorOf('2018-13')).toBe(
      'Could not read “2018-13”: there is no month 13; months run from 01 to 12.',
    )
    expect(errorOf('2018-00')).toMatch(/no month 00/)
  })

  it('refuses a weekday that does not match the date', () => {
    expect(errorOf('Tuesday, 12 December 2007')).toBe(
      '12 December 2007 was a Wednesday, not a Tuesday: check the date.',
    )
  })

  it('refuses ambiguous numeric dates, suggesting both readings', () => {
    const error = errorOf('03/04/2018')
    expect(error).toMatch(/ambiguous/)
    expect(error).toContain('3 April 2018')
    expect(error).toContain('2018-04-03')
    expect(error).toContain('4 March 2018')
    expect(errorOf('3.4.2018')).toMatch(/ambiguous/)
    expect(errorOf('03-04-2018')).toMatch(/ambiguous/)
    // Only one reading fits, but the order is still a convention, so it is not taken either.
    expect(errorOf('13/04/2018')).toMatch(/‘13 April 2018’ \(2018-04-13\)/)
    expect(errorOf('3/4/18')).toMatch(/two digits/)
    expect(errorOf('2018/03/04')).toMatch(/2018-03-04/)
    expect(errorOf('03/2018')).toMatch(/March 2018.*2018-03/)
  })

  it('refuses what EDTF cannot hold, saying what to write instead', () => {
    expect(errorOf('early 2018')).toMatch(/first half of 2018/)
    expect(errorOf('mid-2018')).toMatch(/“mid”/)
    expect(errorOf('late 2018')).toMatch(/“late”/)
    // Seasons name different months in each hemisphere: typed as EDTF they are taken as meant.
    expect(errorOf('spring 2018')).toMatch(/2018-21/)
    expect(errorOf('winter 2018')).toMatch(/hemisphere/)
    expect(errorOf('before circa 2018')).toMatch(/approximate or uncertain/)
    expect(errorOf('from circa 2018')).toMatch(/“from” a date that is itself approximate/)
    expect(errorOf('circa 2018 or 2019')).toMatch(/no EDTF form/)
  })

  it('refuses ranges that end before they start', () => {
    expect(errorOf('between 2019 and 2018')).toMatch(/ends before it starts/)
    expect(errorOf('between December and February 2019')).toMatch(/write both years/)
  })

  it('refuses dates without a year and years without four digits', () => {
    expect(errorOf('December')).toMatch(/has no year.*December 2009/)
    expect(errorOf('12 December')).toMatch(/has no year.*12 December 2009/)
    expect(errorOf('Dec 09')).toMatch(/has no year/)
    expect(errorOf('12')).toMatch(/four digits/)
    expect(errorOf('201')).toMatch(/four digits/)
    expect(errorOf('in 900')).toMatch(/four digits/)
    expect(errorOf('1995s')).toMatch(/not a decade/)
  })

  it('names the part it could not read', () => {
    expect(errorOf('hello')).toMatch(/Could not read “hello”/)
    expect(errorOf('2018 2019')).toMatch(/Could not read “2019”/)
    expect(errorOf('12 December 2007 at noon')).toMatch(/Could not read “at”/)
    expect(errorOf('between 2018')).toMatch(/ends too soon/)
  })
})

describe('parseUserDate: properties', () => {
  const day = fc
    .date({
      min: new Date(Date.UTC(1900, 0, 1)),
      max: new Date(Date.UTC(2100, 11, 31, 23, 59, 59)),
      noInvalidDate: true,
    })
    .map((d) => ({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }))
  const iso = (d: { year: number; month: number; day: number }): string =>
    `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`

  it('reads any day written as D Month YYYY as YYYY-MM-DD', () => {
    fc.assert(
      fc.property(day, (d) => {
        expect(edtfOf(`${d.day} ${MONTHS[d.month - 1]} ${d.year}`)).toBe(iso(d))
      }),
    )
  })

  it('reads the same day written as Month D, YYYY or with a short month', () => {
    fc.assert(
      fc.property(day, (d) => {
        const month = MONTHS[d.month - 1] ?? ''
        expect(edtfOf(`${month} ${d.day}, ${d.year}`)).toBe(iso(d))
        expect(edtfOf(`${d.day} ${month.slice(0, 3).toUpperCase()} ${d.year}`)).toBe(iso(d))
      }),
    )
  })

  it('never throws, and every date it accepts is EDTF that dates.ts reads', () => {
    const words = fc.constantFrom(
      'circa',
      'before',
      'after',
      'between',
      'and',
      'or',
      'the',
      'March',
      'Dec',
      '12',
      '31',
      '2018',
      '1990s',
      '?',
      ',',
      '-',
      'to',
      'first',
      'half',
      'of',
      'on',
    )
    fc.assert(
      fc.property(fc.array(words, { maxLength: 7 }), (parts) => {
        const result = parseUserDate(parts.join(' '))
        if (result.ok) expect(() => parseDate(result.edtf)).not.toThrow()
        else expect(result.error.length).toBeGreaterThan(0)
      }),
    )
  })
})

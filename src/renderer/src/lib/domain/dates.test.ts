import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import edtf from 'edtf'
import {
  compareByDate,
  DateError,
  describeDate,
  formatDay,
  isValidEdtf,
  parseDate,
  sortByDate,
  sortByDatePaced,
  sortKey,
  timelineSpan,
} from './dates'

const words = (edtf: string | null): string => describeDate({ edtf, note: 'test' })
const utc = Date.UTC

describe('describeDate', () => {
  it.each([
    ['2007-12-12', '12 December 2007'],
    ['2022-07', 'July 2022'],
    ['2008', '2008'],
    ['[..2009-12]', 'on or before December 2009'],
    ['2023-03-28/..', 'on or after 28 March 2023'],
    ['../2023-03', 'on or before March 2023'],
    ['2018~', 'circa 2018'],
    ['2018?', '2018 (uncertain)'],
    ['2018%', 'circa 2018 (uncertain)'],
    ['[2018,2019]', '2018 or 2019'],
    ['{2018,2019}', '2018 and 2019'],
    ['2018/2019', 'between 2018 and 2019'],
    ['2018-03/2019-06', 'between March 2018 and June 2019'],
    ['2009-12-10/2009-12-31', 'between 10 and 31 December 2009'],
    ['2009-11-10/2009-12-31', 'between 10 November 2009 and 31 December 2009'],
    ['2004-06-11~', 'circa 11 June 2004'],
    ['2004-06-11?', '11 June 2004 (uncertain)'],
    ['2004-06~', 'circa June 2004'],
    ['2004?-06-11', '11 June 2004 (year uncertain)'],
    ['2004-?06-11', '11 June 2004 (month uncertain)'],
    ['2004-06~-11', '11 June 2004 (year and month approximate)'],
    ['%2004-06-11', '11 June 2004 (year approximate and uncertain)'],
    ['2018~/2019-06?', 'between circa 2018 and June 2019 (uncertain)'],
    ['[2018,2019,2021]', '2018, 2019 or 2021'],
    ['[2018..2020]', 'a year from 2018 to 2020'],
    ['{2018-01..2018-03,2018-06}', 'every month from January 2018 to March 2018 and June 2018'],
    ['[..2009-12,2011]', 'on or before December 2009 or 2011'],
    ['[2018..]', 'on or after 2018'],
    ['2018/', 'from 2018 (end unknown)'],
    ['/2018', 'up to 2018 (start unknown)'],
    ['2018-21', 'Spring 2018'],
    ['2018-26', 'Summer 2018 (Northern Hemisphere)'],
    ['2018-33', 'first quarter of 2018'],
    ['2018-41', 'second half of 2018'],
    ['2018-XX', 'a month in 2018'],
    ['2018-06-XX', 'a day in June 2018'],
    ['201X', 'a year between 2010 and 2019'],
    ['19XX', 'a year between 1900 and 1999'],
    ['201', 'the 2010s'],
    ['-0044', '45 BC'],
    ['0000', '1 BC'],
  ])('%s → %s', (edtf, expected) => {
    expect(words(edtf)).toBe(expected)
  })

  it('says Undated for no date', () => {
    expect(words(null)).toBe('Undated')
  })

  it('falls back to the EDTF string where it has no faithful wording', () => {
    for (const edtf of ['2004-06-11T10:00:00Z', '1950S2', '{..2018}', 'X9XX', 'not a date']) {
      expect(words(edtf)).toBe(edtf)
    }
  })

  it('never claims more precision than the string has', () => {
    expect(words('2009-12')).not.toMatch(/\d+ December/)
    expect(words('2009')).not.toMatch(/[A-Z][a-z]+ 2009/)
  })
})

describe('parseDate', () => {
  it('gives the span, kind and flags of a date', () => {
    expect(parseDate('2007-12-12')).toEqual({
      edtf: '2007-12-12',
      start: utc(2007, 11, 12),
      end: utc(2007, 11, 13) - 1,
      kind: 'day',
      exactDay: true,
      approximate: false,
      uncertain: false,
      openStart: false,
      openEnd: false,
    })
    expect(parseDate('2022-07')).toMatchObject({
      kind: 'month',
      start: utc(2022, 6, 1),
      end: utc(2022, 7, 1) - 1,
      exactDay: false,
    })
    expect(parseDate('2008')).toMatchObject({ kind: 'year', end: utc(2009, 0, 1) - 1 })
    expect(parseDate('2018-21')).toMatchObject({ kind: 'season' })
    expect(parseDate('2018/2019')).toMatchObject({ kind: 'interval' })
    expect(parseDate('[2018,2019]')).toMatchObject({ kind: 'one-of' })
    expect(parseDate('{2018,2019}')).toMatchObject({ kind: 'all-of' })
    expect(parseDate('201')).toMatchObject({ kind: 'other' })
  })

  it('marks qualified days as not exact', () => {
    expect(parseDate('2004-06-11~')).toMatchObject({ exactDay: false, approximate: true })
    expect(parseDate('2004-06-11?')).toMatchObject({ exactDay: false, uncertain: true })
    expect(parseDate('2004-?06-11')).toMatchObject({ exactDay: false, uncertain: true })
    expect(parseDate('2018~/2019')).toMatchObject({ approximate: true, uncertain: false })
  })

  it('gives open ends as infinities', () => {
    expect(parseDate('[..2009-12]')).toMatchObject({
      start: -Infinity,
      end: utc(2010, 0, 1) - 1,
      openStart: true,
      openEnd: false,
    })
    expect(parseDate('2023-03-28/..')).toMatchObject({
      start: utc(2023, 2, 28),
      end: Infinity,
      openStart: false,
      openEnd: true,
    })
    expect(parseDate('/2018')).toMatchObject({ openStart: true, start: -Infinity })
  })

  it('takes set bounds over all members, in any order', () => {
    expect(parseDate('[2019,2018]')).toMatchObject({
      start: utc(2018, 0, 1),
      end: utc(2020, 0, 1) - 1,
    })
    expect(parseDate('[2018..2020]')).toMatchObject({ end: utc(2021, 0, 1) - 1 })
  })

  it.each([
    ['', /empty/],
    ['2018-13', /“2018-13” is not a valid EDTF date: unexpected "3" at character 7/],
    ['2018-02-30', /not a valid EDTF date/],
    ['foo', /not a valid EDTF date: unexpected "f" at character 1/],
    ['2019/2018', /must end after it starts/],
    ['2018 ', /not a valid EDTF date/],
    ['20180101', /write days as YYYY-MM-DD/],
    ['Y170000002', /outside the range/],
  ])('rejects %j with a clear DateError', (input, message) => {
    expect(() => parseDate(input)).toThrow(DateError)
    expect(() => parseDate(input)).toThrow(message)
    expect(isValidEdtf(input)).toBe(false)
  })

  it('keeps error messages short', () => {
    try {
      parseDate('2018-13')
    } catch (error) {
      expect((error as Error).message.length).toBeLessThan(120)
      expect((error as Error).message).not.toContain('\n')
    }
  })

  it('accepts what EDTF accepts', () => {
    for (const s of ['2018', '2018-21', '[..2009-12]', '2023-03-28/..', '{2018,2019}', '201X']) {
      expect(isValidEdtf(s)).toBe(true)
    }
  })
})

describe('sortKey and compareByDate', () => {
  it('sorts by the earliest possible date; an open start by its known bound', () => {
    expect(sortKey('2008')).toBe(utc(2008, 0, 1))
    expect(sortKey('2023-03-28/..')).toBe(utc(2023, 2, 28))
    expect(sortKey('[..2009-12]')).toBe(utc(2010, 0, 1) - 1)
    expect(sortKey('../2009')).toBe(utc(2010, 0, 1) - 1)
    expect(sortKey('[..2009-12,2011]')).toBe(utc(2010, 0, 1) - 1)
    expect(sortKey(null)).toBe(Infinity)
    expect(sortKey('garbage')).toBe(Infinity)
  })

  const event = (title: string, edtf: string | null) => ({ title, date: { edtf, note: 'n' } })

  it('orders events by date, then span end, then title, undated last', () => {
    const events = [
      event('Undated B', null),
      event('Task force', '[..2009-12]'),
      event('Concert', '2009-12-12'),
      event('Year 2009', '2009'),
      event('December', '2009-12'),
      event('Press conference', '2009-12-10'),
      event('Undated A', null),
      event('Law', '2008'),
      event('Code', '2010'),
      event('Also 2008', '2008'),
      event('Around 2008', '2008/2009'),
    ]
    expect(events.sort(compareByDate).map((e) => e.title)).toEqual([
      'Also 2008',
      'Law',
      'Around 2008',
      'Year 2009',
      'December',
      'Press conference',
      'Concert',
      'Task force',
      'Code',
      'Undated A',
      'Undated B',
    ])
  })

  it("sortByDate gives compareByDate's order, leaving its input as it was", () => {
    const edtf = fc.oneof(
      fc.constant(null),
      fc.constantFrom('2008', '2009-12', '2009-12-10', '[..2009-12]', '2008/2009', '2010~', 'bad'),
    )
    fc.assert(
      fc.property(fc.array(fc.record({ title: fc.string(), edtf }), { maxLength: 40 }), (rows) => {
        const events = rows.map((r) => event(r.title, r.edtf))
        const copy = [...events]
        expect(sortByDate(events)).toEqual([...events].sort(compareByDate))
        expect(events).toEqual(copy)
      }),
    )
  })

  it('sortByDatePaced gives the same order in slices', async () => {
    const edtf = fc.constantFrom(null, '2008', '2009-12', '../2009', '2008/2009', '2010~')
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ title: fc.string(), edtf })), async (rows) => {
        const events = rows.map((r) => event(r.title, r.edtf))
        let calls = 0
        const pacer = { due: () => ++calls % 5 === 0, pause: () => Promise.resolve() }
        expect(await sortByDatePaced(events, pacer)).toEqual(sortByDate(events))
        // Already sorted (as the table gets its events), the same order again, as a new list.
        const sorted = sortByDate(events)
        const again = await sortByDatePaced(sorted, pacer)
        expect(again).toEqual(sorted)
        expect(again).not.toBe(sorted)
      }),
    )
  })
})

describe('timelineSpan', () => {
  const bounds = { start: utc(2000, 0, 1), end: utc(2024, 0, 1) - 1 }

  it('clamps open ends to the bounds', () => {
    expect(timelineSpan('[..2009-12]', bounds)).toEqual({
      start: bounds.start,
      end: utc(2010, 0, 1) - 1,
      clippedStart: true,
      clippedEnd: false,
    })
    expect(timelineSpan('2023-03-28/..', bounds)).toEqual({
      start: utc(2023, 2, 28),
      end: bounds.end,
      clippedStart: false,
      clippedEnd: true,
    })
    expect(timelineSpan('../..', bounds)).toEqual({
      ...bounds,
      clippedStart: true,
      clippedEnd: true,
    })
  })

  it('leaves closed spans alone', () => {
    expect(timelineSpan('2008', bounds)).toEqual({
      start: utc(2008, 0, 1),
      end: utc(2009, 0, 1) - 1,
      clippedStart: false,
      clippedEnd: false,
    })
  })

  it('never draws an open span backwards', () => {
    const span = timelineSpan('../1990', bounds)
    expect(span.start).toBeLessThanOrEqual(span.end)
    expect(span.end).toBe(utc(1991, 0, 1) - 1)
  })

  it('throws DateError for what is not EDTF', () => {
    expect(() => timelineSpan('nope', bounds)).toThrow(DateError)
  })
})

describe('formatDay', () => {
  it('writes a UTC day in words', () => {
    expect(formatDay(utc(2026, 10, 23, 23, 59))).toBe('23 November 2026')
  })
})

describe('plain dates read without the parser', () => {
  it('give the same span as the EDTF parser for any year, month or day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        fc.integer({ min: 1, max: 3 }),
        (year, month, day, precision) => {
          const text = [String(year), String(month).padStart(2, '0'), String(day).padStart(2, '0')]
            .slice(0, precision)
            .join('-')
          let expected: { min: number | null; max: number | null } | null
          try {
            expected = edtf(text)
          } catch {
            expected = null
          }
          if (expected === null) {
            expect(isValidEdtf(text)).toBe(false)
            return
          }
          const span = parseDate(text)
          expect([span.start, span.end]).toEqual([expected.min, expected.max])
          expect(sortKey(text)).toBe(expected.min)
        },
      ),
    )
  })

  it('are put in words as before', () => {
    expect(describeDate({ edtf: '2007-12-12', note: 'test' })).toBe('12 December 2007')
    expect(describeDate({ edtf: '2009-12', note: 'test' })).toBe('December 2009')
    expect(describeDate({ edtf: '2018', note: 'test' })).toBe('2018')
    expect(parseDate('2007-12-12').exactDay).toBe(true)
    expect(parseDate('2009-12').kind).toBe('month')
  })
})

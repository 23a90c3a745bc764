import { describe, expect, it } from 'vitest'
import type { Dating } from '$shared/corpus'
import { extractFigures, findConflicts, type ConflictEvent } from './conflicts'

describe('extractFigures', () => {
  it('reads numbers with what they count', () => {
    expect(
      extractFigures(
        'She said 2021 saw 359 cases of human trafficking; Cambodia rescued 1,577 victims and helped repatriate 986 people.',
      ),
    ).toEqual([
      { value: 359, counts: 'cases', words: '359 cases' },
      { value: 1577, counts: 'victims', words: '1,577 victims' },
      { value: 986, counts: 'people', words: '986 people' },
    ])
  })

  it('takes describing words and scales, and skips years and bare numbers', () => {
    expect(extractFigures('rescued a total of 680 trafficked people')).toEqual([
      { value: 680, counts: 'people', words: '680 trafficked people' },
    ])
    expect(extractFigures('some 2 million children')).toEqual([
      { value: 2_000_000, counts: 'children', words: '2 million children' },
    ])
    expect(extractFigures('In 2008 the law passed; 204 per month; on 12 press statement')).toEqual(
      [],
    )
  })
})

const quote = (id: string, exact: string, stance: 'supports' | 'contradicts' = 'supports') => ({
  id,
  articleId: id.startsWith('b') ? 'b' : 'a',
  stance,
  quote: { exact, prefix: '', suffix: '' },
})

function event(id: string, evidence: ConflictEvent['evidence'], edtf: string | null = '2021') {
  return { id, title: id, date: { edtf, note: '' }, category: 'enforcement' as const, evidence }
}

const undated = (): Dating | null => null

describe('findConflicts', () => {
  it('lists an event with quotes for and against, the contradicting side flagged', () => {
    const [c] = findConflicts(
      [event('e', [quote('a1', 'it happened'), quote('b1', 'it did not', 'contradicts')])],
      undated,
    )
    expect(c).toMatchObject({ id: 'support:e', kind: 'support' })
    expect(c!.sides.map((s) => [s.id, s.says, s.differs])).toEqual([
      ['a1', 'supports', false],
      ['b1', 'contradicts', true],
    ])
  })

  it('lists an event whose quotes give different dates', () => {
    const conflicts = findConflicts(
      [
        event('e', [
          quote('a1', 'signed in 2008'),
          quote('b1', 'signed in 2009'),
          quote('a2', 'in 2008'),
        ]),
      ],
      undated,
    )
    expect(conflicts.map((c) => c.id)).toEqual(['dates:e'])
    expect(conflicts[0]!.sides.map((s) => s.differs)).toEqual([false, true, false])
  })

  it('groups figures of one event and of events in the same year and category', () => {
    const conflicts = findConflicts(
      [
        event('x', [quote('a1', 'police opened 359 cases')]),
        event('y', [quote('b1', 'there were 338 cases and 12 victims')]),
        event('z', [quote('b2', 'there were 40 cases')], '2019'),
      ],
      undated,
    )
    expect(conflicts.map((c) => [c.id, c.summary])).toEqual([
      ['figures:2021:enforcement:cases', 'Values: 359, 338'],
    ])
  })

  it('does not call two numbers in one quote a disagreement', () => {
    expect(
      findConflicts([event('x', [quote('a1', '359 cases, double the 155 cases before')])], undated),
    ).toEqual([])
  })
})

import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { CATEGORIES } from '$shared/corpus'
import { compareByDate, sortByDate } from './dates'
import type { AppEvent } from './events'
import { GradeBook, gradeId } from './grading'
import { COMPARE_ROWS, tableOrder, tableRow, type TableColumn, type TableRow } from './table-order'

const COLUMNS: TableColumn[] = [
  'date',
  'title',
  'category',
  'sources',
  'stance',
  'support',
  'notes',
]

function event(
  i: number,
  edtf: string | null,
  title: string,
  quotes: [string, string][],
): AppEvent {
  return {
    id: `e${i}`,
    origin: 'user',
    title,
    summary: '',
    date: { edtf, note: 'n' },
    category: CATEGORIES[i % CATEGORIES.length]!.id,
    people: [],
    organisations: [],
    tags: [],
    evidence: quotes.map(([articleId, stance], n) => ({
      id: `e${i}#${n}`,
      origin: 'user',
      articleId,
      stance: stance as 'supports' | 'contradicts',
      quote: { type: 'TextQuoteSelector' as const, exact: 'q', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector' as const, start: 0, end: 1 },
    })),
  }
}

/** The table's order as it was worked out before: every row's facts, one sort of them all. */
function wholeSort(
  events: AppEvent[],
  column: TableColumn,
  ascending: boolean,
  grades: GradeBook,
  notes: Map<string, number>,
): string[] {
  const rows = events.map((e) => tableRow(e, grades, notes))
  const compare = (a: TableRow, b: TableRow) =>
    column === 'date' ? compareByDate(a.event, b.event) : COMPARE_ROWS[column](a, b)
  const sorted = [...rows].sort((a, b) => compare(a, b) || compareByDate(a.event, b.event))
  return (ascending ? sorted : sorted.reverse()).map((r) => r.event.id)
}

const input = fc.array(
  fc.record({
    edtf: fc.constantFrom(null, '2008', '2009-12', '2009-12-01', '../2009', '2008/2009', '2010~'),
    title: fc.constantFrom('Alpha', 'beta', 'Gamma', 'alpha', ''),
    quotes: fc.array(
      fc.tuple(fc.constantFrom('a1', 'a2', 'a3'), fc.constantFrom('supports', 'contradicts')),
      { maxLength: 3 },
    ),
    notes: fc.nat(3),
  }),
  { maxLength: 40 },
)

describe('tableOrder', () => {
  it('orders rows as sorting every row by the column, ties by date, did', () => {
    fc.assert(
      fc.property(input, fc.boolean(), fc.boolean(), (rows, ascending, presorted) => {
        let events = rows.map((r, i) => event(i, r.edtf, r.title, r.quotes))
        // The workspace hands the table events in date order; any order must still come out right.
        if (presorted) events = sortByDate(events)
        const notes = new Map(rows.map((r, i) => [`e${i}`, r.notes]))
        const grades = new GradeBook([
          {
            id: gradeId('article', 'a1'),
            kind: 'article',
            targetId: 'a1',
            grade: 'A',
            reason: '',
            updatedAt: 0,
          },
          {
            id: gradeId('article', 'a2'),
            kind: 'article',
            targetId: 'a2',
            grade: 'E',
            reason: '',
            updatedAt: 0,
          },
        ])
        for (const column of COLUMNS) {
          const order = tableOrder(events, column, ascending, grades, notes).map((e) => e.id)
          expect(order, column).toEqual(wholeSort(events, column, ascending, grades, notes))
        }
      }),
      { numRuns: 150 },
    )
  })

  it('does not change the list it is given', () => {
    const events = [event(0, '2010', 'b', []), event(1, '2008', 'a', [])]
    tableOrder(events, 'date', false, new GradeBook(), new Map())
    expect(events.map((e) => e.id)).toEqual(['e0', 'e1'])
  })
})

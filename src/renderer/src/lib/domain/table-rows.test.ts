import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { CATEGORIES, categoryLabel, type CategoryId } from '$shared/corpus'
import { compareByDate } from './dates'
import { sourcing, type AppEvent } from './events'
import { GradeBook, supportRank, supportSummary } from './grading'
import { UNPACED, type Pacer } from './pacing'
import { tableRows, type Column } from './table-rows'

const COLUMNS: Column[] = ['date', 'title', 'category', 'sources', 'stance', 'support', 'notes']

/** The table's order as it was worked out in one pass before it was sliced. */
function reference(
  events: AppEvent[],
  noteCounts: Map<string, number>,
  sortBy: Column,
  ascending: boolean,
): string[] {
  const grades = new GradeBook()
  const rows = events.map((e) => ({
    event: e,
    sourced: sourcing(e),
    support: supportSummary(e, grades),
    notes: noteCounts.get(e.id) ?? 0,
  }))
  type Row = (typeof rows)[0]
  const compare: Record<Column, (a: Row, b: Row) => number> = {
    date: (a, b) => compareByDate(a.event, b.event),
    title: (a, b) => a.event.title.localeCompare(b.event.title),
    category: (a, b) =>
      categoryLabel(a.event.category).localeCompare(categoryLabel(b.event.category)),
    sources: (a, b) => a.sourced.sources - b.sourced.sources,
    stance: (a, b) => Number(a.sourced.contradicted) - Number(b.sourced.contradicted),
    support: (a, b) => supportRank(a.support) - supportRank(b.support),
    notes: (a, b) => a.notes - b.notes,
  }
  const sorted = [...rows].sort((a, b) => compare[sortBy](a, b) || compareByDate(a.event, b.event))
  return (ascending ? sorted : sorted.reverse()).map((r) => r.event.id)
}

const event = fc
  .record({
    title: fc.constantFrom('Law', 'law', 'Day', 'Élan', 'Task force', 'Zeal', ''),
    edtf: fc.constantFrom(
      null,
      '2008',
      '2008-02',
      '2008-02-15',
      '2007~',
      '../2010-05',
      '2001/2003',
    ),
    category: fc.constantFrom(...CATEGORIES.map((c) => c.id as CategoryId)),
    quotes: fc.array(
      fc.record({
        articleId: fc.constantFrom('a1', 'a2', 'a3'),
        stance: fc.constantFrom('supports' as const, 'contradicts' as const),
      }),
      { maxLength: 3 },
    ),
    notes: fc.nat({ max: 3 }),
  })
  .map((r) => r)

function toEvents(
  drawn: {
    title: string
    edtf: string | null
    category: CategoryId
    quotes: { articleId: string; stance: 'supports' | 'contradicts' }[]
    notes: number
  }[],
): { events: AppEvent[]; noteCounts: Map<string, number> } {
  const noteCounts = new Map<string, number>()
  const events = drawn.map((d, i): AppEvent => {
    const id = `e${i}`
    if (d.notes) noteCounts.set(id, d.notes)
    return {
      id,
      origin: 'user',
      title: d.title,
      summary: '',
      date: { edtf: d.edtf, note: 'n' },
      category: d.category,
      people: [],
      organisations: [],
      tags: [],
      evidence: d.quotes.map((q, n) => ({
        id: `${id}#${n}`,
        origin: 'user',
        articleId: q.articleId,
        stance: q.stance,
        quote: { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' },
        position: { type: 'TextPositionSelector', start: 0, end: 1 },
      })),
    }
  })
  return { events, noteCounts }
}

/** A pacer that pauses at every chance, to show slicing changes nothing. */
const EVERY: Pacer = { due: () => true, pause: () => Promise.resolve() }

describe('tableRows', () => {
  it('orders rows by any column, either way, exactly as the one-pass sort did', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(event, { maxLength: 40 }),
        fc.constantFrom(...COLUMNS),
        fc.boolean(),
        fc.boolean(),
        async (drawn, sortBy, ascending, sliced) => {
          const { events, noteCounts } = toEvents(drawn)
          const rows = await tableRows(
            events,
            { grades: new GradeBook(), noteCounts },
            { sortBy, ascending },
            sliced ? EVERY : UNPACED,
          )
          expect(rows.map((r) => r.event.id)).toEqual(
            reference(events, noteCounts, sortBy, ascending),
          )
        },
      ),
      { numRuns: 300 },
    )
  })

  it('gives each row its sources, support and note count', async () => {
    const { events, noteCounts } = toEvents([
      {
        title: 'Law',
        edtf: '2008',
        category: 'law-policy',
        quotes: [
          { articleId: 'a1', stance: 'supports' },
          { articleId: 'a2', stance: 'contradicts' },
        ],
        notes: 2,
      },
    ])
    const [row] = await tableRows(
      events,
      { grades: new GradeBook(), noteCounts },
      { sortBy: 'date', ascending: true },
      UNPACED,
    )
    expect(row?.sourced).toEqual({ sources: 2, quotes: 2, contradicted: true })
    expect(row?.notes).toBe(2)
    expect(row?.support.contradicted).toBe(true)
  })
})

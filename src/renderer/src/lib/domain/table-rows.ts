/**
 * The table's rows: each event with what its columns show, in the order the user chose. At
 * 100,000 events this froze the window for half a second in one pass, so it takes a pacer.
 * Any column sorts with date order breaking its ties, as the table always has.
 */
import { categoryLabel } from '$shared/corpus'
import { sortByDatePaced } from './dates'
import { sourcing, type AppEvent, type Sourcing } from './events'
import { supportRank, supportSummary, type GradeBook, type SupportSummary } from './grading'
import { mapPaced, sortPaced, type Pacer } from './pacing'

export type Column = 'date' | 'title' | 'category' | 'sources' | 'stance' | 'support' | 'notes'

export interface TableRow {
  event: AppEvent
  sourced: Sourcing
  support: SupportSummary
  notes: number
}

export interface TableOrder {
  sortBy: Column
  ascending: boolean
}

/** As `a.localeCompare(b)` (the user's locale), without building a collator per comparison. */
const TEXT_ORDER = new Intl.Collator()

const COMPARE: Record<Exclude<Column, 'date'>, (a: TableRow, b: TableRow) => number> = {
  title: (a, b) => TEXT_ORDER.compare(a.event.title, b.event.title),
  category: (a, b) =>
    TEXT_ORDER.compare(categoryLabel(a.event.category), categoryLabel(b.event.category)),
  sources: (a, b) => a.sourced.sources - b.sourced.sources,
  stance: (a, b) => Number(a.sourced.contradicted) - Number(b.sourced.contradicted),
  support: (a, b) => supportRank(a.support) - supportRank(b.support),
  notes: (a, b) => a.notes - b.notes,
}

export async function tableRows(
  events: readonly AppEvent[],
  facts: { grades: GradeBook; noteCounts: ReadonlyMap<string, number> },
  order: TableOrder,
  pacer: Pacer,
): Promise<TableRow[]> {
  const byDate = await sortByDatePaced(events, pacer)
  const rows = await mapPaced(
    byDate,
    (event) => ({
      event,
      sourced: sourcing(event),
      support: supportSummary(event, facts.grades),
      notes: facts.noteCounts.get(event.id) ?? 0,
    }),
    pacer,
  )
  // sortPaced is stable: rows that tie on the column keep their date order.
  const sorted =
    order.sortBy === 'date' ? rows : await sortPaced(rows, COMPARE[order.sortBy], pacer)
  return order.ascending ? sorted : sorted.reverse()
}

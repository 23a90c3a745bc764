/**
 * The event table's rows: what each row shows beyond the event (sourcing, support, notes), and the
 * order of the rows for a column and direction. Sorting by date, the default, reads nothing but
 * the dates (the events usually arrive in date order already), so a row's other facts are worked
 * out only for the rows drawn; other columns need them for every event.
 */
import { categoryLabel } from '$shared/corpus'
import { compareByDate, sortByDate } from './dates'
import { sourcing, type AppEvent, type Sourcing } from './events'
import { supportRank, supportSummary, type GradeBook, type SupportSummary } from './grading'

export type TableColumn = 'date' | 'title' | 'category' | 'sources' | 'stance' | 'support' | 'notes'

export interface TableRow {
  event: AppEvent
  sourced: Sourcing
  support: SupportSummary
  notes: number
}

export function tableRow(
  event: AppEvent,
  grades: GradeBook,
  noteCounts: ReadonlyMap<string, number>,
): TableRow {
  return {
    event,
    sourced: sourcing(event),
    support: supportSummary(event, grades),
    notes: noteCounts.get(event.id) ?? 0,
  }
}

/** How two rows compare by each column but date (date is compareByDate on their events). */
export const COMPARE_ROWS: Record<
  Exclude<TableColumn, 'date'>,
  (a: TableRow, b: TableRow) => number
> = {
  title: (a, b) => a.event.title.localeCompare(b.event.title),
  category: (a, b) =>
    categoryLabel(a.event.category).localeCompare(categoryLabel(b.event.category)),
  sources: (a, b) => a.sourced.sources - b.sourced.sources,
  stance: (a, b) => Number(a.sourced.contradicted) - Number(b.sourced.contradicted),
  support: (a, b) => supportRank(a.support) - supportRank(b.support),
  notes: (a, b) => a.notes - b.notes,
}

function inDateOrder(events: readonly AppEvent[]): boolean {
  for (let i = 1; i < events.length; i++)
    if (compareByDate(events[i - 1]!, events[i]!) > 0) return false
  return true
}

/** The events in the table's order: by `column`, ties by date, then reversed if descending. */
export function tableOrder(
  events: readonly AppEvent[],
  column: TableColumn,
  ascending: boolean,
  grades: GradeBook,
  noteCounts: ReadonlyMap<string, number>,
): AppEvent[] {
  let sorted: AppEvent[]
  if (column === 'date') {
    // The workspace's events come in date order: one look along them, no sort.
    sorted = inDateOrder(events) ? [...events] : sortByDate(events)
  } else {
    const compare = COMPARE_ROWS[column]
    sorted = events
      .map((e) => tableRow(e, grades, noteCounts))
      .sort((a, b) => compare(a, b) || compareByDate(a.event, b.event))
      .map((row) => row.event)
  }
  return ascending ? sorted : sorted.reverse()
}

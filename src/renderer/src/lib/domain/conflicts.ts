/**
 * Where sources disagree: events with quotes for and against, events whose quotes give different
 * dates, and figures (numbers with what they count) that differ between quotes of one event or of
 * events in the same year and category. Each conflict has a stable key, so the user's "explained"
 * note stays with it. Pure: events and texts in, conflicts out.
 */

/** The user marked a conflict explained, with a note saying how. Keyed by the conflict's key. */
export interface ConflictNote {
  id: string
  note: string
  updatedAt: number
}

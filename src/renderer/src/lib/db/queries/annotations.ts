/** Read-only questions about what the user added: highlights, events, evidence, annotations. */
import * as v from 'valibot'
import { EntityEditSchema, type EntityEdit } from '$shared/entities'
import { db } from '../db'
import { byUpdatedAt, readPaged } from './paged'
import type { EventAnnotation, Highlight, UserEvent, UserEvidence } from '../../domain/types'

export interface UserLayer {
  highlights: Highlight[]
  userEvents: UserEvent[]
  evidence: UserEvidence[]
  annotations: EventAnnotation[]
  /** Entity edits in the order they were made; any that no longer parse are left out. */
  entityEdits: EntityEdit[]
}

export const EMPTY_LAYER: UserLayer = {
  highlights: [],
  userEvents: [],
  evidence: [],
  annotations: [],
  entityEdits: [],
}

/**
 * Everything the user added, read in one transaction so the parts agree with each other. The
 * tables are read side by side: while the window takes in one table's page, the store is already
 * reading the next table's.
 */
export function userLayer(): Promise<UserLayer> {
  return db.transaction(
    'r',
    [db.highlights, db.userEvents, db.evidence, db.eventAnnotations, db.entityEdits],
    async () => {
      const [highlights, userEvents, evidence, annotations, edits] = await Promise.all([
        readPaged(db.highlights),
        readPaged(db.userEvents),
        readPaged(db.evidence),
        readPaged(db.eventAnnotations),
        db.entityEdits.orderBy('createdAt').toArray(),
      ])
      return {
        highlights: byUpdatedAt(highlights),
        userEvents,
        evidence,
        annotations,
        entityEdits: edits.flatMap((record) => {
          const parsed = v.safeParse(EntityEditSchema, record.edit)
          return parsed.success ? [parsed.output] : []
        }),
      }
    },
  )
}

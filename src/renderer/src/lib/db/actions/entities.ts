/**
 * The user's changes to people and organisations: add, rename, alias, merge. Each is stored as an
 * edit laid over the bundled catalogue, checked first against the catalogue as it stands now.
 */
import type { Entity, EntityEdit } from '$shared/entities'
import { db } from '../db'
import { entityEditProblem } from '../../domain/entities'
import { command } from './command'
import { WriteError } from './errors'

const LABELS: Record<EntityEdit['type'], string> = {
  add: 'Add person or organisation',
  rename: 'Rename',
  alias: 'Add alias',
  merge: 'Merge',
}

export async function editEntities(
  current: readonly Entity[],
  edit: EntityEdit,
  now = Date.now(),
): Promise<void> {
  const problem = entityEditProblem(current, edit)
  if (problem) throw new WriteError('failed', problem)
  await command(LABELS[edit.type], ['entityEdits'], () =>
    db.entityEdits.add({ id: crypto.randomUUID(), createdAt: now, edit }),
  )
}

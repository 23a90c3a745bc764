/**
 * Writes for highlights, the user's own events, evidence with a stance, and tags and entity links
 * on any event. Curated events are never rewritten: what the user adds to them is stored beside.
 */
import type { Stance, TextPositionSelector, TextQuoteSelector } from '$shared/corpus'
import type { CategoryId, Dating } from '$shared/corpus'
import { db } from '../db'
import type { EventAnnotation, Highlight, UserEvent, UserEvidence } from '../../domain/types'
import { command } from './command'
import { WriteError } from './errors'

export interface Passage {
  articleId: string
  quote: TextQuoteSelector
  position: TextPositionSelector
}

const MAX_TEXT = 1_000_000

function checkText(text: string, what: string): string {
  if (text.length > MAX_TEXT)
    throw new WriteError('too-large', `This ${what} is over a million characters; split it up.`)
  return text
}

export async function addHighlight(
  passage: Passage,
  note: string,
  tags: string[],
  now = Date.now(),
): Promise<Highlight> {
  const highlight: Highlight = {
    id: crypto.randomUUID(),
    ...passage,
    note: checkText(note, 'note'),
    tags,
    createdAt: now,
    updatedAt: now,
  }
  await command('Add highlight', ['highlights'], () => db.highlights.add(highlight))
  return highlight
}

export async function updateHighlight(
  id: string,
  change: { note: string; tags: string[] },
  now = Date.now(),
): Promise<void> {
  checkText(change.note, 'note')
  await command('Edit highlight', ['highlights'], async () => {
    const changed = await db.highlights.update(id, { ...change, updatedAt: now })
    if (changed === 0) throw new WriteError('missing', 'This highlight no longer exists.')
  })
}

export async function deleteHighlight(id: string): Promise<void> {
  await command('Delete highlight', ['highlights'], () => db.highlights.delete(id))
}

export interface NewEvent {
  title: string
  summary: string
  date: Dating
  category: CategoryId
  people: string[]
  organisations: string[]
  tags: string[]
}

/** The stored fields of an event from what the form gave; refuses what cannot be saved. */
function eventFields(input: NewEvent): Omit<UserEvent, 'id' | 'createdAt' | 'updatedAt'> {
  if (input.title.trim() === '') throw new WriteError('empty', 'An event needs a title.')
  if (input.title.length > 300)
    throw new WriteError('too-large', 'Keep the title under 300 characters.')
  checkText(input.summary, 'summary')
  return {
    title: input.title.trim(),
    summary: input.summary.trim(),
    date: input.date,
    category: input.category,
    people: input.people,
    organisations: input.organisations,
  }
}

/** Creates the user's event, its first quote (supporting it) and its tags, in one step. */
export async function createEvent(
  input: NewEvent,
  firstQuote: Passage | null,
  now = Date.now(),
): Promise<UserEvent> {
  const event: UserEvent = {
    id: `user-${crypto.randomUUID()}`,
    ...eventFields(input),
    createdAt: now,
    updatedAt: now,
  }
  await command('Create event', ['userEvents', 'evidence', 'eventAnnotations'], async () => {
    await db.userEvents.add(event)
    if (firstQuote)
      await db.evidence.add({
        id: crypto.randomUUID(),
        eventId: event.id,
        ...firstQuote,
        stance: 'supports',
        createdAt: now,
      })
    if (input.tags.length)
      await db.eventAnnotations.put({
        eventId: event.id,
        tags: input.tags,
        people: [],
        organisations: [],
        updatedAt: now,
      })
  })
  return event
}

export async function updateUserEvent(
  id: string,
  input: NewEvent,
  now = Date.now(),
): Promise<void> {
  const fields = eventFields(input)
  await command('Edit event', ['userEvents', 'eventAnnotations'], async () => {
    const changed = await db.userEvents.update(id, { ...fields, updatedAt: now })
    if (changed === 0) throw new WriteError('missing', 'This event no longer exists.')
    await putAnnotation(id, { tags: input.tags }, now)
  })
}

/** Deletes one of the user's events with everything attached to it. */
export async function deleteUserEvent(id: string): Promise<void> {
  await command(
    'Delete event',
    ['userEvents', 'evidence', 'eventAnnotations', 'notes'],
    async () => {
      await db.userEvents.delete(id)
      await db.evidence.where('eventId').equals(id).delete()
      await db.notes.where('eventId').equals(id).delete()
      await db.eventAnnotations.delete(id)
    },
  )
}

export async function addEvidence(
  eventId: string,
  passage: Passage,
  stance: Stance,
  now = Date.now(),
): Promise<UserEvidence> {
  const evidence: UserEvidence = {
    id: crypto.randomUUID(),
    eventId,
    ...passage,
    stance,
    createdAt: now,
  }
  const label = stance === 'supports' ? 'Add supporting quote' : 'Add contradicting quote'
  await command(label, ['evidence'], () => db.evidence.add(evidence))
  return evidence
}

export async function setEvidenceStance(id: string, stance: Stance): Promise<void> {
  await command('Change stance', ['evidence'], async () => {
    const changed = await db.evidence.update(id, { stance })
    if (changed === 0) throw new WriteError('missing', 'This quote no longer exists.')
  })
}

export async function removeEvidence(id: string): Promise<void> {
  await command('Remove quote', ['evidence'], () => db.evidence.delete(id))
}

async function putAnnotation(
  eventId: string,
  change: Partial<Pick<EventAnnotation, 'tags' | 'people' | 'organisations'>>,
  now: number,
): Promise<void> {
  const current = await db.eventAnnotations.get(eventId)
  await db.eventAnnotations.put({
    eventId,
    tags: current?.tags ?? [],
    people: current?.people ?? [],
    organisations: current?.organisations ?? [],
    ...change,
    updatedAt: now,
  })
}

/** Tags and extra people/organisations on any event, curated ones included. */
export async function annotateEvent(
  eventId: string,
  change: Partial<Pick<EventAnnotation, 'tags' | 'people' | 'organisations'>>,
  now = Date.now(),
): Promise<void> {
  await command('Edit tags and links', ['eventAnnotations'], () =>
    putAnnotation(eventId, change, now),
  )
}

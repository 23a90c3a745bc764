/**
 * The people and organisations the articles name, as a catalogue with the valibot schemas that
 * check it wherever it enters the app (the bundled resources/corpus/entities.json, and the user's
 * entity edits read back from storage). Pure: no I/O.
 */
import * as v from 'valibot'

const Id = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'ids are lowercase slugs'))

/** A name as it is spelled in the text: matched exactly, so stray outer spaces would never match. */
const Name = v.pipe(
  v.string(),
  v.minLength(1, 'a name cannot be empty'),
  v.maxLength(200),
  v.check((s) => s.trim() === s, 'a name cannot start or end with spaces'),
)

export const EntityKindSchema = v.picklist(['person', 'organisation'])

export const EntitySchema = v.strictObject({
  id: Id,
  kind: EntityKindSchema,
  /** The canonical name: as the text spells it, or a descriptive label the description owns to. */
  name: Name,
  /** Other exact spellings of the name in the text; matched case-sensitively as whole words. */
  aliases: v.pipe(v.array(Name), v.maxLength(200)),
  /** The role as the articles state it, saying which article says so. */
  description: v.pipe(v.string(), v.maxLength(2000)),
  /**
   * Ids of entities the user merged into this one, so links to them still resolve. Absent in the
   * bundled catalogue; written only by applying merge edits.
   */
  mergedIds: v.optional(v.array(Id)),
})

export const EntityCatalogueSchema = v.strictObject({
  formatVersion: v.literal(1),
  entities: v.array(EntitySchema),
})

/** One change the user made to the catalogue; the bundled file is never rewritten. */
export const EntityEditSchema = v.variant('type', [
  v.strictObject({ type: v.literal('rename'), id: Id, name: Name }),
  v.strictObject({ type: v.literal('add'), entity: EntitySchema }),
  v.strictObject({ type: v.literal('merge'), from: Id, into: Id }),
  v.strictObject({ type: v.literal('alias'), id: Id, alias: Name }),
])

export type EntityKind = v.InferOutput<typeof EntityKindSchema>
export type Entity = v.InferOutput<typeof EntitySchema>
export type EntityCatalogue = v.InferOutput<typeof EntityCatalogueSchema>
export type EntityEdit = v.InferOutput<typeof EntityEditSchema>

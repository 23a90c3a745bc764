/**
 * People and organisations: checking the bundled catalogue, finding where each is named in an
 * article body, resolving the plain names curated events carry, and laying the user's edits
 * (rename, add, alias, merge) over the bundled catalogue. Values in, values out.
 */
import * as v from 'valibot'
import type { TextPositionSelector, TextQuoteSelector } from '$shared/corpus'
import { EntityCatalogueSchema, EntityEditSchema } from '$shared/entities'
import type { Entity, EntityEdit, EntityKind } from '$shared/entities'
import { selectorsForRange } from './quotes'
import { issueLines } from './schema-issues'

export type { Entity, EntityEdit, EntityKind } from '$shared/entities'

export class EntityCatalogueError extends Error {
  override name = 'EntityCatalogueError'
  readonly problems: string[]

  constructor(problems: string[]) {
    super(
      `The entity catalogue has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n` +
        problems.map((p) => `- ${p}`).join('\n'),
    )
    this.problems = problems
  }
}

/** An edit that cannot be applied to the catalogue as it stands after the edits before it. */
export class EntityEditError extends Error {
  override name = 'EntityEditError'
  readonly index: number
  readonly edit: EntityEdit

  constructor(index: number, edit: EntityEdit, problem: string) {
    super(`Entity edit ${index + 1} (${String(edit?.type)}) was refused: ${problem}`)
    this.index = index
    this.edit = edit
  }
}

/** Where an entity is named in an article body. start and end are UTF-16 indices, end exclusive. */
export interface Mention {
  entityId: string
  articleId: string
  start: number
  end: number
  text: string
  quote: TextQuoteSelector
  position: TextPositionSelector
}

/** The canonical name first, then the aliases, without repeats. */
function formsOf(entity: Entity): string[] {
  return [...new Set([entity.name, ...entity.aliases])]
}

/** Problems inside one entity: its own name among its aliases, or an alias listed twice. */
function ownFormProblems(entity: Entity): string[] {
  const problems: string[] = []
  if (entity.aliases.includes(entity.name)) {
    problems.push(`entity "${entity.id}": its name "${entity.name}" is also listed as an alias`)
  }
  const seen = new Set<string>()
  for (const alias of entity.aliases) {
    if (seen.has(alias)) problems.push(`entity "${entity.id}": alias "${alias}" is listed twice`)
    seen.add(alias)
  }
  return problems
}

/**
 * Validates the catalogue JSON and returns its entities. Ids (and merged ids) must be unique, and
 * a name or alias may belong to one entity only, since events link to entities by those strings.
 * Throws one EntityCatalogueError listing every problem.
 */
export function buildEntityCatalogue(json: unknown): Entity[] {
  const parsed = v.safeParse(EntityCatalogueSchema, json)
  if (!parsed.success) {
    // Past a schema failure the data has no known shape, so the other checks cannot run.
    throw new EntityCatalogueError(issueLines(parsed.issues, '(catalogue)'))
  }
  const { entities } = parsed.output
  const problems: string[] = []

  const idCounts = new Map<string, number>()
  for (const id of entities.flatMap((e) => [e.id, ...(e.mergedIds ?? [])])) {
    idCounts.set(id, (idCounts.get(id) ?? 0) + 1)
  }
  for (const [id, count] of idCounts) {
    if (count > 1) problems.push(`entity id "${id}" is used more than once`)
  }

  const owners = new Map<string, string[]>()
  for (const entity of entities) {
    problems.push(...ownFormProblems(entity))
    for (const form of formsOf(entity)) owners.set(form, [...(owners.get(form) ?? []), entity.id])
  }
  for (const [form, ids] of owners) {
    if (ids.length > 1) {
      problems.push(`"${form}" is a name or alias of more than one entity: ${ids.join(', ')}`)
    }
  }

  if (problems.length > 0) throw new EntityCatalogueError(problems)
  return entities
}

/**
 * Letters, marks and digits make words, and so does a hyphen: "ASEAN-China" is one word, not a
 * mention of ASEAN. An apostrophe does not, so "Vietnam’s" and "United Nations’" still match.
 */
const WORD = /[\p{L}\p{M}\p{N}_\u002d\u2010\u2011]/u

function isWordChar(codePoint: number | undefined): boolean {
  return codePoint !== undefined && WORD.test(String.fromCodePoint(codePoint))
}

/** The code point that ends just before index (a whole surrogate pair if there is one). */
function codePointBefore(text: string, index: number): number | undefined {
  if (index <= 0) return undefined
  const low = text.charCodeAt(index - 1)
  if (index >= 2 && low >= 0xdc00 && low <= 0xdfff) {
    const pair = text.codePointAt(index - 2)
    if (pair !== undefined && pair > 0xffff) return pair
  }
  return low
}

function isWholeWord(text: string, start: number, end: number): boolean {
  return !isWordChar(codePointBefore(text, start)) && !isWordChar(text.codePointAt(end))
}

/**
 * Every whole-word, case-sensitive occurrence of each entity's name and aliases in each body.
 * Where occurrences overlap, the one that starts first wins, and at one start the longest: so
 * "Chou Bun Eng" is one mention, not also "Bun Eng". Ties go to the entity listed first.
 * Mentions come out by article (in the order given), then by position.
 */
export function findMentions(
  entities: readonly Entity[],
  articles: readonly { id: string; body: string }[],
): Mention[] {
  const mentions: Mention[] = []
  for (const article of articles) {
    const { body } = article
    const found: { start: number; end: number; entityId: string; rank: number }[] = []
    entities.forEach((entity, rank) => {
      for (const form of formsOf(entity)) {
        // An empty form would match everywhere and never advance.
        if (form.length === 0) continue
        for (let at = body.indexOf(form); at !== -1; at = body.indexOf(form, at + 1)) {
          const end = at + form.length
          if (isWholeWord(body, at, end)) found.push({ start: at, end, entityId: entity.id, rank })
        }
      }
    })
    found.sort((a, b) => a.start - b.start || b.end - a.end || a.rank - b.rank)
    let taken = 0
    for (const { start, end, entityId } of found) {
      if (start < taken) continue
      taken = end
      mentions.push({
        entityId,
        articleId: article.id,
        start,
        end,
        text: body.slice(start, end),
        ...selectorsForRange(body, start, end),
      })
    }
  }
  return mentions
}

/** The id of the entity with this canonical name, else with this alias; null when none has it. */
export function resolveEntityName(entities: readonly Entity[], name: string): string | null {
  return (
    entities.find((e) => e.name === name)?.id ??
    entities.find((e) => e.aliases.includes(name))?.id ??
    null
  )
}

/** The entities an event names, people first, each once; names that resolve to none are left out. */
export function eventEntityIds(
  event: { people: readonly string[]; organisations: readonly string[] },
  entities: readonly Entity[],
): string[] {
  const ids = [...event.people, ...event.organisations].map((name) =>
    resolveEntityName(entities, name),
  )
  return [...new Set(ids.filter((id): id is string => id !== null))]
}

/**
 * The id that now stands for id: itself while it exists, else the entity it was merged into
 * (merges are recorded flat on the survivor, so a chain a→b→c answers c). Null when unknown.
 */
export function canonicalId(entities: readonly Entity[], id: string): string | null {
  if (entities.some((e) => e.id === id)) return id
  return entities.find((e) => e.mergedIds?.includes(id))?.id ?? null
}

/** The entity other than exceptId whose name or alias is form, if any. */
function ownerOf(entities: readonly Entity[], form: string, exceptId?: string): Entity | undefined {
  return entities.find((e) => e.id !== exceptId && (e.name === form || e.aliases.includes(form)))
}

function withoutRepeats(values: readonly string[]): string[] {
  return [...new Set(values)]
}

const aKind = (kind: EntityKind): string => (kind === 'person' ? 'a person' : 'an organisation')

type Step = { entities: Entity[] } | { problem: string }

function replace(entities: readonly Entity[], entity: Entity): Entity[] {
  return entities.map((e) => (e.id === entity.id ? entity : e))
}

function applyOne(entities: readonly Entity[], input: unknown): Step {
  const parsed = v.safeParse(EntityEditSchema, input)
  if (!parsed.success) {
    return { problem: issueLines(parsed.issues, '(catalogue)').join('; ') }
  }
  const edit = parsed.output
  const find = (id: string): Entity | undefined => {
    const current = canonicalId(entities, id)
    return entities.find((e) => e.id === current)
  }

  switch (edit.type) {
    case 'rename': {
      const entity = find(edit.id)
      if (!entity) return { problem: `no entity has the id "${edit.id}"` }
      if (edit.name === entity.name) return { entities: [...entities] }
      const other = ownerOf(entities, edit.name, entity.id)
      if (other) return { problem: `"${edit.name}" already names "${other.id}"` }
      // The old name stays an alias: the text still spells it that way, and events link by it.
      const aliases = withoutRepeats([...entity.aliases, entity.name]).filter(
        (a) => a !== edit.name,
      )
      return { entities: replace(entities, { ...entity, name: edit.name, aliases }) }
    }
    case 'alias': {
      const entity = find(edit.id)
      if (!entity) return { problem: `no entity has the id "${edit.id}"` }
      if (formsOf(entity).includes(edit.alias)) return { entities: [...entities] }
      const other = ownerOf(entities, edit.alias, entity.id)
      if (other) return { problem: `"${edit.alias}" already names "${other.id}"` }
      return {
        entities: replace(entities, { ...entity, aliases: [...entity.aliases, edit.alias] }),
      }
    }
    case 'add': {
      const { entity } = edit
      if (canonicalId(entities, entity.id) !== null) {
        return { problem: `the id "${entity.id}" is already in use` }
      }
      if ((entity.mergedIds ?? []).length > 0) {
        return { problem: 'a new entity cannot claim merged ids; merge entities instead' }
      }
      const own = ownFormProblems(entity)
      if (own.length > 0) return { problem: own.join('; ') }
      for (const form of formsOf(entity)) {
        const other = ownerOf(entities, form)
        if (other) return { problem: `"${form}" already names "${other.id}"` }
      }
      const { id, kind, name, aliases, description } = entity
      return { entities: [...entities, { id, kind, name, aliases, description }] }
    }
    case 'merge': {
      const from = find(edit.from)
      const into = find(edit.into)
      if (!from) return { problem: `no entity has the id "${edit.from}"` }
      if (!into) return { problem: `no entity has the id "${edit.into}"` }
      if (from.id === into.id) {
        // Also how a cycle shows itself: after a→b, merging b into a finds a is already b.
        return {
          problem: `"${edit.from}" and "${edit.into}" are already one entity ("${into.id}")`,
        }
      }
      if (from.kind !== into.kind) {
        return {
          problem: `cannot merge ${aKind(from.kind)} ("${from.id}") into ${aKind(into.kind)}`,
        }
      }
      const survivor: Entity = {
        ...into,
        aliases: withoutRepeats([...into.aliases, from.name, ...from.aliases]).filter(
          (a) => a !== into.name,
        ),
        // Both descriptions are kept: each cites the article its role comes from.
        description: withoutRepeats([into.description, from.description])
          .filter((d) => d.length > 0)
          .join('\n'),
        mergedIds: withoutRepeats([...(into.mergedIds ?? []), from.id, ...(from.mergedIds ?? [])]),
      }
      return { entities: replace(entities, survivor).filter((e) => e.id !== from.id) }
    }
  }
}

/** Why the edit would be refused on this catalogue, or null when it applies. */
export function entityEditProblem(entities: readonly Entity[], edit: EntityEdit): string | null {
  const step = applyOne(entities, edit)
  return 'problem' in step ? step.problem : null
}

/**
 * The catalogue with the user's edits applied in order. Ids in an edit may name an entity that an
 * earlier edit merged away; they act on its survivor. Renaming keeps the old name as an alias;
 * merging removes `from` and gives `into` its name, aliases and id (see canonicalId). Throws
 * EntityEditError at the first edit that cannot apply: a cycle, a clash of names, an unknown id.
 */
export function applyEntityEdits(base: readonly Entity[], edits: readonly EntityEdit[]): Entity[] {
  let entities: Entity[] = [...base]
  edits.forEach((edit, index) => {
    const step = applyOne(entities, edit)
    if ('problem' in step) throw new EntityEditError(index, edit, step.problem)
    entities = step.entities
  })
  return entities
}

/**
 * Applies stored edits one by one, skipping any that no longer fit (e.g. two merges made in two
 * windows), so one bad record never hides the rest. Returns the skipped ones for a message.
 */
export function applyEntityEditsLeniently(
  base: readonly Entity[],
  edits: readonly EntityEdit[],
): { entities: Entity[]; skipped: EntityEdit[] } {
  let entities = [...base]
  const skipped: EntityEdit[] = []
  for (const edit of edits) {
    try {
      entities = applyEntityEdits(entities, [edit])
    } catch {
      skipped.push(edit)
    }
  }
  return { entities, skipped }
}

/** Whether a name on an event is the entity `entityId` (through aliases, renames and merges). */
export function namesEntity(entities: readonly Entity[], name: string, entityId: string): boolean {
  const id = resolveEntityName(entities, name)
  return id !== null && canonicalId(entities, id) === canonicalId(entities, entityId)
}

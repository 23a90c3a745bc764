/**
 * Domain types for articles and curated events, with the valibot schemas that check them
 * wherever they enter the app (the bundled corpus now, imports later). Pure: no I/O.
 */
import * as v from 'valibot'

export const CATEGORIES = [
  { id: 'law-policy', label: 'Law and policy' },
  { id: 'institutions', label: 'Institutions' },
  { id: 'international', label: 'International cooperation and assessment' },
  { id: 'enforcement', label: 'Enforcement and figures' },
  { id: 'awareness', label: 'Awareness' },
] as const

export type CategoryId = (typeof CATEGORIES)[number]['id']

const CategorySchema = v.picklist(CATEGORIES.map((c) => c.id) as [CategoryId, ...CategoryId[]])

const Id = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'ids are lowercase slugs'))
const Text = (max: number) => v.pipe(v.string(), v.maxLength(max))

/** W3C Web Annotation TextQuoteSelector: the exact words with a little context either side. */
export const TextQuoteSelectorSchema = v.strictObject({
  type: v.literal('TextQuoteSelector'),
  exact: v.pipe(v.string(), v.minLength(1), v.maxLength(20_000)),
  prefix: Text(200),
  suffix: Text(200),
})

/** W3C TextPositionSelector: start and end in Unicode code points of the article body. */
export const TextPositionSelectorSchema = v.pipe(
  v.strictObject({
    type: v.literal('TextPositionSelector'),
    start: v.pipe(v.number(), v.integer(), v.minValue(0)),
    end: v.pipe(v.number(), v.integer(), v.minValue(1)),
  }),
  v.check((s) => s.end > s.start, 'a position selector must end after it starts'),
)

export const StanceSchema = v.picklist(['supports', 'contradicts'])

export const EvidenceSchema = v.strictObject({
  articleId: Id,
  stance: StanceSchema,
  quote: TextQuoteSelectorSchema,
  position: TextPositionSelectorSchema,
})

/** A date as EDTF, or null with a note saying why there is none. The note always says why. */
export const DatingSchema = v.strictObject({
  edtf: v.nullable(v.pipe(v.string(), v.minLength(1), v.maxLength(100))),
  note: v.pipe(v.string(), v.minLength(1), v.maxLength(1000)),
})

export const ArticleSchema = v.strictObject({
  id: Id,
  /** The file as received, relative to resources/corpus/. */
  file: v.pipe(v.string(), v.regex(/^articles\/[A-Za-z0-9_.-]+\.txt$/)),
  sha256: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)),
  title: Text(500),
  outlet: v.nullable(Text(200)),
  outletNote: v.optional(Text(500)),
  byline: v.nullable(Text(200)),
  published: DatingSchema,
  /** 1-based inclusive line ranges of the received file. */
  bodyLines: v.tuple([v.pipe(v.number(), v.integer()), v.pipe(v.number(), v.integer())]),
  captionLine: v.nullable(v.pipe(v.number(), v.integer())),
  /** BCP 47 tag of the article's language. */
  language: v.pipe(v.string(), v.regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'is a BCP 47 tag')),
  /** Left out for left-to-right text. */
  direction: v.optional(v.picklist(['ltr', 'rtl'])),
})

export const EventSchema = v.strictObject({
  id: Id,
  title: Text(300),
  summary: Text(2000),
  date: DatingSchema,
  category: CategorySchema,
  people: v.array(Text(200)),
  organisations: v.array(Text(200)),
  evidence: v.pipe(v.array(EvidenceSchema), v.minLength(1)),
})

export const CorpusManifestSchema = v.strictObject({
  formatVersion: v.literal(1),
  title: Text(300),
  articles: v.pipe(v.array(ArticleSchema), v.minLength(1)),
  events: v.array(EventSchema),
})

export type TextQuoteSelector = v.InferOutput<typeof TextQuoteSelectorSchema>
export type TextPositionSelector = v.InferOutput<typeof TextPositionSelectorSchema>
export type Stance = v.InferOutput<typeof StanceSchema>
export type Evidence = v.InferOutput<typeof EvidenceSchema>
export type Dating = v.InferOutput<typeof DatingSchema>
export type ArticleMeta = v.InferOutput<typeof ArticleSchema>
export type TimelineEvent = v.InferOutput<typeof EventSchema>
export type CorpusManifest = v.InferOutput<typeof CorpusManifestSchema>

/** An article ready to read: its metadata, the received text and the body cut from it. */
export interface Article extends ArticleMeta {
  raw: string
  body: string
  caption: string | null
}

export interface Corpus {
  title: string
  articles: Article[]
  events: TimelineEvent[]
}

export function categoryLabel(id: CategoryId): string {
  return CATEGORIES.find((c) => c.id === id)?.label ?? id
}

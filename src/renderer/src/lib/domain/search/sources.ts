/**
 * What search indexes: each article, event, note, highlight, person and organisation the app
 * knows, as a plain value with a signature that changes whenever its searchable text does.
 * `sourcesOf` builds them from the app's data; the index compares signatures to update only what
 * changed, whatever wrote it (an edit, undo, redo, a project import or a restore).
 */
export type SearchKind = 'passage' | 'event' | 'note' | 'highlight' | 'entity'

interface Base {
  /** Unique over all sources: kind and id, e.g. "article:pp-post-2012". */
  key: string
  signature: string
  /** Earliest possible date in ms, for ranking ties and the date filter; null when undated. */
  date: number | null
}

export type SearchSource =
  | (Base & { kind: 'article'; id: string; title: string; body: string })
  | (Base & {
      kind: 'event'
      id: string
      title: string
      summary: string
      quotes: string[]
      tags: string[]
      articleIds: string[]
    })
  | (Base & { kind: 'note'; id: string; eventId: string; eventTitle: string; body: string })
  | (Base & {
      kind: 'highlight'
      id: string
      articleId: string
      quote: string
      /** UTF-16 index where the quote stands in its article's body now; null when orphaned. */
      start: number | null
      note: string
      tags: string[]
    })
  | (Base & { kind: 'entity'; id: string; name: string; aliases: string[]; entityKind: string })

/** A short, stable hash of a string (FNV-1a, 32 bits), for signatures. */
export function hashText(text: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return (h >>> 0).toString(36) + text.length.toString(36)
}

/** What a builder takes: a source of that kind without its key and signature. */
type InputOf<K extends SearchSource['kind']> = Omit<
  Extract<SearchSource, { kind: K }>,
  'kind' | 'key' | 'signature'
>

export interface ArticleInput {
  id: string
  title: string
  body: string
  /** A content hash the app already has (sha256), to avoid hashing long bodies again. */
  sha256?: string
  date: number | null
}

export function articleSource(a: ArticleInput): SearchSource {
  return {
    kind: 'article',
    key: `article:${a.id}`,
    id: a.id,
    title: a.title,
    body: a.body,
    date: a.date,
    signature: `${a.sha256 ?? hashText(a.body)}|${hashText(a.title)}|${a.date}`,
  }
}

export type EventInput = InputOf<'event'>

/** Key and signature of a source whose whole input is searchable: any change to it counts. */
function keyed(kind: SearchKind | 'article', input: { id: string }) {
  return { key: `${kind}:${input.id}`, signature: hashText(JSON.stringify(input)) }
}

export function eventSource(e: EventInput): SearchSource {
  return { kind: 'event', ...e, ...keyed('event', e) }
}

export type NoteInput = InputOf<'note'>

export function noteSource(n: NoteInput): SearchSource {
  return { kind: 'note', ...n, ...keyed('note', n) }
}

export type HighlightInput = InputOf<'highlight'>

export function highlightSource(h: HighlightInput): SearchSource {
  return { kind: 'highlight', ...h, ...keyed('highlight', h) }
}

export type EntityInput = Omit<InputOf<'entity'>, 'date'>

export function entitySource(e: EntityInput): SearchSource {
  return { kind: 'entity', ...e, date: null, ...keyed('entity', e) }
}

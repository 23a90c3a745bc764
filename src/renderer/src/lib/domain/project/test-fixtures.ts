/**
 * Test-only: a small valid project over a tiny bundled corpus, for the format, merge and db tests.
 * Every quote stands where its position says, so each test breaks exactly one thing.
 */
import { sha256Hex } from '../corpus'
import { selectorsForRange } from '../quotes'
import type { ImportedArticle } from '../types'
import type { Project, ProjectContext, ProjectData } from './format'

export const BUNDLED_ID = 'bundled-article'
/** An astral character early on, so code point and UTF-16 offsets differ after it. */
export const BUNDLED_BODY =
  'In 2008 😀 the minister signed the anti-trafficking law.\n\nCritics said it came late.'
export const CURATED_EVENT = 'trafficking-law-2008'

export function testContext(overrides: Partial<ProjectContext> = {}): ProjectContext {
  return {
    knownArticleIds: new Set([BUNDLED_ID]),
    knownEventIds: new Set([CURATED_EVENT, 'other-curated-event']),
    bodies: new Map([[BUNDLED_ID, BUNDLED_BODY]]),
    ...overrides,
  }
}

/** Selectors for the first occurrence of `words` in `body`. */
export function passage(body: string, words: string) {
  const at = body.indexOf(words)
  if (at < 0) throw new Error(`"${words}" is not in the body`)
  return selectorsForRange(body, at, at + words.length)
}

export const IMPORTED_ORIGINAL = '<p>The police opened 40 cases in 2010 💡 and closed 12.</p>'
export const IMPORTED_BODY = 'The police opened 40 cases in 2010 💡 and closed 12.'

export function makeImportedArticle(overrides: Partial<ImportedArticle> = {}): ImportedArticle {
  return {
    id: 'imported-1',
    title: 'Police figures',
    outlet: 'Daily Example',
    byline: null,
    published: { edtf: '2011-01-05', note: 'Dated in the page.' },
    url: 'https://example.org/figures',
    body: IMPORTED_BODY,
    original: IMPORTED_ORIGINAL,
    originalName: 'figures.html',
    mediaType: 'text/html',
    // Not the real hash: parseProjectFile does not check it; withRealChecksums fixes it.
    sha256: 'a'.repeat(64),
    importedAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    ...overrides,
  }
}

export function validData(): ProjectData {
  return {
    notes: [
      {
        id: 'note-1',
        eventId: CURATED_EVENT,
        body: 'Check the *date*.',
        createdAt: 1,
        updatedAt: 2,
      },
      { id: 'note-2', eventId: 'user-event-1', body: 'My own event.', createdAt: 3, updatedAt: 3 },
    ],
    highlights: [
      {
        id: 'highlight-1',
        articleId: BUNDLED_ID,
        ...passage(BUNDLED_BODY, 'signed the anti-trafficking law'),
        note: '',
        tags: ['law'],
        createdAt: 10,
        updatedAt: 11,
      },
      {
        id: 'highlight-2',
        articleId: 'imported-1',
        ...passage(IMPORTED_BODY, 'closed 12'),
        note: 'Fewer than opened.',
        tags: [],
        createdAt: 12,
        updatedAt: 12,
      },
    ],
    userEvents: [
      {
        id: 'user-event-1',
        title: 'Police open 40 cases',
        summary: 'From the imported figures.',
        date: { edtf: '2010', note: 'Entered as “2010”.' },
        category: 'enforcement',
        people: [],
        organisations: ['Police'],
        createdAt: 20,
        updatedAt: 21,
      },
    ],
    evidence: [
      {
        id: 'evidence-1',
        eventId: 'user-event-1',
        articleId: 'imported-1',
        stance: 'supports',
        ...passage(IMPORTED_BODY, 'opened 40 cases in 2010 💡'),
        createdAt: 30,
      },
      {
        id: 'evidence-2',
        eventId: CURATED_EVENT,
        articleId: BUNDLED_ID,
        stance: 'contradicts',
        ...passage(BUNDLED_BODY, 'it came late'),
        createdAt: 31,
      },
    ],
    eventAnnotations: [
      { eventId: CURATED_EVENT, tags: ['law'], people: [], organisations: [], updatedAt: 40 },
    ],
    entityEdits: [
      {
        id: 'edit-1',
        createdAt: 50,
        edit: { type: 'rename', id: 'minister', name: 'The Minister' },
      },
    ],
    articles: [makeImportedArticle()],
  }
}

export function validProject(data: ProjectData = validData()): Project {
  return {
    formatVersion: 1,
    app: 'Sourceline',
    exportedAt: '2024-05-01T12:00:00.000Z',
    corpus: { title: 'Test corpus', articleIds: [BUNDLED_ID] },
    data,
  }
}

/** The data with every imported article's sha256 set to the hash of its original. */
export async function withRealChecksums(data: ProjectData): Promise<ProjectData> {
  const articles = await Promise.all(
    data.articles.map(async (a) => ({ ...a, sha256: await sha256Hex(a.original) })),
  )
  return { ...data, articles }
}

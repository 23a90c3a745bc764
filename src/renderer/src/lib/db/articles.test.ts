import 'fake-indexeddb/auto'
import { beforeEach, describe, expect, it } from 'vitest'
import { db } from './db'
import { history } from './history'
import { addEvidence, addHighlight } from './actions/annotations'
import {
  ArticleInUseError,
  deleteArticle,
  findBySha256,
  importArticle,
  updateArticleMetadata,
  type NewArticle,
} from './actions/articles'
import { WriteError } from './actions/errors'
import { importedArticle, importedArticles } from './queries/articles'
import { sha256Hex } from '../domain/corpus'
import { MAX_IMPORT_BYTES } from '../domain/import/limits'

async function newArticle(
  original: string,
  changes: Partial<NewArticle> = {},
): Promise<NewArticle> {
  return {
    title: 'Raid frees 40 workers',
    outlet: 'Daily Mekong',
    byline: null,
    published: { edtf: '2012-05-03', note: 'As the page gives it.' },
    url: 'https://dailymekong.example.com/raid',
    language: 'en',
    body: 'Police freed 40 workers.\n\nTwo men were arrested.',
    original,
    originalName: 'raid.html',
    mediaType: 'text/html',
    sha256: await sha256Hex(original),
    ...changes,
  }
}

const PASSAGE = (articleId: string) => ({
  articleId,
  quote: { type: 'TextQuoteSelector' as const, exact: 'Police freed', prefix: '', suffix: ' 40' },
  position: { type: 'TextPositionSelector' as const, start: 0, end: 12 },
})

beforeEach(async () => {
  await Promise.all([db.articles.clear(), db.evidence.clear(), db.highlights.clear()])
  history.clear()
})

describe('importing articles', () => {
  it('stores an article with an id and times, findable by its SHA-256, as one undoable step', async () => {
    const input = await newArticle('<p>page one</p>')
    const article = await importArticle(input, 1000)
    expect(article).toEqual({
      ...input,
      id: article.id,
      direction: 'ltr',
      importedAt: 1000,
      updatedAt: 1000,
    })
    expect(await importedArticles()).toEqual([article])
    expect(await importedArticle(article.id)).toEqual(article)
    expect(await findBySha256(input.sha256)).toEqual(article)
    expect(history.undoLabel).toBe('Import article')
    await history.undo(db)
    expect(await db.articles.count()).toBe(0)
  })

  it('lists the most recently imported first', async () => {
    const older = await importArticle(await newArticle('one'), 1)
    const newer = await importArticle(await newArticle('two'), 2)
    expect((await importedArticles()).map((a) => a.id)).toEqual([newer.id, older.id])
  })

  it('refuses the same file twice with “duplicate”, writing nothing', async () => {
    await importArticle(await newArticle('<p>same</p>'))
    const again = importArticle(await newArticle('<p>same</p>', { originalName: 'copy.html' }))
    await expect(again).rejects.toBeInstanceOf(WriteError)
    await expect(again).rejects.toMatchObject({
      code: 'duplicate',
      message: '“copy.html” is already imported, as “Raid frees 40 workers”.',
    })
    expect(await db.articles.count()).toBe(1)
    expect(history.undoLabel).toBe('Import article')
  })

  it('refuses two imports of the same file racing each other: one wins', async () => {
    const input = await newArticle('<p>race</p>')
    const results = await Promise.allSettled([importArticle(input), importArticle(input)])
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected'])
    const rejected = results.find((r) => r.status === 'rejected')
    expect(rejected?.reason).toMatchObject({ code: 'duplicate' })
    expect(await db.articles.count()).toBe(1)
  })

  it('refuses a hash that is not the original’s, an empty title or body, and bad dates or addresses', async () => {
    const input = await newArticle('<p>x</p>')
    await expect(importArticle({ ...input, sha256: 'f'.repeat(64) })).rejects.toMatchObject({
      code: 'failed',
      message: '“raid.html” changed while it was read; import it again.',
    })
    await expect(importArticle({ ...input, title: '  ' })).rejects.toMatchObject({ code: 'empty' })
    await expect(importArticle({ ...input, body: '\n' })).rejects.toMatchObject({ code: 'empty' })
    await expect(
      importArticle({ ...input, published: { edtf: '2012-13-40', note: 'x' } }),
    ).rejects.toMatchObject({ message: '“2012-13-40” is not a date Sourceline can read.' })
    await expect(
      importArticle({ ...input, published: { edtf: null, note: '' } }),
    ).rejects.toMatchObject({ code: 'failed' })
    // eslint-disable-next-line no-script-url -- the point is that it is refused
    await expect(importArticle({ ...input, url: 'javascript:alert(1)' })).rejects.toMatchObject({
      code: 'failed',
    })
    expect(await db.articles.count()).toBe(0)
  })

  it('refuses an original over the size limit', async () => {
    const big = 'x'.repeat(MAX_IMPORT_BYTES + 1)
    await expect(importArticle(await newArticle(big))).rejects.toMatchObject({
      code: 'too-large',
      message: '“raid.html” is 10.1 MB; Sourceline imports articles up to 10 MB.',
    })
  })

  it('trims details and stores blank ones as null', async () => {
    const article = await importArticle(
      await newArticle('<p>trim</p>', {
        title: '  Title  ',
        outlet: '  ',
        byline: ' Jane Roe ',
        url: ' ',
      }),
    )
    expect(article).toMatchObject({ title: 'Title', outlet: null, byline: 'Jane Roe', url: null })
  })
})

describe('editing and deleting imported articles', () => {
  it('updates the details, not the text, as one undoable step', async () => {
    const article = await importArticle(await newArticle('<p>edit</p>'), 1000)
    await updateArticleMetadata(
      article.id,
      {
        title: 'Police free 40 workers',
        outlet: null,
        byline: 'Jane Roe',
        published: { edtf: '2012-05', note: 'Month only, from the print edition.' },
        url: null,
        language: 'ar',
      },
      2000,
    )
    expect(await importedArticle(article.id)).toEqual({
      ...article,
      title: 'Police free 40 workers',
      outlet: null,
      byline: 'Jane Roe',
      published: { edtf: '2012-05', note: 'Month only, from the print edition.' },
      url: null,
      language: 'ar',
      direction: 'rtl',
      updatedAt: 2000,
    })
    expect(history.undoLabel).toBe('Edit article details')
    await history.undo(db)
    expect(await importedArticle(article.id)).toEqual(article)
  })

  it('refuses to edit an article that is gone', async () => {
    const details = {
      title: 'T',
      outlet: null,
      byline: null,
      published: { edtf: null, note: 'n' },
      url: null,
      language: 'en',
    }
    await expect(updateArticleMetadata('missing', details)).rejects.toMatchObject({
      code: 'missing',
    })
  })

  it('deletes an article nothing quotes, undoably', async () => {
    const article = await importArticle(await newArticle('<p>delete</p>'))
    await deleteArticle(article.id)
    expect(await db.articles.count()).toBe(0)
    await history.undo(db)
    expect(await importedArticle(article.id)).toEqual(article)
    await expect(deleteArticle('missing')).rejects.toMatchObject({ code: 'missing' })
  })

  it('refuses to delete an article that evidence or highlights quote, counting them', async () => {
    const article = await importArticle(await newArticle('<p>quoted</p>'))
    await addEvidence('trafficking-law-2008', PASSAGE(article.id), 'supports')
    await addEvidence('cases-2021', PASSAGE(article.id), 'contradicts')
    await addHighlight(PASSAGE(article.id), '', [])
    const refused = deleteArticle(article.id)
    await expect(refused).rejects.toBeInstanceOf(ArticleInUseError)
    await expect(refused).rejects.toMatchObject({
      evidence: 2,
      highlights: 1,
      message:
        '“Raid frees 40 workers” cannot be deleted: 2 pieces of evidence and 1 highlight quote it. ' +
        'Remove those first.',
    })
    expect(await db.articles.count()).toBe(1)

    await db.evidence.clear()
    await expect(deleteArticle(article.id)).rejects.toMatchObject({
      message:
        '“Raid frees 40 workers” cannot be deleted: 1 highlight quotes it. Remove those first.',
    })
  })
})

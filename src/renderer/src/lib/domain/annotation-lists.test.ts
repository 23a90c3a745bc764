import { describe, expect, it } from 'vitest'
import { annotationBase, isOrphan, shownAnnotations } from './annotation-lists'
import { UNPACED } from './pacing'
import { countingPacer } from './test-pacer'
import type { Highlight, Note } from './types'

const highlight = (
  id: string,
  articleId: string,
  exact: string,
  start: number,
  tags: string[] = [],
): Highlight => ({
  id,
  articleId,
  quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector', start, end: start + exact.length },
  note: '',
  tags,
  createdAt: 0,
  updatedAt: 0,
})
const note = (id: string, eventId: string): Note => ({
  id,
  eventId,
  body: id,
  createdAt: 0,
  updatedAt: 0,
})

const sources = {
  articles: [
    {
      id: 'a1',
      title: 'Minister meets mission',
      body: 'The minister met the mission in May.',
      language: 'en',
    },
    { id: 'a2', title: 'Task force report', body: 'The task force met in June.', language: 'en' },
  ],
  events: [
    { id: 'e1', title: 'Law passed' },
    { id: 'e2', title: 'Day of action' },
  ],
  highlights: [
    highlight('kept', 'a1', 'met the mission', 13, ['figures']),
    highlight('lost', 'a1', 'signed a treaty with Thailand', 5),
    highlight('gone', 'missing-article', 'anything', 0),
    highlight('other', 'a2', 'task force', 4),
  ],
  notes: [note('n1', 'e1'), note('n2', 'e2'), note('n3', 'removed-event')],
}

describe('isOrphan', () => {
  it('is true when the passage or its article is gone', () => {
    const body = sources.articles[0]!.body
    expect(isOrphan(sources.highlights[0]!, body)).toBe(false)
    expect(isOrphan(sources.highlights[1]!, body)).toBe(true)
    expect(isOrphan(sources.highlights[2]!, undefined)).toBe(true)
  })
})

describe('annotation lists', () => {
  it('sets lost passages apart and collects the tags', async () => {
    const base = await annotationBase(sources, UNPACED)
    expect(base.orphans.map((h) => h.id).sort()).toEqual(['gone', 'lost'])
    expect(base.anchored.map((h) => h.id)).toEqual(['kept', 'other'])
    expect(base.tags).toEqual(['figures'])
    expect(base.eventTitles.get('e2')).toBe('Day of action')
  })

  it('narrows by article words, event words and tag, as the panel promises', async () => {
    const base = await annotationBase(sources, UNPACED)
    const ids = async (articleWords: string, eventWords: string, tag: string) => {
      const shown = await shownAnnotations(base, { articleWords, eventWords, tag }, UNPACED)
      return [...shown.highlights.map((h) => h.id), ...shown.notes.map((n) => n.id)]
    }
    expect(await ids('', '', '')).toEqual(['kept', 'other', 'n1', 'n2', 'n3'])
    expect(await ids('  TASK ', '', '')).toEqual(['other'])
    expect(await ids('', 'law', '')).toEqual(['n1'])
    expect(await ids('', '', 'figures')).toEqual(['kept'])
    expect(await ids('nothing like it', '', '')).toEqual([])
  })

  it('gives the same lists when it pauses after every item', async () => {
    const pacer = countingPacer()
    const paced = await annotationBase(sources, pacer)
    const whole = await annotationBase(sources, UNPACED)
    expect(paced).toEqual(whole)
    const query = { articleWords: 'm', eventWords: '', tag: '' }
    expect(await shownAnnotations(paced, query, pacer)).toEqual(
      await shownAnnotations(whole, query, UNPACED),
    )
    expect(pacer.pauses).toBeGreaterThan(sources.highlights.length)
  })
})

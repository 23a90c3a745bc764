import { describe, expect, it } from 'vitest'
import type { TimelineEvent } from '$shared/corpus'
import { DEFAULT_BOUNDS, diffItems, toTimelineItem, timelineGroups } from './timeline-items'

function event(id: string, edtf: string | null): TimelineEvent {
  return {
    id,
    title: `Title <b>${id}</b>`,
    summary: '',
    date: { edtf, note: 'n' },
    category: 'law-policy',
    people: [],
    organisations: [],
    evidence: [
      {
        articleId: 'a',
        stance: 'supports',
        quote: { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' },
        position: { type: 'TextPositionSelector', start: 0, end: 1 },
      },
    ],
  }
}

describe('toTimelineItem', () => {
  it('draws an exact day as a point', () => {
    const item = toTimelineItem(event('a', '2007-12-12'), 0, '12 December 2007')!
    expect(item.type).toBe('point')
    expect(item.start).toBe(Date.UTC(2007, 11, 12))
    expect(item.end).toBeNull()
    expect(item.className).not.toContain('date-imprecise')
  })

  it('draws a month and a year as ranges marked imprecise', () => {
    const month = toTimelineItem(event('m', '2022-07'), 0, 'July 2022')!
    expect(month.type).toBe('range')
    expect(month.start).toBe(Date.UTC(2022, 6, 1))
    expect(month.end).toBe(Date.UTC(2022, 7, 1))
    expect(month.className).toContain('date-imprecise')
    const year = toTimelineItem(event('y', '2008'), 0, '2008')!
    expect([year.start, year.end]).toEqual([Date.UTC(2008, 0, 1), Date.UTC(2009, 0, 1)])
  })

  it('draws "on or before" from the start of the timeline, marked open', () => {
    const item = toTimelineItem(event('b', '[..2009-12]'), 0, 'on or before December 2009')!
    expect(item.start).toBe(DEFAULT_BOUNDS.start)
    expect(item.end).toBe(Date.UTC(2010, 0, 1))
    expect(item.className).toContain('date-open-start')
  })

  it('marks approximate dates and events with notes', () => {
    const item = toTimelineItem(event('c', '2018~'), 2, 'circa 2018')!
    expect(item.className).toContain('date-approximate')
    expect(item.className).toContain('has-note')
    expect(item.tooltip).toContain('2 notes')
  })

  it('never places an undated event', () => {
    expect(toTimelineItem(event('u', null), 0, 'Undated')).toBeNull()
  })

  it('keeps the label as the plain title', () => {
    expect(toTimelineItem(event('h', '2008'), 0, '2008')!.label).toBe('Title <b>h</b>')
  })
})

describe('diffItems', () => {
  it('returns only changed, new and removed items', () => {
    const a = toTimelineItem(event('a', '2008'), 0, '2008')!
    const b = toTimelineItem(event('b', '2009'), 0, '2009')!
    const current = new Map([
      [a.id, a],
      [b.id, b],
    ])
    const bWithNote = { ...b, className: `${b.className} has-note` }
    const c = toTimelineItem(event('c', '2010'), 0, '2010')!
    const { upsert, remove } = diffItems(current, [a, bWithNote, c])
    expect(upsert.map((i) => i.id)).toEqual(['b', 'c'])
    expect(remove).toEqual([])
    expect(diffItems(current, [a]).remove).toEqual(['b'])
  })
})

describe('timelineGroups', () => {
  it('has one lane per category in a fixed order', () => {
    expect(timelineGroups().map((g) => g.id)).toEqual([
      'law-policy',
      'institutions',
      'international',
      'enforcement',
      'awareness',
    ])
  })
})

import { describe, expect, it } from 'vitest'
import type { AppEvent } from '../events'
import { buildTimelineJs } from './timelinejs'
import { USER_EVENT_TITLE, realExportInput } from './test-fixture'

const input = realExportInput()
const data = buildTimelineJs(input)

function slideFor(id: string) {
  return data.events.find((s) => s.unique_id === `event-${id}`)
}

function event(id: string, edtf: string | null, title = `Event ${id}`): AppEvent {
  const base = input.events.find((e) => e.id === 'user-event-1')!
  return { ...base, id, title, date: { edtf, note: 'n' } }
}

describe('buildTimelineJs', () => {
  const dated = input.events.filter((e) => e.date.edtf !== null)
  const undated = input.events.filter((e) => e.date.edtf === null)

  it('places every dated event and counts the undated ones in the title slide', () => {
    expect(data.events).toHaveLength(dated.length)
    expect(undated.length).toBeGreaterThan(0)
    expect(data.title.text.headline).toBe('Cambodia’s fight against human trafficking, 2000–2023')
    expect(data.title.text.text).toContain(
      `${undated.length} undated events could not be placed and are left out: `,
    )
    for (const e of undated) expect(data.title.text.text).toContain(e.title)
  })

  it('gives plain dates as parts and everything else also in words', () => {
    expect(slideFor('anti-trafficking-day-2007')).toMatchObject({
      start_date: { year: 2007, month: 12, day: 12 },
    })
    expect(slideFor('anti-trafficking-day-2007')).not.toHaveProperty('display_date')
    expect(slideFor('commitment-since-2000')?.start_date).toEqual({ year: 2000 })
    expect(slideFor('tip-tier-3-downgrade-2022')?.start_date).toEqual({ year: 2022, month: 7 })
    expect(slideFor('national-task-force')).toMatchObject({
      start_date: { year: 2009, month: 12, day: 31 },
      display_date: 'On or before December 2009',
    })
    expect(slideFor('national-task-force')).not.toHaveProperty('end_date')
    expect(slideFor('user-event-1')).toMatchObject({
      start_date: { year: 2022, month: 9 },
      display_date: 'Circa September 2022',
    })
    const ranged = buildTimelineJs({
      ...input,
      events: [event('r', '2009-12-10/2009-12-31'), event('open', '2023-03-28/..')],
    })
    expect(ranged.events[0]).toMatchObject({
      start_date: { year: 2009, month: 12, day: 10 },
      end_date: { year: 2009, month: 12, day: 31 },
      display_date: 'Between 10 and 31 December 2009',
    })
    expect(ranged.events[1]).toMatchObject({
      start_date: { year: 2023, month: 3, day: 28 },
      display_date: 'On or after 28 March 2023',
    })
    expect(ranged.events[1]).not.toHaveProperty('end_date')
  })

  it('leaves out dates open at both ends and unreadable ones', () => {
    const odd = buildTimelineJs({
      ...input,
      events: [event('both', '../..'), event('bad', 'not a date'), event('ok', '2001')],
    })
    expect(odd.events.map((s) => s.unique_id)).toEqual(['event-ok'])
    expect(odd.title.text.text).toContain('2 undated events could not be placed')
  })

  it('puts the summary, quotes with their citations, stance, tags and notes in the text', () => {
    const tip = slideFor('tip-tier-3-downgrade-2022')!
    expect(tip.group).toBe('International cooperation and assessment')
    expect(tip.text.text).toContain('<p><strong>Contradicts this event:</strong></p><blockquote>')
    expect(tip.text.text).toContain('We do not deny the assessment downgrade')
    expect(tip.text.text).toContain('<p>Tags: disputed, follow up</p>')
    expect(tip.text.text).toContain(
      '— Phnom Penh Post, “Interior ministry lauds anti-trafficking work”',
    )
    expect(slideFor('anti-trafficking-day-2007')?.text.text).toContain(
      '<p>Ask the ministry for the 2007 sub-decree.<br>\nSecond line.</p>',
    )
  })

  it('escapes every text it writes, since TimelineJS reads them as HTML', () => {
    expect(slideFor('user-event-1')?.text.headline).toBe(
      'Follow-up raids &amp; “arrests”, &lt;b&gt;per&lt;/b&gt; the ministry',
    )
    expect(USER_EVENT_TITLE).toContain('<b>')
    const hostile = '<img src=x onerror=alert(1)>"\'&'
    const made = buildTimelineJs({
      ...input,
      title: hostile,
      events: [{ ...event('h', '2001', hostile), summary: hostile, tags: [hostile] }],
      notes: [{ id: 'n', eventId: 'h', body: hostile, createdAt: 0, updatedAt: 0 }],
    })
    const json = JSON.stringify(made)
    expect(json).not.toContain('<img')
    expect(json).toContain('&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;')
  })
})

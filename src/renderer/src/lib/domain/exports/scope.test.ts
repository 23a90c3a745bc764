import { describe, expect, it } from 'vitest'
import { filterEvents, NO_FILTER } from '../events'
import { buildCsv } from './csv'
import { buildCslJson } from './csl'
import { scopeExportInput } from './scope'
import { realExportInput } from './test-fixture'

describe('scopeExportInput', () => {
  const whole = realExportInput()

  it('keeps everything when every event is shown', () => {
    expect(scopeExportInput(whole, whole.events)).toEqual(whole)
  })

  it('keeps the shown events, their notes, the sources they quote and those sources’ highlights', () => {
    const shown = filterEvents(whole.events, { ...NO_FILTER, tag: 'disputed' })
    expect(shown.map((e) => e.id)).toEqual(['tip-tier-3-downgrade-2022'])
    const scoped = scopeExportInput(whole, shown)
    expect(scoped.events.map((e) => e.id)).toEqual(['tip-tier-3-downgrade-2022'])
    const quoted = new Set(shown[0]!.evidence.map((x) => x.articleId))
    expect(scoped.articles.map((a) => a.id)).toEqual(
      whole.articles.filter((a) => quoted.has(a.id)).map((a) => a.id),
    )
    expect(scoped.articles.length).toBeLessThan(whole.articles.length)
    // The user's quote against this event is in the article the highlight was made in.
    expect(scoped.highlights.map((h) => h.id)).toEqual(['highlight-1'])
    expect(scoped.notes).toEqual([])
    expect(scoped.title).toBe(whole.title)
    expect(scoped.entities).toBe(whole.entities)
  })

  it('leaves out highlights in sources no shown event quotes, and other events’ notes', () => {
    const shown = whole.events.filter((e) => e.id === 'anti-trafficking-day-2007')
    const scoped = scopeExportInput(whole, shown)
    expect(scoped.notes.map((n) => n.id)).toEqual(['note-1'])
    expect(shown[0]!.evidence.some((x) => x.articleId === 'ppp-interior-ministry-lauds')).toBe(
      false,
    )
    expect(scoped.highlights).toEqual([])
  })

  it('narrows what the formats write', () => {
    const shown = filterEvents(whole.events, { ...NO_FILTER, category: 'enforcement' })
    const scoped = scopeExportInput(whole, shown)
    const rows = (csv: string) => csv.trimEnd().split('\r\n').length - 1
    expect(rows(buildCsv(scoped))).toBe(shown.length)
    expect(rows(buildCsv(whole))).toBe(whole.events.length)
    expect(buildCslJson(scoped).length).toBe(scoped.articles.length)
  })
})

import { describe, expect, it } from 'vitest'
import { counts, plural, strings } from './strings'

describe('plural', () => {
  it('says one for one and the other form for everything else', () => {
    expect(counts.mentions(1)).toBe('1 mention')
    expect(counts.mentions(0)).toBe('0 mentions')
    expect(counts.mentions(2)).toBe('2 mentions')
    expect(plural(1, { one: 'piece of evidence', other: 'pieces of evidence' })).toBe(
      '1 piece of evidence',
    )
    expect(counts.events(1200)).toBe('1,200 events')
  })

  it('counts the intro in the right number', () => {
    expect(strings.introTitle(1, 1)).toBe('1 event from 1 article')
    expect(strings.introTitle(23, 12)).toBe('23 events from 12 articles')
  })
})

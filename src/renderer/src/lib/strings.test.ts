import { describe, expect, it } from 'vitest'
import { counts, errorText, plural, strings } from './strings'

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

  it('counts with the right form everywhere a number meets a noun', () => {
    expect(counts.directionControls(1)).toBe('1 direction control was')
    expect(counts.directionControls(3)).toBe('3 direction controls were')
    expect(strings.conflicts.summary(1, 0)).toBe(
      '1 place where sources disagree, 0 not yet explained.',
    )
    expect(strings.conflicts.summary(2, 1)).toMatch(/^2 places /)
    expect(strings.importer.waiting(1)).toBe('1 more file to review after this one.')
    expect(strings.importer.waiting(4)).toBe('4 more files to review after this one.')
    expect(strings.files.unusable(1)).toBe('cannot be used (1 problem). Nothing was changed.')
    expect(strings.project.willAdd(1)).toBe('add 1 new record')
    expect(strings.project.progress(1200, 5000)).toBe('1,200 of 5,000 records written')
    expect(strings.filters.shown(23, 23)).toBe('23 events')
    expect(strings.filters.shown(1, 10023)).toBe('1 of 10,023 events')
  })

  it('never tells the user a change cannot be undone', () => {
    const all: string[] = []
    const walk = (value: unknown): void => {
      if (typeof value === 'string') all.push(value)
      else if (typeof value === 'function') {
        // Words that take arguments, with stand-ins; one that needs a list is read as a list.
        const call = value as (...a: unknown[]) => unknown
        let out: unknown
        try {
          out = call('x', 1, 1, 1)
        } catch {
          out = call(['x'])
        }
        if (typeof out === 'string') all.push(out)
      } else if (value && typeof value === 'object') Object.values(value).forEach(walk)
    }
    walk(strings)
    expect(all.length).toBeGreaterThan(200)
    for (const text of all)
      expect(text).not.toMatch(/cannot be undone|can’t be undone|permanently/i)
  })

  it('gives an error in a sentence without a doubled full stop', () => {
    expect(strings.backups.notWritten(new Error('Disk full.'))).toBe(
      'The backup was not written: Disk full. Free some space, then try again.',
    )
    expect(errorText('plain')).toBe('plain')
  })
})

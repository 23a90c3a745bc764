import { describe, expect, it } from 'vitest'
import { backupReasonWords, backupTimeWords, isImportedCopy } from './words'

describe('backup words', () => {
  it('says when, relative to now', () => {
    const now = new Date('2024-05-01T15:30:00.000Z')
    expect(backupTimeWords('2024-05-01T12:30:00.000Z', now, 'en-GB')).toMatch(/\(3 hours ago\)$/)
    expect(backupTimeWords('2024-05-01T15:29:58.000Z', now, 'en-GB')).toMatch(/\(just now\)$/)
    expect(backupTimeWords('2024-04-28T15:30:00.000Z', now, 'en-GB')).toMatch(/\(3 days ago\)$/)
    expect(backupTimeWords('2024-05-01T12:30:00.000Z', now, 'en-GB')).toMatch(/2024/)
  })

  it('says why', () => {
    expect(backupReasonWords('scheduled')).toBe('Automatic (hourly)')
    expect(backupReasonWords('before-import')).toBe('Before an import or restore')
  })

  it('knows the ids a merge gives to copies', () => {
    expect(isImportedCopy('user-event-1-copy-0a1b2c3d')).toBe(true)
    expect(isImportedCopy('user-event-1')).toBe(false)
    expect(isImportedCopy('copy-0a1b2c3d-x')).toBe(false)
  })
})

import { describe, expect, it } from 'vitest'
import { formatBytes } from './bytes'

describe('formatBytes', () => {
  it('counts in SI units with one decimal below a hundred', () => {
    expect(formatBytes(0)).toBe('0 bytes')
    expect(formatBytes(1)).toBe('1 byte')
    expect(formatBytes(999)).toBe('999 bytes')
    expect(formatBytes(1000)).toBe('1 kB')
    expect(formatBytes(3400)).toBe('3.4 kB')
    expect(formatBytes(830_200)).toBe('831 kB')
    expect(formatBytes(10_000_000)).toBe('10 MB')
    expect(formatBytes(52_400_000)).toBe('52.4 MB')
    expect(formatBytes(201_000_000)).toBe('201 MB')
    expect(formatBytes(2_500_000_000)).toBe('2.5 GB')
  })

  it('never prints a size over a limit as the limit', () => {
    for (const limit of [1000, 10_000, 150_000, 1_000_000, 10_000_000, 200_000_000]) {
      for (const over of [1, 7, 99, 999]) {
        expect(formatBytes(limit + over)).not.toBe(formatBytes(limit))
      }
    }
    expect(formatBytes(10_000_001)).toBe('10.1 MB')
    expect(formatBytes(200_000_001)).toBe('201 MB')
  })

  it('moves to the next unit rather than print 1000 of one', () => {
    expect(formatBytes(999_999)).toBe('1 MB')
    expect(formatBytes(999_950)).toBe('1 MB')
    expect(formatBytes(999_000)).toBe('999 kB')
  })
})

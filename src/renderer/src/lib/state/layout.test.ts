import { describe, expect, it } from 'vitest'
import { DEFAULT_LAYOUT, readLayout } from './layout.svelte'

describe('readLayout', () => {
  it('falls back to the defaults for nothing, bad JSON or bad values', () => {
    expect(readLayout(null)).toEqual(DEFAULT_LAYOUT)
    expect(readLayout('{not json')).toEqual(DEFAULT_LAYOUT)
    expect(readLayout(JSON.stringify({ sideWidth: -4, timelineHeight: 'tall' }))).toEqual(
      DEFAULT_LAYOUT,
    )
  })

  it('keeps what was stored', () => {
    const stored = {
      timelineHeight: 420,
      sideWidth: 380,
      readerCollapsed: true,
      sideCollapsed: false,
      orientationDone: true,
    }
    expect(readLayout(JSON.stringify(stored))).toEqual(stored)
    expect(readLayout(JSON.stringify({ orientationDone: true }))).toEqual({
      ...DEFAULT_LAYOUT,
      orientationDone: true,
    })
  })
})

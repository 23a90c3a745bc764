import { describe, expect, it } from 'vitest'
import { itemAfterKey, itemName } from './timeline-keys'
import type { TimelineItemModel } from './timeline-items'

const item = (id: string, start: number, group = 'a', className = ''): TimelineItemModel => ({
  id,
  group,
  label: id,
  tooltip: `${id}\n1 January 2000 · one source`,
  start,
  end: null,
  type: 'point',
  className,
})

const lanes = new Map([
  ['a', 0],
  ['b', 1],
])

describe('itemAfterKey', () => {
  const items = [item('late', 30), item('early', 10), item('same-b', 20, 'b'), item('same-a', 20)]
  const at = (id: string) => items.find((i) => i.id === id)!

  it('walks by time, then by lane', () => {
    expect(itemAfterKey(items, at('early'), 'next', lanes)?.id).toBe('same-a')
    expect(itemAfterKey(items, at('same-a'), 'next', lanes)?.id).toBe('same-b')
    expect(itemAfterKey(items, at('same-b'), 'previous', lanes)?.id).toBe('same-a')
  })

  it('stops at either end and jumps to them', () => {
    expect(itemAfterKey(items, at('late'), 'next', lanes)).toBeNull()
    expect(itemAfterKey(items, at('early'), 'previous', lanes)).toBeNull()
    expect(itemAfterKey(items, at('same-a'), 'first', lanes)?.id).toBe('early')
    expect(itemAfterKey(items, at('same-a'), 'last', lanes)?.id).toBe('late')
  })

  it('starts from an end, or from where an item not among them would be', () => {
    expect(itemAfterKey(items, item('gone', 25), 'next', lanes)?.id).toBe('late')
    expect(itemAfterKey(items, null, 'previous', lanes)?.id).toBe('late')
    expect(itemAfterKey(items, item('gone', 25), 'previous', lanes)?.id).toBe('same-b')
    expect(itemAfterKey([], null, 'next', lanes)).toBeNull()
  })
})

describe('itemName', () => {
  it('keeps the whole title and the date on one line', () => {
    expect(itemName(item('A long title that the label elides', 0))).toBe(
      'A long title that the label elides. 1 January 2000 · one source',
    )
  })
})

import { describe, expect, it, vi } from 'vitest'
import { DataSet } from 'vis-data/peer'
import { drawChangesOnNextFrame } from './vis-batched-show'

type Listener = (event: string, params: { items: (string | number)[] }) => void

/** The parts of a vis Timeline the patch touches, over a real vis-data DataSet. */
function fakeTimeline() {
  const data = new DataSet<{ id: string }>()
  const eager = { add: vi.fn(), update: vi.fn(), remove: vi.fn() }
  const itemListeners: Record<string, Listener> = { ...eager }
  for (const [event, listener] of Object.entries(itemListeners)) data.on(event as 'add', listener)
  const show = vi.fn()
  const group = { items: {} as Record<string, unknown>, stackDirty: false, add: show }
  const itemSet = {
    groups: { lane: group },
    itemsData: data,
    itemListeners,
    id: 'item-set',
    _onAdd: vi.fn(),
    _onUpdate: vi.fn(),
    _onRemove: vi.fn(),
  }
  return { timeline: { itemSet }, data, eager, group, show, itemSet }
}

describe('drawChangesOnNextFrame', () => {
  it('changes nothing where vis is not as expected', () => {
    expect(drawChangesOnNextFrame({})).toBe(false)
    const { timeline, group, show } = fakeTimeline()
    timeline.itemSet.groups = {} as never
    expect(drawChangesOnNextFrame(timeline)).toBe(false)
    expect(group.add).toBe(show)
  })

  it('hands DataSet changes to vis without its immediate redraw', () => {
    const { timeline, data, eager, itemSet } = fakeTimeline()
    expect(drawChangesOnNextFrame(timeline)).toBe(true)
    data.add([{ id: 'a' }, { id: 'b' }])
    data.update({ id: 'a' })
    data.remove('b')
    expect(itemSet._onAdd).toHaveBeenCalledWith(['a', 'b'])
    expect(itemSet._onUpdate).toHaveBeenCalledWith(['a'])
    expect(itemSet._onRemove).toHaveBeenCalledWith(['b'])
    expect(eager.add).not.toHaveBeenCalled()
    expect(eager.update).not.toHaveBeenCalled()
    expect(eager.remove).not.toHaveBeenCalled()
  })

  it('a lane records a new item for its next redraw instead of drawing it', () => {
    const { timeline, group, show } = fakeTimeline()
    drawChangesOnNextFrame(timeline)
    const item = { id: 'a', setParent: vi.fn() }
    group.add(item as never)
    expect(show).not.toHaveBeenCalled()
    expect(group.items['a']).toBe(item)
    expect(item.setParent).toHaveBeenCalledWith(group)
    expect(group.stackDirty).toBe(true)
  })
})

describe('the installed vis-timeline', () => {
  it('still has the insides the patch replaces', async () => {
    // Not in vis's typings: its namespace of internal classes.
    const vis = (await import('vis-timeline/peer')) as unknown as {
      timeline: { components: Record<string, { prototype: Record<string, unknown> } | undefined> }
    }
    const { ItemSet, Group } = vis.timeline.components
    for (const name of ['_onAdd', '_onUpdate', '_onRemove', 'setItems'])
      expect(typeof ItemSet?.prototype[name]).toBe('function')
    expect(typeof Group?.prototype['add']).toBe('function')
    // setItems subscribes its itemListeners; the patch swaps them.
    expect(String(ItemSet?.prototype['setItems'])).toContain('itemListeners')
  })
})

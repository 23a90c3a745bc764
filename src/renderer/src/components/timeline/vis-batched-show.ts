/**
 * Two changes to how vis-timeline (8.5.4, pinned) takes item changes, so that a zoom or pan step
 * costs one redraw a frame, not one per change and a layout per item:
 * - a lane (`Group.add`) no longer shows and measures each new item in view the moment it is added
 *   (a forced layout per item); the next redraw creates all new items' elements, then measures them
 *   in one layout (`_updateItemsInRange`);
 * - adding, updating or removing items no longer redraws every lane at once; vis's own
 *   once-a-frame redraw (the one a range change asks for) draws them.
 * Where vis's insides are not as expected, nothing is changed and vis behaves as before.
 */

interface VisItem {
  id: string | number
  setParent(group: VisGroup): void
}

interface VisGroup {
  items: Record<string, VisItem>
  stackDirty: boolean
  add(item: VisItem): void
}

type Listener = (event: string, params: { items: (string | number)[] }) => void

interface VisItemSet {
  groups: Record<string, unknown>
  itemsData: {
    on(event: string, callback: Listener, id?: unknown): void
    off(event: string, callback: Listener): void
  } | null
  itemListeners: Record<'add' | 'update' | 'remove', Listener>
  id: unknown
  _onAdd(ids: (string | number)[]): void
  _onUpdate(ids: (string | number)[]): void
  _onRemove(ids: (string | number)[]): void
}

/** Patches `timeline` (just made, over its item DataSet); false when vis is not as expected. */
export function drawChangesOnNextFrame(timeline: object): boolean {
  const itemSet = (timeline as { itemSet?: Partial<VisItemSet> }).itemSet
  if (!isItemSet(itemSet)) return false
  const lanes = Object.values(itemSet.groups).filter(isGroup)
  if (lanes.length === 0) return false
  for (const group of lanes) {
    group.add = function add(this: VisGroup, item: VisItem) {
      this.items[item.id] = item
      item.setParent(this)
      // Restacking runs _updateItemsInRange, which shows what is in view, measured together.
      this.stackDirty = true
    }
  }
  // vis's handlers do this and then redraw at once; _onUpdate and _onRemove already ask for the
  // next frame's redraw.
  const quiet: Record<'add' | 'update' | 'remove', Listener> = {
    add: (_, params) => itemSet._onAdd(params.items),
    update: (_, params) => itemSet._onUpdate(params.items),
    remove: (_, params) => itemSet._onRemove(params.items),
  }
  const data = itemSet.itemsData
  if (!data) return false
  for (const event of ['add', 'update', 'remove'] as const) {
    data.off(event, itemSet.itemListeners[event])
    data.on(event, quiet[event], itemSet.id)
  }
  itemSet.itemListeners = quiet
  return true
}

function isItemSet(value: Partial<VisItemSet> | undefined): value is VisItemSet {
  return (
    value !== undefined &&
    typeof value.groups === 'object' &&
    typeof value.itemListeners === 'object' &&
    typeof value._onAdd === 'function' &&
    typeof value._onUpdate === 'function' &&
    typeof value._onRemove === 'function' &&
    typeof value.itemsData?.on === 'function' &&
    typeof value.itemsData.off === 'function'
  )
}

function isGroup(value: unknown): value is VisGroup {
  if (typeof value !== 'object' || value === null) return false
  const group = value as Partial<VisGroup>
  return typeof group.add === 'function' && typeof group.items === 'object' && 'stackDirty' in group
}

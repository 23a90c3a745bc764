/**
 * Which rows of a long list are in the page: rows share one fixed height, so a row's place is
 * its index times that height; only the rows in and near the scrolled view are drawn and the
 * rest are stood in for by empty space. DOM nodes stay bounded whatever the count. Used by the
 * event table and every list that grows with the project (components/common/VirtualList.svelte).
 */
export class VirtualRows {
  readonly #rowHeight: () => number
  /** Rows drawn above and below the view, so a fast scroll or a key press finds them there. */
  readonly overscan: number
  readonly #count: () => number
  #scrollTop = $state(0)
  #viewHeight = $state(600)
  #offset = $state(0)

  /** `count` and `rowHeight` are read when needed, so they may follow a component's props. */
  constructor(count: () => number, rowHeight: () => number, overscan = 20) {
    this.#count = count
    this.#rowHeight = rowHeight
    this.overscan = overscan
  }

  /** Every row's height in px. */
  get rowHeight(): number {
    return this.#rowHeight()
  }

  get count(): number {
    return this.#count()
  }

  /** The scrolling box's scrollTop. */
  get scrollTop(): number {
    return this.#scrollTop
  }
  set scrollTop(value: number) {
    this.#scrollTop = value
  }

  /** The scrolling box's visible height. */
  get viewHeight(): number {
    return this.#viewHeight
  }
  set viewHeight(value: number) {
    this.#viewHeight = value
  }

  /** px from the top of the scrolling box's content to the first row (a hint, a header). */
  get offset(): number {
    return this.#offset
  }
  set offset(value: number) {
    this.#offset = value
  }

  /** The first row drawn. */
  get first(): number {
    const above = Math.floor((this.#scrollTop - this.#offset) / this.rowHeight)
    return Math.max(0, above - this.overscan)
  }

  /** One past the last row drawn. */
  get last(): number {
    const below = Math.ceil((this.#scrollTop - this.#offset + this.#viewHeight) / this.rowHeight)
    return Math.min(this.count, below + this.overscan)
  }

  /** Space standing in for the rows above and below those drawn, in px. */
  get before(): number {
    return this.first * this.rowHeight
  }
  get after(): number {
    return Math.max(0, this.count - this.last) * this.rowHeight
  }

  /**
   * The scrollTop that shows row `index` whole, below `covered` px of sticky header, or the
   * current one when it is already in view.
   */
  scrollFor(index: number, covered = 0): number {
    const top = this.#offset + index * this.rowHeight
    if (top < this.#scrollTop + covered) return top - covered
    if (top + this.rowHeight > this.#scrollTop + this.#viewHeight)
      return top + this.rowHeight - this.#viewHeight
    return this.#scrollTop
  }
}

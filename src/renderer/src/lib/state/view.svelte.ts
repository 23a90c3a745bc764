/** Which twin of the event view is shown: the timeline or its accessible table. */
export class ViewMode {
  #mode = $state<'timeline' | 'table'>('timeline')

  get mode(): 'timeline' | 'table' {
    return this.#mode
  }

  set mode(mode: 'timeline' | 'table') {
    this.#mode = mode
  }

  reset(): void {
    this.#mode = 'timeline'
  }
}

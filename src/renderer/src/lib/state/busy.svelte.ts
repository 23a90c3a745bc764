/**
 * Long work the user is waiting for (imports, exports, backups). The indicator appears only after
 * a short delay so quick work does not flash it.
 */
export const BUSY_DELAY_MS = 300

export interface BusyTask {
  id: number
  label: string
  /** 0–1 when the work can tell how far it is; null draws an indeterminate bar. */
  progress: number | null
  /** Set for work that can be stopped (reading a page): aborts the signal `run` gave it. */
  cancel?: () => void
}

export class Busy {
  #tasks = $state<BusyTask[]>([])
  #next = 1

  /** The tasks that have run longer than BUSY_DELAY_MS, oldest first. */
  get tasks(): readonly BusyTask[] {
    return this.#tasks
  }

  get active(): boolean {
    return this.#tasks.length > 0
  }

  /**
   * Runs `work`, showing `label` while it takes longer than the delay. `work` may report progress
   * (0–1) through the function it receives. With `cancellable`, the task offers Cancel, which
   * aborts the signal `work` receives; `work` should then reject. Rejects as `work` does.
   */
  async run<T>(
    label: string,
    work: (report: (progress: number) => void, signal: AbortSignal) => Promise<T>,
    options: { cancellable?: boolean } = {},
  ): Promise<T> {
    const id = this.#next++
    let progress: number | null = null
    const controller = new AbortController()
    const cancel = options.cancellable ? () => controller.abort() : undefined
    const timer = setTimeout(() => {
      this.#tasks = [...this.#tasks, { id, label, progress, cancel }]
    }, BUSY_DELAY_MS)
    const report = (value: number) => {
      progress = Math.min(1, Math.max(0, value))
      this.#tasks = this.#tasks.map((t) => (t.id === id ? { ...t, progress } : t))
    }
    try {
      return await work(report, controller.signal)
    } finally {
      clearTimeout(timer)
      this.#tasks = this.#tasks.filter((t) => t.id !== id)
    }
  }
}

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
   * (0–1) through the function it receives. Rejects as `work` does.
   */
  async run<T>(
    label: string,
    work: (report: (progress: number) => void) => Promise<T>,
  ): Promise<T> {
    const id = this.#next++
    let progress: number | null = null
    const timer = setTimeout(() => {
      this.#tasks = [...this.#tasks, { id, label, progress }]
    }, BUSY_DELAY_MS)
    const report = (value: number) => {
      progress = Math.min(1, Math.max(0, value))
      this.#tasks = this.#tasks.map((t) => (t.id === id ? { ...t, progress } : t))
    }
    try {
      return await work(report)
    } finally {
      clearTimeout(timer)
      this.#tasks = this.#tasks.filter((t) => t.id !== id)
    }
  }
}

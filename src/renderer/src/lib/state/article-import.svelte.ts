/**
 * Files waiting to be imported, and the one the person is reviewing. Files chosen, dropped or
 * pasted together are read one after another: each is reviewed (or refused with a message) before
 * the next is read, so nothing is skipped and only one form is open at a time.
 */
import { ArticleFileError, type ImportFile, type ReadArticleFile } from '../import/read-file'
import { strings } from '../strings'

/** An existing imported article with the same content (same SHA-256). */
export interface DuplicateOf {
  id: string
  title: string
}

/** One file read and waiting for the person's review. */
export interface ImportReview {
  id: number
  fileName: string
  size: number
  read: ReadArticleFile
  duplicateOf: DuplicateOf | null
}

export interface ImportQueueDeps {
  /** Reads one file; rejects with an ArticleFileError of code 'cancelled' once `signal` aborts. */
  read(file: ImportFile, signal: AbortSignal): Promise<ReadArticleFile>
  findDuplicate(sha256: string): Promise<DuplicateOf | undefined>
  /** A file was refused or could not be read; the message says which and why. */
  onerror(message: string): void
  /** The person cancelled reading a file; the message names it. */
  oncancel(message: string): void
  /** Wraps reading so slow work shows progress (busy.run) and can be cancelled. */
  run<T>(label: string, work: (signal: AbortSignal) => Promise<T>): Promise<T>
}

export class ImportQueue {
  #pending = $state.raw<ImportFile[]>([])
  #current = $state.raw<ImportReview | null>(null)
  #reading = $state(false)
  #readingName = $state<string | null>(null)
  #next = 1
  readonly #deps: ImportQueueDeps

  constructor(deps: ImportQueueDeps) {
    this.#deps = deps
  }

  /** The file under review, or null. */
  get current(): ImportReview | null {
    return this.#current
  }

  /** Files not yet read, after the current one. */
  get waiting(): number {
    return this.#pending.length
  }

  get reading(): boolean {
    return this.#reading
  }

  /** The file being read now, for a status line; null between files. */
  get readingName(): string | null {
    return this.#readingName
  }

  /** Queues files; reading starts at once when nothing is under review. */
  add(files: readonly ImportFile[]): Promise<void> {
    this.#pending = [...this.#pending, ...files]
    return this.#advance()
  }

  /** The current file is done with (saved or cancelled): go on to the next. */
  finish(): Promise<void> {
    this.#current = null
    return this.#advance()
  }

  /** Drops the current file and every file still waiting. */
  reset(): void {
    this.#pending = []
    this.#current = null
  }

  async #advance(): Promise<void> {
    if (this.#reading) return
    this.#reading = true
    try {
      while (this.#current === null && this.#pending.length > 0) {
        const [file, ...rest] = this.#pending
        this.#pending = rest
        await this.#readOne(file!)
      }
    } finally {
      this.#reading = false
    }
  }

  async #readOne(file: ImportFile): Promise<void> {
    this.#readingName = file.name
    try {
      const { read, duplicate } = await this.#deps.run(
        strings.readingFile(file.name),
        async (signal) => {
          const read = await this.#deps.read(file, signal)
          return { read, duplicate: await this.#deps.findDuplicate(read.sha256) }
        },
      )
      this.#current = {
        id: this.#next++,
        fileName: file.name,
        size: file.size,
        read,
        duplicateOf: duplicate ?? null,
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      if (error instanceof ArticleFileError && error.code === 'cancelled')
        this.#deps.oncancel(message)
      else this.#deps.onerror(message)
    } finally {
      this.#readingName = null
    }
  }
}

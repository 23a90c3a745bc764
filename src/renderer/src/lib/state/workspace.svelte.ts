/**
 * The main screen's state: the bundled and imported articles, the live queries over the user's
 * work, the models derived from them (lib/domain/overview.ts), and what the user's commands do to
 * them (select, undo, save). Construct it inside a component: its live queries end with it.
 */
import { untrack } from 'svelte'
import type { Corpus, Stance } from '$shared/corpus'
import { loadBundledCorpus } from '../corpus/load'
import { LiveQuery } from '../db/live.svelte'
import { allNotes } from '../db/queries/notes'
import { EMPTY_LAYER, userLayer, type UserLayer } from '../db/queries/annotations'
import { TimelineCache } from './timeline-cache.svelte'
import { importedArticles } from '../db/queries/articles'
import { addEvidence, createEvent, type NewEvent, type Passage } from '../db/actions/annotations'
import { editEntities } from '../db/actions/entities'
import { HistoryStopped, redo, undo, undoState } from '../db/actions/undo'
import { describeDate, sortByDatePaced } from '../domain/dates'
import { eventCombinerPaced, eventFilter, type AppEvent } from '../domain/events'
import { filterPaced, mapPaced, nextTask, type Pacer } from '../domain/pacing'
import {
  applyEntityEditsLeniently,
  namesEntity,
  type Entity,
  type EntityEdit,
} from '../domain/entities'
import { importedToArticle } from '../domain/import/to-article'
import {
  eventOverview,
  mentionsByEntity,
  noteCountsByEvent,
  type EntityOption,
} from '../domain/overview'
import { toTimelineItem, type TimelineItemModel } from '../domain/timeline-items'
import { NO_ASSESSMENTS, assessments, type Assessments } from '../db/queries/grades'
import { GradeBook, supportSummary } from '../domain/grading'
import { findConflicts } from '../domain/conflicts'
import { suggestForPassage, type DateSuggestion } from '../domain/date-suggestions'
import { codePointToIndex } from '../domain/quotes'
import { isOrphan } from '../domain/annotation-lists'
import type { Highlight, ImportedArticle, Note } from '../domain/types'
import { strings } from '../strings'
import { Busy } from './busy.svelte'
import { Filters } from './filters.svelte'
import { Messages } from './messages.svelte'
import { Layout } from './layout.svelte'
import { PacedValue } from './paced.svelte'
import { Panel, type PanelMode } from './panel.svelte'
import { Selection } from './selection.svelte'
import { ViewMode } from './view.svelte'
import type { TimelinePreview } from '../domain/timeline-snapshot'

const NO_EVENTS: AppEvent[] = []

interface CachedItem {
  notes: number
  grades: GradeBook
  item: TimelineItemModel | null
}

interface Shown {
  events: AppEvent[]
  items: TimelineItemModel[]
  undated: AppEvent[]
  /** Worked out from the user's tables (false until they have been read once). */
  complete: boolean
}

interface Combined {
  events: AppEvent[]
  /** The user's tables the events were worked out from. */
  layer: UserLayer
}

export class Workspace {
  readonly selection = new Selection()
  readonly messages = new Messages()
  readonly busy = new Busy()
  readonly filters = new Filters()
  readonly panel = new Panel()
  readonly view = new ViewMode()
  readonly layout = new Layout()
  /** The timeline's stored index: drawn on reload before the rows are read (lib/db/timeline-cache.ts). */
  readonly #cache = new TimelineCache()
  readonly notes = new LiveQuery<Note[]>(this.#cache.stamped(['notes'], allNotes), [])
  readonly layer = new LiveQuery<UserLayer>(
    this.#cache.stamped(['userEvents', 'evidence', 'eventAnnotations'], userLayer),
    EMPTY_LAYER,
  )
  readonly imported = new LiveQuery<ImportedArticle[]>(importedArticles, [])
  /** The user's grades and explained conflicts. */
  readonly assessed = new LiveQuery<Assessments>(
    this.#cache.stamped(['grades'], assessments),
    NO_ASSESSMENTS,
  )

  #bundledCorpus = $state.raw<Corpus | null>(null)
  #bundledEntities = $state.raw<Entity[]>([])
  #loadError = $state<string | null>(null)
  #selectedHighlightId = $state<string | null>(null)

  /** The bundled corpus alone: project files and backups are checked against it. */
  get bundledCorpus(): Corpus | null {
    return this.#bundledCorpus
  }

  get loadError(): string | null {
    return this.#loadError
  }

  get selectedHighlightId(): string | null {
    return this.#selectedHighlightId
  }

  /** The bundled articles and the imported ones, read, quoted and exported alike. */
  readonly corpus = $derived.by<Corpus | null>(() => {
    const bundled = this.#bundledCorpus
    return (
      bundled && {
        ...bundled,
        articles: [...bundled.articles, ...this.imported.value.map(importedToArticle)],
      }
    )
  })
  readonly importedById = $derived(new Map(this.imported.value.map((a) => [a.id, a])))
  /**
   * Every event, curated and the user's, combined and sorted by date. Worked out in slices
   * (PacedValue): at 100,000 events one pass froze the window for seconds.
   */
  readonly #combined = new PacedValue(
    () => ({
      corpus: this.corpus,
      // Nothing until the user's tables have answered once: working out the bundled events
      // alone first is a pass (and a draw) thrown away as soon as they do. Notes and grades mark
      // the items: without them the first items would be drawn again at once.
      layer:
        this.layer.loading || this.imported.loading || this.notes.loading || this.assessed.loading
          ? null
          : this.layer.value,
    }),
    async ({ corpus, layer }, pacer): Promise<Combined | null> => {
      if (!corpus || !layer) return null
      const combiner = await eventCombinerPaced(layer.evidence, layer.annotations, pacer)
      const combined = corpus.events.map(combiner.curated)
      for (const event of await mapPaced(layer.userEvents, combiner.user, pacer))
        combined.push(event)
      return { events: await sortByDatePaced(combined, pacer), layer }
    },
    null,
    () => !this.reading,
  )
  /**
   * True while any of the user's tables is being read again after a change. The events wait for
   * all of them: after a large change (an import, its undo) each table answers seconds apart, and
   * working out 100,000 events for each answer made garbage the collector paused the window for.
   */
  get reading(): boolean {
    return (
      this.layer.reading || this.imported.reading || this.notes.reading || this.assessed.reading
    )
  }
  get allEvents(): AppEvent[] {
    return this.#combined.value?.events ?? NO_EVENTS
  }
  /** True while allEvents is behind the data (being worked out in slices). */
  get eventsPending(): boolean {
    return this.#combined.pending
  }
  readonly entities = $derived(
    applyEntityEditsLeniently(this.#bundledEntities, this.layer.value.entityEdits).entities,
  )
  readonly grades = $derived(new GradeBook(this.assessed.value.grades))
  readonly noteCounts = $derived(noteCountsByEvent(this.notes.value))
  /**
   * Each event's item, kept by event object: a filter change maps nothing again. A changed event
   * is a new object; its note count and the grades are checked. A Map, not a WeakMap, carried
   * over to each new set of events (#carryItems): a WeakMap of 100,000 entries is work for every
   * major garbage collection's final pause, which at that size already runs past 100 ms.
   */
  #itemCache = new Map<AppEvent, CachedItem>()
  #itemsOf: Combined | null = null
  /**
   * The events the filters let through, their timeline items and the undated ones, worked out in
   * slices. A filter key is an entity id, or a name no entity knows.
   */
  readonly #shown = new PacedValue(
    () => ({
      all: this.#combined.value,
      filter: this.filters.value,
      entities: this.entities,
      grades: this.grades,
      noteCounts: this.noteCounts,
    }),
    async ({ all, filter, entities, grades, noteCounts }, pacer): Promise<Shown> => {
      if (all !== this.#itemsOf) await this.#carryItems(all, pacer)
      const keep = eventFilter(
        filter,
        (name, key) => name === key || namesEntity(entities, name, key),
        grades,
      )
      const events = await filterPaced(all?.events ?? NO_EVENTS, keep, pacer)
      const items: TimelineItemModel[] = []
      const undated: AppEvent[] = []
      for (const e of events) {
        const item = this.#item(e, noteCounts.get(e.id) ?? 0, grades)
        if (item) items.push(item)
        else undated.push(e)
        if (pacer.due()) await pacer.pause()
      }
      return { events, items, undated, complete: all !== null }
    },
    { events: [], items: [], undated: [], complete: false },
    () => !this.reading,
  )
  get events(): AppEvent[] {
    return this.#shown.value.events
  }
  /** The timeline's items: while the rows are still being read, those of the stored index. */
  get items(): TimelineItemModel[] {
    return this.#preview?.items ?? this.#shown.value.items
  }
  get undated(): AppEvent[] {
    return this.#shown.value.undated
  }
  /** True until the user's tables have been read and every event worked out once. */
  get eventsLoading(): boolean {
    return !this.#shown.value.complete
  }
  /**
   * Shown and total events for the filter bar; while loading, the stored index's total (when no
   * filter is set), else null: nothing is known yet.
   */
  get eventCount(): { shown: number; total: number } | null {
    const preview = this.#preview
    if (preview) return { shown: preview.total, total: preview.total }
    if (this.eventsLoading) return null
    return { shown: this.events.length, total: this.allEvents.length }
  }
  /** The undated events' count, known from the stored index before they are read. */
  get undatedCount(): number | null {
    const preview = this.#preview
    if (preview) return preview.undated
    return this.eventsLoading ? null : this.undated.length
  }
  /** The stored index's picture, used only while loading and while no filter narrows it. */
  get #preview(): TimelinePreview | null {
    return this.eventsLoading && !this.filters.active ? this.#cache.preview : null
  }

  /** Keeps the cached items of the events still there, and drops the rest. */
  async #carryItems(all: Combined | null, pacer: Pacer): Promise<void> {
    const kept = new Map<AppEvent, CachedItem>()
    for (const e of all?.events ?? NO_EVENTS) {
      const cached = this.#itemCache.get(e)
      if (cached) kept.set(e, cached)
      if (pacer.due()) await pacer.pause()
    }
    this.#itemCache = kept
    this.#itemsOf = all
  }

  #item(e: AppEvent, notes: number, grades: GradeBook): TimelineItemModel | null {
    const cached = this.#itemCache.get(e)
    if (cached && cached.notes === notes && cached.grades === grades) return cached.item
    const item = toTimelineItem(
      e,
      notes,
      describeDate(e.date),
      undefined,
      // Before anything is graded every event would carry the "ungraded" mark: no news.
      grades.size > 0 ? supportSummary(e, grades) : undefined,
    )
    this.#itemCache.set(e, { notes, grades, item })
    return item
  }

  constructor() {
    // Once the events are worked out from the rows, the stored index follows them.
    $effect(() => {
      const combined = this.#combined.value
      const bundled = this.#bundledCorpus
      if (!combined || !bundled || this.#combined.pending) return
      const from = [combined.layer, this.notes.value, this.assessed.value]
      const noteCounts = this.noteCounts
      const grades = this.grades
      untrack(() =>
        this.#cache.save({
          events: combined.events,
          item: (e) => this.#item(e, noteCounts.get(e.id) ?? 0, grades),
          from,
          bundled: bundled.events,
        }),
      )
    })
    // The preview's items are let go once the rows are in.
    $effect(() => {
      if (!this.eventsLoading) untrack(() => this.#cache.release())
    })
  }

  readonly selectedEvent = $derived(
    this.allEvents.find((e) => e.id === this.selection.eventId) ?? null,
  )
  readonly selectedNotes = $derived(
    this.selectedEvent ? this.notes.value.filter((n) => n.eventId === this.selectedEvent?.id) : [],
  )
  /** The filter's choices and each entity's event count, over every event in slices. */
  readonly #overview = new PacedValue(
    () => ({ entities: this.entities, events: this.allEvents }),
    ({ entities, events }, pacer) => eventOverview(entities, events, pacer),
    { entityOptions: [], eventCounts: new Map<string, number>(), tagOptions: [] },
  )
  get entityOptions(): EntityOption[] {
    return this.#overview.value.entityOptions
  }
  get eventCounts(): Map<string, number> {
    return this.#overview.value.eventCounts
  }
  get tagOptions(): string[] {
    return this.#overview.value.tagOptions
  }
  readonly mentions = $derived(mentionsByEntity(this.entities, this.corpus?.articles ?? []))
  readonly articleById = $derived(new Map((this.corpus?.articles ?? []).map((a) => [a.id, a])))
  /** One re-anchoring; the Highlights and notes panel checks them all, in slices. */
  isOrphan(highlight: Highlight): boolean {
    return isOrphan(highlight, this.articleById.get(highlight.articleId)?.body)
  }

  /** Where sources disagree; read only while the Conflicts panel shows (every quote is read). */
  readonly conflicts = $derived(
    this.panel.mode.kind === 'conflicts'
      ? findConflicts(this.allEvents, (id) => this.articleById.get(id)?.published ?? null)
      : [],
  )

  /** Dates read from a passage (and the sentences around it), offered in the new-event form. */
  passageDates(passage: Passage | null): DateSuggestion[] {
    const article = passage ? this.articleById.get(passage.articleId) : undefined
    if (!passage || !article) return []
    const start = codePointToIndex(article.body, passage.position.start)
    const end = codePointToIndex(article.body, passage.position.end)
    return suggestForPassage(article.body, start, end, article.published)
  }

  /** Loads the bundled articles once; problems become messages or the load error. */
  async load(): Promise<void> {
    try {
      // The stored index is read beside the corpus, and drawn only if still current.
      const stored = this.#cache.read()
      const loaded = await loadBundledCorpus()
      void this.#cache.open(stored, loaded.corpus.events, () => this.eventsLoading)
      // The screen is built as the corpus is set: in a task of its own, not after reading it.
      await nextTask()
      this.#bundledCorpus = loaded.corpus
      this.#bundledEntities = loaded.entities
      for (const problem of loaded.checksumProblems) this.messages.show('error', problem)
    } catch (error) {
      this.#loadError = error instanceof Error ? error.message : String(error)
    }
  }

  selectEvent(eventId: string | null, articleId: string | null = null): void {
    this.selection.select(eventId, articleId)
    this.#selectedHighlightId = null
    this.panel.show({ kind: 'event' })
  }

  /** Shows a side panel, opening the side pane if it was collapsed. */
  showPanel(mode: PanelMode): void {
    this.layout.showSide()
    this.panel.show(mode)
  }

  showHighlight(highlight: Highlight): void {
    this.#selectedHighlightId = highlight.id
    this.selection.select(null, highlight.articleId)
    this.showPanel({ kind: 'highlight', highlightId: highlight.id })
  }

  showHighlightById(id: string): void {
    const highlight = this.layer.value.highlights.find((h) => h.id === id)
    if (highlight) this.showHighlight(highlight)
  }

  /** After a highlight is deleted: nothing is focused and the annotations list shows. */
  forgetHighlight(): void {
    this.#selectedHighlightId = null
    this.panel.show({ kind: 'annotations' })
  }

  /** "Outlet — Title" for a quote's source line. */
  sourceLine(articleId: string): string {
    const article = this.articleById.get(articleId)
    return article ? `${article.outlet ?? strings.outletNotNamed} — ${article.title}` : articleId
  }

  /** Runs a change; shows `done` when it worked and the error when it did not. */
  async attempt(work: () => Promise<unknown>, done: string): Promise<boolean> {
    try {
      await work()
      this.messages.show('success', done)
      return true
    } catch (error) {
      this.messages.show('error', error instanceof Error ? error.message : String(error))
      return false
    }
  }

  undo(): Promise<void> {
    return this.#historyStep('undo')
  }

  redo(): Promise<void> {
    return this.#historyStep('redo')
  }

  /** Undo or redo under the busy indicator: progress for a large one, and Cancel. */
  async #historyStep(direction: 'undo' | 'redo'): Promise<void> {
    const label = (direction === 'undo' ? undoState.undoLabel : undoState.redoLabel) ?? ''
    try {
      const done = await this.busy.run(
        direction === 'undo' ? strings.undoing(label) : strings.redoing(label),
        (report, signal) =>
          (direction === 'undo' ? undo : redo)({
            signal,
            onprogress: (rows, total) => report(total === 0 ? 1 : rows / total),
          }),
        { cancellable: true },
      )
      if (done)
        this.messages.show(
          'info',
          direction === 'undo' ? strings.undone(done) : strings.redone(done),
        )
    } catch (error) {
      if (error instanceof HistoryStopped)
        this.messages.show('info', strings.undoStopped(direction))
      else this.messages.show('error', strings.couldNot(direction, error))
    }
  }

  async saveNewEvent(input: NewEvent, passage: Passage | null): Promise<boolean> {
    try {
      const created = await createEvent(input, passage)
      this.messages.show('success', strings.eventCreated(created.title))
      this.selectEvent(created.id, passage?.articleId ?? null)
      return true
    } catch (error) {
      this.messages.show('error', (error as Error).message)
      return false
    }
  }

  editEntity(edit: EntityEdit): Promise<boolean> {
    return this.attempt(() => editEntities(this.entities, edit), strings.savedUndoable)
  }

  async addQuote(passage: Passage, stance: Stance): Promise<void> {
    const event = this.selectedEvent
    if (!event) return
    await this.attempt(
      () => addEvidence(event.id, passage, stance),
      strings.quoteAdded(event.title, stance),
    )
  }
}

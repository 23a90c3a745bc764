/**
 * The main screen's state: the bundled and imported articles, the live queries over the user's
 * work, the models derived from them (lib/domain/overview.ts), and what the user's commands do to
 * them (select, undo, save). Construct it inside a component: its live queries end with it.
 */
import type { Corpus, Stance } from '$shared/corpus'
import { loadBundledCorpus } from '../corpus/load'
import { LiveQuery } from '../db/live.svelte'
import { allNotes } from '../db/queries/notes'
import { EMPTY_LAYER, userLayer, type UserLayer } from '../db/queries/annotations'
import { importedArticles } from '../db/queries/articles'
import { addEvidence, createEvent, type NewEvent, type Passage } from '../db/actions/annotations'
import { editEntities } from '../db/actions/entities'
import { redo, undo } from '../db/actions/undo'
import { compareByDate, describeDate } from '../domain/dates'
import { combineEvents, filterEvents } from '../domain/events'
import {
  applyEntityEditsLeniently,
  namesEntity,
  type Entity,
  type EntityEdit,
} from '../domain/entities'
import { importedToArticle } from '../domain/import/to-article'
import {
  entityOptions,
  eventCountsByEntity,
  mentionsByEntity,
  noteCountsByEvent,
  orphanHighlightIds,
  tagOptions,
} from '../domain/overview'
import { isDated, toTimelineItem } from '../domain/timeline-items'
import type { Highlight, ImportedArticle, Note } from '../domain/types'
import { strings } from '../strings'
import { Busy } from './busy.svelte'
import { Filters } from './filters.svelte'
import { Messages } from './messages.svelte'
import { Layout } from './layout.svelte'
import { Panel, type PanelMode } from './panel.svelte'
import { Selection } from './selection.svelte'
import { ViewMode } from './view.svelte'

export class Workspace {
  readonly selection = new Selection()
  readonly messages = new Messages()
  readonly busy = new Busy()
  readonly filters = new Filters()
  readonly panel = new Panel()
  readonly view = new ViewMode()
  readonly layout = new Layout()
  readonly notes = new LiveQuery<Note[]>(allNotes, [])
  readonly layer = new LiveQuery<UserLayer>(userLayer, EMPTY_LAYER)
  readonly imported = new LiveQuery<ImportedArticle[]>(importedArticles, [])

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
  readonly allEvents = $derived(
    this.corpus
      ? combineEvents(
          this.corpus.events,
          this.layer.value.userEvents,
          this.layer.value.evidence,
          this.layer.value.annotations,
        ).sort(compareByDate)
      : [],
  )
  readonly entities = $derived(
    applyEntityEditsLeniently(this.#bundledEntities, this.layer.value.entityEdits).entities,
  )
  /** The events the filters let through. A filter key is an entity id, or a name no entity knows. */
  readonly events = $derived(
    filterEvents(
      this.allEvents,
      this.filters.value,
      (name, key) => name === key || namesEntity(this.entities, name, key),
    ),
  )
  readonly noteCounts = $derived(noteCountsByEvent(this.notes.value))
  readonly items = $derived(
    this.events
      .map((e) => toTimelineItem(e, this.noteCounts.get(e.id) ?? 0, describeDate(e.date)))
      .filter((i) => i !== null),
  )
  readonly undated = $derived(this.events.filter((e) => !isDated(e)))
  readonly selectedEvent = $derived(
    this.allEvents.find((e) => e.id === this.selection.eventId) ?? null,
  )
  readonly selectedNotes = $derived(
    this.selectedEvent ? this.notes.value.filter((n) => n.eventId === this.selectedEvent?.id) : [],
  )
  readonly entityOptions = $derived(entityOptions(this.entities, this.allEvents))
  readonly mentions = $derived(mentionsByEntity(this.entities, this.corpus?.articles ?? []))
  readonly eventCounts = $derived(eventCountsByEntity(this.entities, this.allEvents))
  readonly tagOptions = $derived(tagOptions(this.allEvents))
  readonly articleById = $derived(new Map((this.corpus?.articles ?? []).map((a) => [a.id, a])))
  readonly orphanIds = $derived(
    orphanHighlightIds(
      this.layer.value.highlights,
      new Map([...this.articleById].map(([id, a]) => [id, a.body])),
    ),
  )

  /** Loads the bundled articles once; problems become messages or the load error. */
  async load(): Promise<void> {
    try {
      const loaded = await loadBundledCorpus()
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

  async undo(): Promise<void> {
    try {
      const label = await undo()
      if (label) this.messages.show('info', strings.undone(label))
    } catch (error) {
      this.messages.show('error', strings.couldNot('undo', error))
    }
  }

  async redo(): Promise<void> {
    try {
      const label = await redo()
      if (label) this.messages.show('info', strings.redone(label))
    } catch (error) {
      this.messages.show('error', strings.couldNot('redo', error))
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

/**
 * The words of the main screen in one place, so they are read together and can later be
 * translated: labels, messages and counts. Counts go through `plural` (Intl.PluralRules), never
 * `n + 's'`. Other screens keep their words beside their markup until they move here.
 */

const rules = new Intl.PluralRules('en')

/** "1 note", "3 notes", "0 notes". `forms` names the word for each plural category English uses. */
export function plural(n: number, forms: { one: string; other: string }): string {
  const category = rules.select(n)
  const word = category === 'one' ? forms.one : forms.other
  return `${n.toLocaleString('en')} ${word}`
}

const count =
  (one: string, other = `${one}s`) =>
  (n: number) =>
    plural(n, { one, other })

export const counts = {
  events: count('event'),
  articles: count('article'),
  notes: count('note'),
  highlights: count('highlight'),
  mentions: count('mention'),
  quotes: count('quoted passage'),
  files: count('file'),
}

export const strings = {
  appName: 'Sourceline',
  outletNotNamed: 'Outlet not named',
  loading: 'Loading the articles…',
  loadErrorTitle: 'The bundled articles could not be loaded',
  loadErrorHelp: 'Your notes are untouched. Reinstalling Sourceline restores the bundled files.',
  notesUnreadable: (message: string) => `Your notes could not be read: ${message}`,

  undone: (label: string) => `Undone: ${label}.`,
  redone: (label: string) => `Redone: ${label}.`,
  couldNot: (what: string, error: unknown) =>
    `Could not ${what}: ${error instanceof Error ? error.message : String(error)}`,
  nothingToUndo: 'Nothing to undo',
  nothingToRedo: 'Nothing to redo',
  eventCreated: (title: string) => `Event “${title}” created.`,
  eventSaved: 'Event saved.',
  savedUndoable: 'Saved. Ctrl+Z undoes it.',
  highlightKept: 'Highlight kept.',
  highlightSaved: 'Highlight saved.',
  highlightDeleted: 'Highlight deleted. Ctrl+Z brings it back.',
  noteDeleted: 'Note deleted. Ctrl+Z brings it back.',
  quoteAdded: (title: string, stance: 'supports' | 'contradicts') =>
    stance === 'supports'
      ? `Quote added to “${title}”.`
      : `Contradicting quote added to “${title}”.`,

  linkOnlyHttps: (url: string) => `Only https links can be opened from a note (${url}).`,
  linkCouldNotOpen: (error: unknown) =>
    `Could not open the link: ${error instanceof Error ? error.message : String(error)}`,
  linkQuestion: 'Open this link in your web browser?',
  linkOpen: 'Open in browser',
  cancel: 'Cancel',

  groups: { view: 'View', panel: 'Side panel', action: 'Actions' },
  helpTitle: 'Keyboard shortcuts',
  helpIntro:
    'Shortcuts work anywhere except while you type in a field. On the focused timeline, + and − zoom, the arrow keys move and 0 fits every event.',
  close: 'Close',
  helpGroups: {
    view: 'Views',
    panel: 'Side panel',
    search: 'Search',
    action: 'Actions',
    timeline: 'Timeline',
    layout: 'Layout',
    help: 'Help',
  },

  introTitle: (events: number, articles: number) =>
    `${counts.events(events)} from ${counts.articles(articles)}`,
  introText:
    'Select an event on the timeline, in the Undated list or in the table to see the passages that support it. Click a highlighted passage to select its event. Select words in an article to keep them as a highlight, start an event, or add them to the selected event as evidence. Everything you write is kept on this computer.',
  newHighlight: 'New highlight',
  highlight: 'Highlight',
  highlightOrphan: 'This passage is no longer in the article as it was: it needs review.',
  keepHighlight: 'Keep highlight',
  saveHighlight: 'Save highlight',
  newEvent: 'New event',
  newEventFromPassage: 'New event from the selected passage',
  createEvent: 'Create event',
  editEvent: 'Edit event',
  saveEvent: 'Save event',
  details: 'Details',
  orientation: {
    title: 'Welcome to Sourceline',
    intro:
      'Three places to know. Everything you write stays on this computer, and Ctrl+Z undoes any change. Press ? for the keyboard shortcuts.',
    dismiss: 'Got it',
    timeline: {
      title: 'Timeline',
      text: 'Every dated event from the articles, one lane per kind. Click an event to read its sources.',
    },
    reader: {
      title: 'Reader',
      text: 'The article behind an event, with the quoted passages marked. Select words to keep a highlight or start an event.',
    },
    side: {
      title: 'Side panel',
      text: 'The selected event’s sources and your notes. Annotations lists every highlight and note; People & orgs, who is named where.',
    },
  },
} as const

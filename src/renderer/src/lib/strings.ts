/**
 * The UI's words in one place, grouped by screen, so they are read together and can later be
 * translated: labels, messages and counts. Counts go through `plural` (Intl.PluralRules), never
 * `n + 's'`; an error the user sees says what to do next. components/words.test.ts keeps words
 * out of every component's markup. Busy labels and messages built in lib/exports, lib/state and
 * lib/search come from here too; lib/db's command labels and write errors do not yet.
 */

import type { SearchKind } from './domain/search/sources'

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
  records: count('record'),
  newRecords: count('new record'),
  identicalRecords: count('identical record'),
  conflictingRecords: count('conflicting record'),
  problems: count('problem'),
  evidencePieces: count('piece of evidence', 'pieces of evidence'),
  /** "1 unreadable character was", "2 unreadable characters were". */
  unreadableCharacters: (n: number) =>
    plural(n, { one: 'unreadable character was', other: 'unreadable characters were' }),
  moreFiles: count('more file'),
  conflictPlaces: count('place'),
  /** "1 direction control was", "2 direction controls were". */
  directionControls: (n: number) =>
    plural(n, { one: 'direction control was', other: 'direction controls were' }),
}

/** An error's message, shown as it is. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** An error's message without its closing full stop, for a sentence that goes on after it. */
export function errorText(error: unknown): string {
  return errorMessage(error).replace(/\.\s*$/, '')
}

export const strings = {
  appName: 'Sourceline',
  outletNotNamed: 'Outlet not named',
  loading: 'Loading the articles…',
  loadErrorTitle: 'The bundled articles could not be loaded',
  loadErrorHelp: 'Your notes are untouched. Reinstalling Sourceline restores the bundled files.',
  notesUnreadable: (message: string) => `Your notes could not be read: ${message}`,

  /** A long list's button that draws the next rows. */
  showMore: (next: number, hidden: number) =>
    `Show ${next.toLocaleString('en')} more (${hidden.toLocaleString('en')} not shown)`,
  undone: (label: string) => `Undone: ${label}.`,
  redone: (label: string) => `Redone: ${label}.`,
  /** The busy indicator's label while a large undo or redo runs ("…" is added). */
  undoing: (label: string) => `Undoing ${label}`,
  redoing: (label: string) => `Redoing ${label}`,
  undoStopped: (what: 'undo' | 'redo') =>
    `The ${what} was cancelled; nothing was changed. ${what === 'undo' ? 'Undo' : 'Redo'} is still there to try again.`,
  couldNot: (what: string, error: unknown) => `Could not ${what}: ${errorMessage(error)}`,
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
  linkCouldNotOpen: (error: unknown) => `Could not open the link: ${errorMessage(error)}`,
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

  filters: {
    group: 'Filter events',
    all: 'All',
    category: 'Category',
    entity: 'Person or organisation',
    /** After a name among the person or organisation suggestions. */
    kinds: { person: 'person', organisation: 'organisation' },
    tag: 'Tag',
    source: 'Source',
    article: 'Article',
    event: 'Event',
    kind: 'Kind',
    support: 'Support at least',
    anySupport: 'Any',
    supportLevels: {
      weak: 'Weak (any graded evidence)',
      moderate: 'Moderate (C3 or better)',
      strong: 'Strong: well-supported only (B2 or better)',
    },
    matching: 'Matching',
    clearMatch: 'Show all events, not only those matching the search',
    /** "23 events", or "5 of 23 events" while filters hide some. */
    shown: (shown: number, total: number) =>
      shown === total
        ? counts.events(total)
        : `${shown.toLocaleString('en')} of ${counts.events(total)}`,
    clear: 'Clear filters',
    /** Beside the count while the events' rows are still being read after a start. */
    eventsLoading: 'Reading the events…',
    eventsLoadingTooltip:
      'The timeline is drawn from its stored index; filters, the table and the details follow once every event is read.',
  },

  /** A text box that suggests matching choices (the article pickers). */
  picker: {
    none: 'Nothing matches',
    more: (n: number) => `${n.toLocaleString('en')} more: type to narrow`,
  },

  /** Picking and checking a project file (Project file and Backups screens). */
  files: {
    checking: (name: string) => `Checking ${name}…`,
    /** After the file's name. */
    unusable: (problems: number) =>
      `cannot be used (${counts.problems(problems)}). Nothing was changed.`,
    savedAt: (iso: string) => `saved ${new Date(iso).toLocaleString()}`,
    filterName: 'Sourceline project',
  },

  project: {
    title: 'Project file',
    saveHeading: 'Save',
    saveText:
      'One file with everything you made: notes, highlights, your events and quotes, tags, people and organisation edits, and imported articles. Send it to a colleague or keep it as a copy.',
    save: 'Save project file…',
    saving: 'Saving the project file',
    saveCancelled: 'Saving the project file was cancelled; no file was saved.',
    saved: (where: string) => `Project file saved to ${where}.`,
    notSaved: (error: unknown) =>
      `The project file was not saved: ${errorText(error)}. Check that the folder can be written to, then save again.`,
    importHeading: 'Import',
    importText:
      'Merges a project file into what you have: records you already have are skipped; where the file has a different version of one of your records, both are kept and the imported one is marked “[Imported copy]”. The file is checked first and nothing is written if anything in it is wrong.',
    importFileLabel: 'Project file to import',
    import: 'Import project file…',
    valid: 'is a valid project file. Importing it will:',
    willAdd: (n: number) => `add ${counts.newRecords(n)}`,
    willSkip: (n: number) => `skip ${counts.records(n)} you already have`,
    willCopy: (n: number) => `keep ${counts.conflictingRecords(n)} as flagged copies`,
    copiedSummary: 'Which records are copied',
    copied: (record: string, id: string, copyId: string) => `${record} “${id}” → copy “${copyId}”`,
    backingUp: 'Backing up before the import',
    blocked: (reason: string) =>
      `${reason} Nothing was imported. Free some space or check the backups folder, then try again.`,
    importing: (name: string) => `Importing ${name}`,
    progressLabel: 'Import progress',
    progress: (written: number, total: number) =>
      `${written.toLocaleString('en')} of ${counts.records(total)} written`,
    stop: 'Stop import',
    confirm: 'Import',
    retry: 'Try again',
    imported: (name: string, added: number, skipped: number, conflicts: number) =>
      `Imported ${name}: ${counts.records(added)} added, ${counts.identicalRecords(skipped)} skipped, ${counts.conflictingRecords(conflicts)} kept as flagged copies. Ctrl+Z undoes the import.`,
    /** One stored record of each table, in the list of copies. */
    record: {
      notes: 'note',
      highlights: 'highlight',
      userEvents: 'event',
      evidence: 'quote',
      eventAnnotations: 'event annotation',
      entityEdits: 'people/organisation edit',
      articles: 'article',
    } as Record<string, string>,
  },

  backups: {
    title: 'Backups',
    kept: 'Sourceline keeps copies of your work in its data folder: every hour while you make changes, before every import, and when you ask. It keeps the last 10 and one a day for a week.',
    now: 'Back up now',
    writing: 'Writing a backup',
    written: (name: string) => `Backup written: ${name}.`,
    notWritten: (error: unknown) =>
      `The backup was not written: ${errorText(error)}. Free some space, then try again.`,
    notListed: (error: unknown) =>
      `The backups could not be listed: ${errorText(error)}. Close and open this screen to try again.`,
    reading: 'Reading the backups…',
    none: 'No backups yet.',
    caption: 'Backups, newest first',
    columns: { when: 'When', why: 'Why', size: 'Size', verified: 'Reads back', actions: 'Actions' },
    verified: 'verified',
    unreadable: 'does not read back',
    restoreOne: (when: string) => `Restore the backup of ${when}…`,
    restore: 'Restore…',
    browserOnly:
      'In the browser Sourceline cannot keep files of its own. Download a backup now and then, and restore from it if you need to.',
    download: 'Download a backup',
    saved: (where: string) => `Backup saved to ${where}.`,
    notSaved: (error: unknown) =>
      `The backup was not saved: ${errorText(error)}. Check that the folder can be written to, then try again.`,
    fromFileHeading: 'Restore from a file',
    fileLabel: 'Backup or project file to restore',
    fromFile: 'Restore from a file…',
    readingOne: 'Reading the backup',
    backupWhat: (when: string, name: string) => `the backup of ${when} (${name})`,
    fileWhat: (name: string) => `the file ${name}`,
    confirmLabel: 'Confirm restore',
    question: (what: string) => `Restore ${what}?`,
    replaced: 'All your current data will be replaced',
    byRecords: (n: number, savedAt: string) => `by its ${counts.records(n)} (${savedAt}).`,
    backupFirst: 'A backup of your current data is written first.',
    downloadFirst:
      'Download a backup of your current data first if you may want it back later; until you close Sourceline, Ctrl+Z also undoes the restore.',
    confirm: 'Replace my data',
    backingUp: 'Backing up your current data',
    blocked: (reason: string) => `${reason} Nothing was restored. Free some space, then try again.`,
    restoring: 'Restoring',
    restored: (what: string, records: number, backup: string | null) =>
      `Restored ${what}: ${counts.records(records)}.` +
      (backup ? ` Your previous data is in the backup ${backup}.` : '') +
      ' Ctrl+Z undoes the restore.',
  },

  dismiss: 'Dismiss',
  tryAgain: 'Try again',
  about: 'About',
  undated: {
    heading: 'Undated',
    hint: 'The articles give no date for these events.',
    loading: 'Reading the events…',
  },
  /** The side panel, for an event picked before its details have been read. */
  eventLoading: 'Reading this event’s details…',
  panes: {
    group: 'Panes',
    timelineHeight: 'Timeline height',
    sideWidth: 'Side panel width',
    reader: 'Reader',
    side: 'Side panel',
    toggleReader: 'Show or hide the reader (Alt+R)',
    toggleSide: 'Show or hide the side panel (Alt+P)',
  },
  linkPrompt: 'Open link',
  startup: {
    stopped: 'Sourceline stopped before changing your data',
    opening: 'Opening your data…',
  },
  articleList: {
    hint: 'Choose one to read it, or select an event to read the passages that support it.',
  },
  notes: {
    placeholder: 'Markdown: **bold**, *italic*, [link](https://…), lists. Ctrl+Enter saves.',
    highlightNote: 'Note (Markdown, optional)',
    highlightTags: 'Tags, separated by commas',
    tagsExample: 'e.g. follow up, figures',
    deleteHighlight: 'Delete highlight',
  },
  table: {
    hint: 'Dates sort by their earliest possible day (“on or before” dates by their latest); undated events come last.',
    caption: 'Events, sortable by each column',
  },
  articleDates: {
    summary: 'Dates in this article',
    none: 'No date expressions found.',
  },
  importer: {
    filesLabel: 'Article files to import',
    drop: 'Drop to import: web pages (.html, .htm), Markdown (.md, .markdown) or text (.txt). Each file is shown for review before it is saved.',
    reading: 'Reading',
    waiting: (n: number) => `${counts.moreFiles(n)} to review after this one.`,
    save: 'Save article',
  },

  entities: {
    heading: 'People and organisations',
    name: 'Name',
    kind: 'Kind',
    kinds: { person: 'Person', organisation: 'Organisation' },
    add: 'Add',
    also: 'Also:',
    inArticles: 'in the articles',
    mentionsLabel: (name: string) => `Mentions of ${name} in the articles`,
    showEvents: 'Show events',
    rename: 'Rename',
    addAlias: 'Add alias',
    mergeInto: 'Merge into…',
    mergeLabel: (name: string) => `Merge “${name}” into`,
    choose: 'Choose…',
    newName: 'New name (the old one stays as an alias)',
    alias: 'Alias',
    save: 'Save',
  },

  conflicts: {
    heading: 'Conflicts',
    none: 'No sources disagree: no event has quotes for and against, no event’s quotes give different dates, and no figures differ.',
    summary: (places: number, unexplained: number) =>
      `${counts.conflictPlaces(places)} where sources disagree, ${unexplained.toLocaleString('en')} not yet explained.`,
    differs: 'differs',
    showInArticle: 'Show in article',
    openEvent: 'Open event',
    explained: '✓ explained',
    notExplained: 'not explained',
    onePassage: 'One passage',
    otherPassage: 'The other',
    allPassages: (n: number) => `All ${n.toLocaleString('en')} passages`,
    supports: 'Supports',
    contradicts: 'Contradicts',
    explainedAs: 'Explained:',
    reopen: 'Reopen',
    howExplained: 'How is it explained?',
    explainExample: 'e.g. different periods counted',
    markExplained: 'Mark explained',
    markedExplained: 'Marked explained. Ctrl+Z undoes it.',
    reopened: 'Conflict reopened. Ctrl+Z undoes it.',
  },

  event: {
    yours: '· your event',
    edtfTitle: 'EDTF date',
    support: 'Support:',
    edit: 'Edit event',
    delete: 'Delete event',
    confirmDelete: (title: string) =>
      `Delete your event “${title}” with its quotes and notes? Ctrl+Z brings it back.`,
    deleted: 'Event deleted. Ctrl+Z brings it back.',
    linkLabel: 'Link a person or organisation',
    link: 'Link',
    linked: (name: string) => `Linked ${name}.`,
    tags: 'Tags:',
    tagsLabel: 'Tags, separated by commas',
    saveTags: 'Save tags',
    tagsSaved: 'Tags saved.',
    noTags: 'none',
    editTags: 'Edit tags',
    people: 'People:',
    organisations: 'Organisations:',
    evidence: (n: number) => `Evidence (${n.toLocaleString('en')})`,
    supports: 'Supports',
    contradicts: 'Contradicts',
    importedCopy: 'Imported copy',
    gradeTitle: 'Source reliability and quote credibility (Admiralty)',
    source: 'Source:',
    ungraded: 'ungraded',
    markAs: (stance: 'supports' | 'contradicts') =>
      stance === 'supports' ? 'Mark as contradicting' : 'Mark as supporting',
    stanceChanged: 'Stance changed. Ctrl+Z undoes it.',
    removeQuote: 'Remove quote',
    quoteRemoved: 'Quote removed. Ctrl+Z brings it back.',
    noQuote: 'No quote yet: select words in an article and choose “Supports selected event”.',
    notes: (n: number) => `Notes (${n.toLocaleString('en')})`,
    editNote: 'Edit note',
    saveChanges: 'Save changes',
    noteSaved: 'Note saved.',
    created: (at: string) => `Created ${at}`,
    edited: (at: string) => `· edited ${at}`,
    editNoteButton: 'Edit',
    deleteNote: 'Delete',
    addNoteLabel: 'Add a note to this event',
    addNote: 'Add note',
  },

  reader: {
    label: 'Article reader',
    article: 'Article',
    choose: 'Choose an article…',
    sources: 'Sources of the selected event',
    previous: '◀ Previous source',
    next: 'Next source ▶',
    position: (at: number | null, of: number) =>
      `Source ${at === null ? '–' : at.toLocaleString('en')} of ${of.toLocaleString('en')}`,
    findLabel: 'Find a passage in this article',
    findPlaceholder: 'Find passage…',
    find: 'Find',
    selected: 'Selected passage',
    highlight: 'Highlight…',
    newEvent: 'New event…',
    supports: 'Supports selected event',
    contradicts: 'Contradicts selected event',
    supportsTitle: (title: string) => `Add to “${title}” as supporting evidence`,
    contradictsTitle: (title: string) => `Add to “${title}” as contradicting evidence`,
    clear: 'Clear the selection',
    outlet: 'Outlet',
    noOutlet: 'Not named in the text',
    byline: 'Byline',
    noByline: 'None given',
    published: 'Published',
    noDate: 'Date unknown',
    caption: 'Photo caption:',
    received: 'Received file',
    unchanged: ', kept unchanged · SHA-256',
    yourHighlight: 'your highlight',
    evidenceFor: (parts: string[]) => `Evidence for: ${parts.join('; ')}`,
  },

  eventForm: {
    title: 'Title',
    date: 'Date',
    dateExample: 'e.g. 12 December 2007, Dec 2009, circa 2018, before March 2023',
    dateEmpty: 'Leave empty if the sources give no date.',
    understood: 'Understood as',
    suggestions: 'Dates in the passage',
    precision: (precision: string) => `(${precision} precision)`,
    nearby: '· in a nearby sentence',
    useDate: 'Use this date',
    ignore: 'Ignore',
    suggestionsHint: 'A date you use goes into the Date field, where you can still change it.',
    category: 'Category',
    summary: 'Summary',
    people: 'People, separated by commas',
    organisations: 'Organisations, separated by commas',
    tags: 'Tags, separated by commas',
    /** The note kept with the date, saying where it came from. */
    suggestedNote: (suggestion: string) => `Suggested ${suggestion}; accepted.`,
    enteredNote: (text: string) => `Entered as “${text}”.`,
    noDateNote: 'No date entered.',
  },

  importForm: {
    needsTitle: 'An article needs a title.',
    saving: 'Saving…',
    file: 'File',
    size: 'Size',
    sha256: 'SHA-256',
    alreadyImported: 'This content is already imported, as',
    nothingNew: 'Nothing new would be saved.',
    showDuplicate: (title: string) => `Show “${title}”`,
    check: 'Check before saving',
    directionControls: (n: number) =>
      `${counts.directionControls(n)} removed from the title, outlet or byline, so they cannot reorder the app’s own text around them.`,
    title: 'Title',
    outlet: 'Outlet',
    byline: 'Byline',
    published: 'Published',
    publishedExample: 'e.g. 27 March 2023, March 2023, circa 2018',
    url: 'Address (URL)',
    language: 'Language (BCP 47 tag)',
    notLanguage: (text: string) =>
      `“${text}” is not a language tag; write one such as ‘en’, ‘km’, ‘ar’ or ‘pt-BR’.`,
    removed: 'Removed from the page',
    keep: (label: string) => `Keep ${label}`,
    start: 'Start of the text',
  },

  grade: {
    source: 'Source reliability',
    credibility: 'Credibility',
    cleared: (label: string) => `${label}: ungraded. Ctrl+Z undoes it.`,
    set: (label: string, words: string) => `${label}: ${words}. Ctrl+Z undoes it.`,
    ungradedOption: 'Ungraded',
    reason: 'Reason (optional)',
    reasonExample: 'Why this grade?',
    save: 'Save grade',
    ungraded: 'ungraded',
    open: 'Grade…',
    openLabel: (what: 'article' | 'quote' | string) =>
      what === 'article' ? 'Grade this source' : `Grade this ${what}`,
  },
  imported: {
    kinds: { html: 'web page', markdown: 'Markdown file', text: 'text file' },
    saved: (title: string) => `Details of “${title}” saved. Ctrl+Z undoes it.`,
    deleted: (title: string) => `Deleted “${title}”. Ctrl+Z brings it back.`,
    badge: 'Imported',
    on: (date: string) => `, on ${date}.`,
    publishedAt: 'Published at',
    edit: 'Edit details…',
    saveDetails: 'Save details',
    delete: 'Delete article…',
    deleteTitle: 'Delete imported article',
    confirmDelete: 'Delete',
  },

  aboutDialog: {
    title: 'About Sourceline',
    intro: 'Evidence-backed timelines from news articles, kept on this computer.',
    failed: (failure: string) => `The versions could not be read: ${failure}`,
    reading: 'Reading versions…',
    app: 'Sourceline',
    electron: 'Electron',
    chromium: 'Chromium',
    schema: 'Database schema',
    schemaVersion: (n: number) => `version ${n}`,
    format: 'Project file format',
    formatVersion: (n: number) => `version ${n} (.sourceline)`,
    data: 'Your data',
    backups: 'Backups',
  },

  recovery: {
    heading: 'Your data did not open as expected',
    notOpened: 'Sourceline’s store of your notes, highlights and events could not be opened:',
    stopped: 'Sourceline stopped before writing anything.',
    copyKept: 'A copy of the store’s files was kept in',
    neverDeleted: 'Sourceline never deletes it.',
    notCopied: (error: string) =>
      `The store’s files could not be copied aside (${error}), so they are left exactly as they are and nothing will replace them. Free some disk space and start Sourceline again.`,
    restoreNewest: (when: string) => `Restore the newest backup (${when})`,
    notListed: (error: string) => `The backups could not be listed: ${error}`,
    noBackup: 'There is no backup to restore.',
    confirmEmptyLabel: 'Confirm starting empty',
    confirmEmpty:
      'Start with an empty store? Your notes, highlights and events will not be there. The copy of the old store stays where it is.',
    yesEmpty: 'Yes, start empty',
    startEmpty: 'Start with an empty store',
    notRestored: (name: string, error: string) =>
      `The backup ${name} was not restored: ${error}. Try again, or start with an empty store.`,
    notEmptied: (error: string) =>
      `Could not start with an empty store: ${error}. Free some disk space, then try again.`,
  },

  tableColumns: {
    date: 'Date',
    title: 'Title',
    category: 'Category',
    sources: 'Sources',
    stance: 'Stance',
    support: 'Support',
    notes: 'Notes',
  },
  contradicted: 'Contradicted',
  notInArticle: (words: string) => `“${words}” is not in this article.`,
  articleImport: {
    saving: (title: string) => `Saving “${title}”`,
    imported: (title: string, file: string) =>
      `Imported “${title}” from ${file}. Ctrl+Z undoes it.`,
    notImported: (file: string) => `“${file}” was not imported.`,
  },

  exportDialog: {
    title: 'Export',
    what: 'What to export',
    whole: (events: number) => `Whole timeline (${counts.events(events)})`,
    filtered: (events: number) => `Current filter (${counts.events(events)})`,
    pictureScope: 'A picture shows the timeline as it is on screen, filter included.',
    filterScope:
      'The current filter exports the events it shows, their notes, the sources they quote and your highlights in those sources.',
    noFilter: 'No filter is set: the filter bar narrows what “Current filter” exports.',
    format: 'Format',
    /** Each format: its name in the list, what the saved file is called, and what it is for. */
    formats: {
      markdown: {
        label: 'Markdown report',
        noun: 'Report',
        help: 'A report to read or edit: events in date order with their quotes and stances, notes, highlights, people and sources.',
      },
      csv: {
        label: 'CSV spreadsheet',
        noun: 'Spreadsheet',
        help: 'One row per event, for Excel, LibreOffice or a data tool.',
      },
      timelinejs: {
        label: 'TimelineJS JSON',
        noun: 'TimelineJS file',
        help: 'Publish the timeline on a website with TimelineJS. Undated events cannot be placed and are left out.',
      },
      annotations: {
        label: 'Web Annotation JSON-LD',
        noun: 'Web Annotations',
        help: 'Your highlights and the quotes behind each event as W3C Web Annotations, for annotation tools and archives.',
      },
      csl: {
        label: 'CSL-JSON',
        noun: 'Bibliography',
        help: 'Import the sources into Zotero or another reference manager.',
      },
      html: {
        label: 'Standalone web page',
        noun: 'Web page',
        help: 'One HTML file that opens offline in any browser: timeline, events, quotes, notes and sources.',
      },
      pdf: {
        label: 'PDF',
        noun: 'PDF',
        help: 'The standalone web page as a PDF document, to print or send.',
      },
      /** PDF where the app cannot make one itself: the browser's print dialog does. */
      print: {
        label: 'PDF (print)',
        noun: 'PDF',
        help: 'Prints the standalone web page; choose “Save as PDF” in the print dialog to keep a file.',
      },
      png: {
        label: 'PNG picture of the timeline',
        noun: 'Timeline picture',
        help: 'The timeline view as it is on screen now, with its filter and zoom.',
      },
    },
    pictureNeedsTimeline:
      'The table is shown: switch to the Timeline view to export it as a picture.',
    run: 'Export',
    print: 'Print…',
    cancelled: (format: string) => `The ${format} export was cancelled; no file was saved.`,
    notExported: (format: string, error: unknown) =>
      `The ${format} was not exported: ${errorText(error)}. Nothing in Sourceline was changed; you can try again.`,
    saved: (noun: string, where: string) => `${noun} saved to ${where}.`,
    timelineNotShown: 'the timeline is not shown; switch to the Timeline view',
    drawing: 'Drawing the timeline',
    building: 'Building the report',
    makingPdf: 'Making the PDF',
    preparingPrint: 'Preparing the report for printing',
    sentToPrint: 'The report went to the print dialog; choose “Save as PDF” there to keep a file.',
    exporting: (format: string) => `Exporting the ${format}`,
    /** The hidden frame the report is printed from. */
    printFrame: 'Report to print',
    printNotLoaded: 'the report did not load for printing',
    pictureNoTimeline:
      'the timeline takes no space on screen; give its pane room, then export again',
    pictureNotDrawn: 'the browser could not draw the timeline',
    stopped: 'the export stopped',
  },

  annotations: {
    heading: 'Highlights and notes',
    articleTitle: 'Article title',
    eventTitle: 'Event title',
    reading: 'Reading highlights and notes…',
    any: 'Any',
    needsReview: (n: number) => `Needs review (${n.toLocaleString('en')})`,
    needsReviewHint:
      'The article text changed and these passages could not be found with confidence. Open one to read it, and delete it if it no longer applies.',
    needsReviewLabel: 'Highlights that need review',
    highlights: (n: number) => `Highlights (${n.toLocaleString('en')})`,
    highlightsLabel: 'Highlights',
    noHighlights: 'No highlights. Select words in an article and choose “Highlight…”.',
    notes: (n: number) => `Notes on events (${n.toLocaleString('en')})`,
    notesLabel: 'Notes on events',
    noNotes: 'No notes. Select an event and add a note in its panel.',
    eventGone: 'An event no longer here',
  },

  search: {
    /** Each kind of result, in the order the groups are shown. */
    kinds: {
      passage: 'Articles',
      event: 'Events',
      note: 'Notes',
      highlight: 'Highlights',
      entity: 'People and organisations',
    } satisfies Record<SearchKind, string>,
    open: 'Search everything…',
    shortcut: 'Ctrl+K',
    title: 'Search',
    placeholder: 'Words, a “phrase in quotes”, a name…',
    inputLabel: 'Search articles, events, notes, highlights and names',
    filtersLabel: 'Search filters',
    from: 'From',
    to: 'To',
    /** How the active filters are named in "Nothing matches … with …". */
    kindFilter: (kind: string) => `kind “${kind}”`,
    articleFilter: (title: string) => `article “${title}”`,
    datesFilter: (from: string, to: string) => `dates ${from || '…'} to ${to || '…'}`,
    tagFilter: (tag: string) => `tag “${tag}”`,
    indexing: (everything: boolean, done: number, pending: number) =>
      `Indexing${everything ? ' everything' : ''}… ${done.toLocaleString('en')} done, ${pending.toLocaleString('en')} to go: results may be incomplete.`,
    /** Around the query, which is shown quoted between these two. */
    nothingBefore: 'Nothing matches',
    nothingAfter: (filters: string[]) =>
      `in articles, events, notes, highlights and names${filters.length ? ` with ${filters.join(', ')}` : ''}.`,
    nothingNext: (filters: string[]) =>
      filters.length
        ? `Try dropping the ${filters[0]} filter.`
        : 'Check the spelling or use fewer words.',
    count: (total: number, shown: number, allWords: boolean, complete: boolean) =>
      plural(total, { one: 'result', other: 'results' }) +
      (total > shown ? `, first ${shown.toLocaleString('en')} shown` : '') +
      (allWords ? '' : ' with some of the words') +
      (complete ? '' : ' so far'),
    narrow: 'Show only matching events on the timeline, the undated list and the table',
    results: 'Results',
    group: (label: string, n: number) => `${label} (${n.toLocaleString('en')})`,
    passageActions: 'With the selected passage',
    openHit: 'Open',
    keepHighlight: 'Keep as highlight…',
    startEvent: 'Start an event…',
    indexNotRead: (error: unknown) =>
      `The stored search index could not be read (${errorText(error)}); it is being rebuilt, and results may be incomplete until that is done.`,
    indexNotStored: (error: unknown) =>
      `The search index could not be stored (${errorText(error)}); search still works, but the next start may take longer while it indexes again.`,
  },

  timeline: {
    label: 'Timeline',
    controls: 'Timeline controls',
    /** A zoom button's tooltip: the command's, then its key on the focused timeline. */
    keyTooltip: (tooltip: string, key: string) => `${tooltip}; ${key} on the focused timeline`,
    earlier: 'Move earlier',
    earlierTooltip: 'Move earlier (←)',
    later: 'Move later',
    laterTooltip: 'Move later (→)',
    legend: 'Legend',
    legendItems: {
      exact: 'exact day',
      imprecise: 'month or year',
      open: 'on or before',
      approx: 'circa or uncertain',
      noted: 'has notes',
      many: 'several sources',
      against: 'contradicted',
      strong: 'strong support',
      weak: 'weak support',
      ungraded: 'ungraded support',
    },
    area: 'Timeline of events. Plus and minus zoom, arrow keys move, 0 fits every event.',
  },

  /** Undo and Redo's tooltips, naming what they would undo. */
  undoTooltip: (label: string) => `Undo ${label} (Ctrl+Z)`,
  redoTooltip: (label: string) => `Redo ${label} (Ctrl+Shift+Z)`,
  readingFile: (name: string) => `Reading “${name}”`,
} as const

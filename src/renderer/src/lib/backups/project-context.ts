/**
 * What a project file is checked against and made over: the bundled corpus the app has loaded.
 * Shared by the project file screen, the Backups screen and automatic backups.
 */
import type { Corpus } from '$shared/corpus'
import { PROJECT_FILE_EXTENSION } from '$shared/ipc'
import type { ProjectContext } from '../domain/project/format'
import type { ExportMeta } from '../db/actions/project'

/** Bundled article and curated event ids, and bundled bodies for checking quotes' offsets. */
export function projectContextFor(corpus: Corpus): ProjectContext {
  return {
    knownArticleIds: new Set(corpus.articles.map((a) => a.id)),
    knownEventIds: new Set(corpus.events.map((e) => e.id)),
    bodies: new Map(corpus.articles.map((a) => [a.id, a.body])),
  }
}

export function exportMetaFor(corpus: Corpus): ExportMeta {
  return { corpus: { title: corpus.title, articleIds: corpus.articles.map((a) => a.id) } }
}

/** `sourceline-project-2024-05-01.sourceline`, in the user's local day. */
export function projectFileName(now: Date = new Date()): string {
  return `sourceline-project-${localDay(now)}.${PROJECT_FILE_EXTENSION}`
}

/** The browser build's backup download: `sourceline-backup-2024-05-01.json`, local day. */
export function backupDownloadName(now: Date = new Date()): string {
  return `sourceline-backup-${localDay(now)}.json`
}

function localDay(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

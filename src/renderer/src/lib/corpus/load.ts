/**
 * The one accessor for the bundled corpus. It is served beside the app (app:// in Electron, http in
 * the browser build), so both targets read it the same way, and it is validated on every load.
 */
import type { Corpus } from '$shared/corpus'
import { buildCorpus, verifyChecksums } from '../domain/corpus'

export interface LoadedCorpus {
  corpus: Corpus
  /** Articles whose received file no longer matches its recorded SHA-256. */
  checksumProblems: string[]
}

async function fetchText(path: string): Promise<string> {
  const response = await fetch(new URL(path, document.baseURI))
  if (!response.ok) throw new Error(`Could not read ${path} (${response.status}).`)
  return response.text()
}

export async function loadBundledCorpus(): Promise<LoadedCorpus> {
  const manifestText = await fetchText('corpus/corpus.json')
  let manifest: unknown
  try {
    manifest = JSON.parse(manifestText)
  } catch {
    throw new Error('The bundled corpus manifest (corpus/corpus.json) is not valid JSON.')
  }
  const files = new Set<string>()
  if (manifest && typeof manifest === 'object' && 'articles' in manifest) {
    const articles = (manifest as { articles: unknown }).articles
    if (Array.isArray(articles))
      for (const a of articles)
        if (a && typeof a === 'object' && typeof (a as { file?: unknown }).file === 'string')
          files.add((a as { file: string }).file)
  }
  const raws: Record<string, string> = {}
  await Promise.all(
    [...files].map(async (file) => {
      raws[file] = await fetchText(`corpus/${file}`)
    }),
  )
  const corpus = buildCorpus(manifest, raws)
  return { corpus, checksumProblems: await verifyChecksums(corpus) }
}

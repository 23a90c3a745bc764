/**
 * The one accessor for the bundled corpus. It is served beside the app (app:// in Electron, http in
 * the browser build), so both targets read it the same way, and it is validated on every load.
 */
import type { Corpus } from '$shared/corpus'
import { buildCorpus, verifyChecksums } from '../domain/corpus'
import { buildEntityCatalogue, type Entity } from '../domain/entities'

export interface LoadedCorpus {
  corpus: Corpus
  /** The people and organisations the articles name. */
  entities: Entity[]
  /** Articles whose received file no longer matches its recorded SHA-256. */
  checksumProblems: string[]
}

function parseJson(text: string, path: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    throw new Error(`The bundled file ${path} is not valid JSON.`)
  }
}

async function fetchText(path: string): Promise<string> {
  const response = await fetch(new URL(path, document.baseURI))
  if (!response.ok) throw new Error(`Could not read ${path} (${response.status}).`)
  return response.text()
}

export async function loadBundledCorpus(): Promise<LoadedCorpus> {
  const [manifestText, entitiesText] = await Promise.all([
    fetchText('corpus/corpus.json'),
    fetchText('corpus/entities.json'),
  ])
  const manifest = parseJson(manifestText, 'corpus/corpus.json')
  const entities = buildEntityCatalogue(parseJson(entitiesText, 'corpus/entities.json'))
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
  return { corpus, entities, checksumProblems: await verifyChecksums(corpus) }
}

/**
 * Stores as older builds left them, laid down with raw IndexedDB from a page of the app's origin.
 * Shared by the Chromium startup and recovery specs and the Electron safety spec.
 */
import type { Page } from '@playwright/test'
import { SCHEMA_VERSION } from '../src/shared/schema'

/** The IndexedDB version this build's store has (Dexie's version × 10). */
export const CURRENT_STORE_VERSION = SCHEMA_VERSION * 10

/** The note a schema-1 store holds. */
export interface V1Note {
  id: string
  eventId: string
  body: string
  createdAt: number
  updatedAt: number
}

/**
 * Replaces the `sourceline` database with one a schema-1 build wrote (Dexie version 1 is
 * IndexedDB version 10), holding `note`.
 */
export async function writeV1Store(page: Page, note: V1Note): Promise<void> {
  await page.evaluate(
    (row) =>
      new Promise<void>((resolve, reject) => {
        const deleting = indexedDB.deleteDatabase('sourceline')
        deleting.onerror = () => reject(deleting.error)
        deleting.onsuccess = () => {
          const open = indexedDB.open('sourceline', 10)
          open.onupgradeneeded = () => {
            const notes = open.result.createObjectStore('notes', { keyPath: 'id' })
            notes.createIndex('eventId', 'eventId')
            notes.createIndex('updatedAt', 'updatedAt')
            notes.add(row)
          }
          open.onsuccess = () => {
            open.result.close()
            resolve()
          }
          open.onerror = () => reject(open.error)
        }
      }),
    note,
  )
}

/** The store's IndexedDB version (Dexie's version × 10), read without opening it. */
export function storeVersion(page: Page): Promise<number | undefined> {
  return page.evaluate(
    async () => (await indexedDB.databases()).find((d) => d.name === 'sourceline')?.version,
  )
}

/**
 * How the main screen is divided: the timeline's height, the side panel's width, which panes are
 * collapsed, and whether the first-start orientation was dismissed. UI preferences, kept in
 * localStorage (not IndexedDB: they are not the user's work and travel in no project file).
 */
import { clampSize, type PaneSizes } from '../domain/panes'

const KEY = 'sourceline.layout'

export interface LayoutPrefs extends PaneSizes {
  readerCollapsed: boolean
  sideCollapsed: boolean
  orientationDone: boolean
}

export const DEFAULT_LAYOUT: LayoutPrefs = {
  timelineHeight: null,
  sideWidth: 420,
  readerCollapsed: false,
  sideCollapsed: false,
  orientationDone: false,
}

/** Reads stored preferences; anything missing or malformed falls back to the default. */
export function readLayout(text: string | null): LayoutPrefs {
  if (!text) return { ...DEFAULT_LAYOUT }
  try {
    const raw = JSON.parse(text) as Record<string, unknown>
    const num = (v: unknown, fallback: number | null) =>
      typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : fallback
    const bool = (v: unknown, fallback: boolean) => (typeof v === 'boolean' ? v : fallback)
    return {
      timelineHeight: num(raw['timelineHeight'], DEFAULT_LAYOUT.timelineHeight),
      sideWidth: num(raw['sideWidth'], DEFAULT_LAYOUT.sideWidth) ?? DEFAULT_LAYOUT.sideWidth,
      readerCollapsed: bool(raw['readerCollapsed'], false),
      sideCollapsed: bool(raw['sideCollapsed'], false),
      orientationDone: bool(raw['orientationDone'], false),
    }
  } catch {
    return { ...DEFAULT_LAYOUT }
  }
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    return null
  }
}

export class Layout {
  #prefs = $state<LayoutPrefs>(readLayout(storage()?.getItem(KEY) ?? null))

  /** The timeline's height the user chose, in px; null until they drag (it then fits its lanes). */
  get timelineHeight(): number | null {
    return this.#prefs.timelineHeight
  }

  get sideWidth(): number {
    return this.#prefs.sideWidth
  }

  get readerCollapsed(): boolean {
    return this.#prefs.readerCollapsed
  }

  get sideCollapsed(): boolean {
    return this.#prefs.sideCollapsed
  }

  get orientationDone(): boolean {
    return this.#prefs.orientationDone
  }

  setTimelineHeight(px: number, min: number, max: number): void {
    this.#update({ timelineHeight: clampSize(px, min, max) })
  }

  setSideWidth(px: number, min: number, max: number): void {
    this.#update({ sideWidth: clampSize(px, min, max) })
  }

  toggleReader(): void {
    this.#update({ readerCollapsed: !this.#prefs.readerCollapsed })
  }

  toggleSide(): void {
    this.#update({ sideCollapsed: !this.#prefs.sideCollapsed })
  }

  /** Opens a collapsed side panel (a panel command was asked for). */
  showSide(): void {
    if (this.#prefs.sideCollapsed) this.#update({ sideCollapsed: false })
  }

  dismissOrientation(): void {
    this.#update({ orientationDone: true })
  }

  reset(): void {
    this.#prefs = { ...DEFAULT_LAYOUT }
    storage()?.removeItem(KEY)
  }

  #update(change: Partial<LayoutPrefs>): void {
    this.#prefs = { ...this.#prefs, ...change }
    try {
      storage()?.setItem(KEY, JSON.stringify(this.#prefs))
    } catch {
      // A full or refused storage only loses the preference, never the user's work.
    }
  }
}

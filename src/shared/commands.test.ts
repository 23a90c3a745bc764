import { describe, expect, it } from 'vitest'
import {
  COMMANDS,
  MENU_COMMANDS,
  commandTooltip,
  matchesShortcut,
  shortcutsOf,
  shortcutText,
} from './commands'

const press = (
  key: string,
  mods: Partial<Record<'ctrl' | 'shift' | 'alt', boolean>> = {},
  code?: string,
) => ({
  key,
  code,
  ctrlKey: !!mods.ctrl,
  metaKey: false,
  shiftKey: !!mods.shift,
  altKey: !!mods.alt,
})

describe('the command table', () => {
  it('gives every command a unique id, a name and a description', () => {
    expect(new Set(COMMANDS.map((c) => c.id)).size).toBe(COMMANDS.length)
    for (const c of COMMANDS) {
      expect(c.label.trim(), c.id).not.toBe('')
      expect(c.description.trim(), c.id).not.toBe('')
    }
    expect(new Set(COMMANDS.map((c) => c.label)).size).toBe(COMMANDS.length)
  })

  it('gives no two commands the same shortcut', () => {
    const shortcuts = COMMANDS.flatMap(shortcutsOf)
    expect(new Set(shortcuts).size).toBe(shortcuts.length)
  })

  it('lets no shortcut match another command’s key press', () => {
    for (const a of COMMANDS)
      for (const b of COMMANDS)
        for (const theirs of a === b ? [] : shortcutsOf(b)) {
          const key = theirs.split('+').at(-1)!
          const sample = press(key, {
            ctrl: theirs.includes('CmdOrCtrl'),
            shift: theirs.includes('Shift'),
            alt: theirs.includes('Alt'),
          })
          for (const mine of shortcutsOf(a))
            expect(matchesShortcut(mine, sample), `${a.id} vs ${b.id}`).toBe(false)
        }
  })

  it('sends to the renderer every command placed in a menu', () => {
    expect(MENU_COMMANDS).toEqual(COMMANDS.filter((c) => c.menu !== null).map((c) => c.id))
  })
})

describe('shortcuts', () => {
  it('reads as a person types them', () => {
    expect(shortcutText('CmdOrCtrl+Shift+Z')).toBe('Ctrl+Shift+Z')
    expect(shortcutText('CmdOrCtrl+Shift+Z', true)).toBe('⌘⇧Z')
    expect(shortcutText('Alt+2')).toBe('Alt+2')
    expect(shortcutText('?')).toBe('?')
  })

  it('puts the shortcut in the tooltip', () => {
    const undo = COMMANDS.find((c) => c.id === 'undo')!
    expect(commandTooltip(undo)).toBe('Undo the last change to your work (Ctrl+Z)')
  })

  it('matches key presses', () => {
    expect(matchesShortcut('CmdOrCtrl+Z', press('z', { ctrl: true }))).toBe(true)
    expect(matchesShortcut('CmdOrCtrl+Z', press('z', { ctrl: true, shift: true }))).toBe(false)
    expect(matchesShortcut('CmdOrCtrl+Shift+Z', press('Z', { ctrl: true, shift: true }))).toBe(true)
    expect(matchesShortcut('CmdOrCtrl+=', press('+', { ctrl: true }))).toBe(true)
    expect(matchesShortcut('CmdOrCtrl+-', press('-', { ctrl: true }))).toBe(true)
    expect(matchesShortcut('Alt+2', press('™', { alt: true }, 'Digit2'))).toBe(true)
    expect(matchesShortcut('Alt+N', press('˜', { alt: true }, 'KeyN'))).toBe(true)
    expect(matchesShortcut('?', press('?', { shift: true }))).toBe(true)
    expect(matchesShortcut('?', press('?', { ctrl: true }))).toBe(false)
    expect(matchesShortcut('CmdOrCtrl+E', press('e'))).toBe(false)
  })
})

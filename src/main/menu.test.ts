import { describe, expect, it, vi } from 'vitest'
import type { MenuItemConstructorOptions } from 'electron'

// Electron is not there in Node: the template must not need it.
vi.mock('electron', () => ({ app: {}, Menu: {}, ipcMain: {} }))

const { menuTemplate } = await import('./menu')
const { COMMANDS } = await import('../shared/commands')

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [
    i,
    ...(Array.isArray(i.submenu) ? flatten(i.submenu as MenuItemConstructorOptions[]) : []),
  ])
}

const build = (platform: NodeJS.Platform, isPackaged: boolean, run = vi.fn()) =>
  flatten(menuTemplate({ platform, isPackaged, run }))

describe('menuTemplate', () => {
  it('offers every placed command once, with its label and shortcut', () => {
    const items = build('linux', true)
    for (const c of COMMANDS.filter((c) => c.menu !== null)) {
      const found = items.filter((i) => i.id === c.id)
      expect(found, c.id).toHaveLength(1)
      expect(found[0]!.label).toMatch(new RegExp(`^${c.label}(…)?$`))
      expect(found[0]!.accelerator ?? null).toBe(c.shortcut)
    }
  })

  it('sends the command to the renderer when clicked', () => {
    const run = vi.fn()
    const exportItem = build('linux', true, run).find((i) => i.id === 'export-report')!
    ;(exportItem.click as () => void)()
    expect(run).toHaveBeenCalledWith('export-report')
  })

  it('shows shortcuts but leaves the keys to the page, so nothing runs twice', () => {
    for (const item of build('win32', true).filter((i) => i.accelerator))
      expect(item.registerAccelerator, String(item.id)).toBe(false)
  })

  it('keeps Reload and DevTools out of the packaged app', () => {
    const roles = (packaged: boolean) => build('linux', packaged).map((i) => i.role)
    expect(roles(true)).not.toContain('toggleDevTools')
    expect(roles(true)).not.toContain('reload')
    expect(roles(false)).toContain('toggleDevTools')
  })

  it('has an app menu and Close on macOS, Quit elsewhere', () => {
    expect(build('darwin', true).map((i) => i.role)).toEqual(
      expect.arrayContaining(['appMenu', 'close']),
    )
    const linux = build('linux', true).map((i) => i.role)
    expect(linux).toContain('quit')
    expect(linux).not.toContain('appMenu')
  })
})

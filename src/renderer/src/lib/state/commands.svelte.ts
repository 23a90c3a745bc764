/**
 * The renderer half of the command table (src/shared/commands.ts): when each command is enabled
 * and what it does. The toolbar, the keyboard, the Electron menu and the `?` help all run commands
 * through here, so a command behaves the same wherever it is asked for.
 */
import {
  COMMANDS,
  matchesShortcut,
  shortcutsOf,
  type AppCommand,
  type Command,
  type CommandId,
} from '$shared/commands'

export interface CommandAction {
  enabled: () => boolean
  run: () => void
  /** Whether the command's view or panel is the one showing (views and panels only). */
  active?: () => boolean
}

export type CommandActions = Record<CommandId, CommandAction>

export function isTextField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  )
}

export class Commands {
  readonly #actions: CommandActions

  constructor(actions: CommandActions) {
    this.#actions = actions
  }

  /** The table's commands of one group, in table order. */
  group(group: Command['group']): AppCommand[] {
    return COMMANDS.filter((c) => c.group === group)
  }

  enabled(id: CommandId): boolean {
    return this.#actions[id].enabled()
  }

  active(id: CommandId): boolean {
    return this.#actions[id].active?.() ?? false
  }

  run(id: CommandId): void {
    if (this.#actions[id].enabled()) this.#actions[id].run()
  }

  /**
   * Runs the command whose shortcut this key press is. In a text field keys belong to the field
   * (Ctrl+Z undoes typing), so nothing runs. Answers whether a command took the key.
   */
  handleKey(event: KeyboardEvent): boolean {
    if (isTextField(event.target)) return false
    const found = COMMANDS.find((c) => shortcutsOf(c).some((s) => matchesShortcut(s, event)))
    if (!found) return false
    event.preventDefault()
    this.run(found.id)
    return true
  }
}

/**
 * THE keymap: every shortcut of the app is declared here (or in a screen's bindings.ts that this module
 * imports), and the help overlay is generated from `keymapSections`. Key names: a single character
 * ('q', '?', ' ' is written 'space'), a named key ('return', 'escape', 'up', 'down', 'left', 'right',
 * 'tab', 'backspace', 'pageup', 'pagedown', 'home', 'end'), or 'ctrl+<char>'.
 */
import type { Key } from 'ink';
import { chatBindings } from './chat/bindings.js';
import { hostsBindings } from './hosts/bindings.js';
import { monitorBindings } from './monitor/bindings.js';

export interface Binding {
  readonly keys: readonly string[];
  readonly action: string;
  readonly description: string;
}

export const globalBindings = [
  { keys: ['1'], action: 'tab-models', description: 'Models tab' },
  { keys: ['2'], action: 'tab-chat', description: 'Chat tab' },
  { keys: ['3'], action: 'tab-monitor', description: 'Monitor tab' },
  { keys: ['4'], action: 'tab-hosts', description: 'Hosts tab' },
  { keys: ['?'], action: 'help', description: 'Show or hide this help' },
  { keys: [':'], action: 'palette', description: 'Command palette' },
  { keys: ['q', 'ctrl+c'], action: 'quit', description: 'Quit (the terminal is restored)' },
] as const satisfies readonly Binding[];

export const modelsBindings = [
  { keys: ['up', 'k'], action: 'up', description: 'Previous model' },
  { keys: ['down', 'j'], action: 'down', description: 'Next model' },
  { keys: ['pageup'], action: 'page-up', description: 'Page up' },
  { keys: ['pagedown'], action: 'page-down', description: 'Page down' },
  { keys: ['space'], action: 'select', description: 'Select / unselect the model (multi-select)' },
  { keys: ['a'], action: 'select-all', description: 'Select all shown models, or none' },
  {
    keys: ['f', '/'],
    action: 'filter',
    description: 'Filter: a b = AND, a|b = OR, size>4g family:x cap:vision',
  },
  { keys: ['s'], action: 'sort-next', description: 'Sort by the next column' },
  { keys: ['S'], action: 'sort-previous', description: 'Sort by the previous column' },
  { keys: ['o'], action: 'sort-reverse', description: 'Reverse the sort order' },
  { keys: ['m', 'return'], action: 'details', description: 'Details: show response and Modelfile' },
  { keys: ['d'], action: 'delete', description: 'Delete the selected models (asks first)' },
  { keys: ['u'], action: 'update-outdated', description: 'Update outdated models (badge ⬆)' },
  { keys: ['U'], action: 'update-selected', description: 'Re-pull the selected models' },
  { keys: ['p'], action: 'pull', description: 'Pull models (several names at once)' },
  { keys: ['x'], action: 'cancel-pull', description: 'Cancel the newest running pull' },
  { keys: ['X'], action: 'cancel-all-pulls', description: 'Cancel every queued and running pull' },
  { keys: ['c'], action: 'copy', description: 'Copy the model to a new name' },
  { keys: ['l'], action: 'load', description: 'Load (warm up) the model' },
  { keys: ['L'], action: 'unload', description: 'Unload the model' },
  { keys: ['Z'], action: 'unload-all', description: 'Unload all models' },
  { keys: ['*'], action: 'favourite', description: 'Toggle favourite ★' },
  { keys: ['t'], action: 'tags', description: 'Edit tags' },
  { keys: ['n'], action: 'notes', description: 'Edit notes' },
  { keys: ['e'], action: 'export', description: 'Export the model list (names + digests)' },
  { keys: ['i'], action: 'import', description: 'Import a model list (dry run first)' },
  { keys: ['r'], action: 'refresh', description: 'Refresh now' },
  { keys: ['escape'], action: 'back', description: 'Close / clear the filter' },
] as const satisfies readonly Binding[];

export interface KeymapSection {
  readonly title: string;
  readonly bindings: readonly Binding[];
}

/** All bindings, grouped as the help overlay shows them. */
export const keymapSections: readonly KeymapSection[] = [
  { title: 'Global', bindings: globalBindings },
  { title: 'Models', bindings: modelsBindings },
  { title: 'Chat', bindings: chatBindings },
  { title: 'Monitor', bindings: monitorBindings },
  { title: 'Hosts', bindings: hostsBindings },
];

/** The name of the key Ink reported, in this module's notation. */
export function keyName(input: string, key: Key): string {
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.leftArrow) return 'left';
  if (key.rightArrow) return 'right';
  if (key.pageUp) return 'pageup';
  if (key.pageDown) return 'pagedown';
  if (key.home) return 'home';
  if (key.end) return 'end';
  if (key.return) return 'return';
  if (key.escape) return 'escape';
  if (key.tab) return 'tab';
  if (key.backspace || key.delete) return 'backspace';
  if (key.ctrl && input) return `ctrl+${input.toLowerCase()}`;
  if (input === ' ') return 'space';
  return input;
}

/** The action bound to the pressed key among `bindings`, or undefined. */
export function actionFor<TBinding extends Binding>(
  bindings: readonly TBinding[],
  input: string,
  key: Key,
): TBinding['action'] | undefined {
  const name = keyName(input, key);
  return bindings.find((binding) => binding.keys.includes(name))?.action;
}

/** How a key is written in help: 'ctrl+c' → 'Ctrl+C', 'return' → 'Enter', 'up' → '↑'. */
export function displayKey(name: string): string {
  const names: Record<string, string> = {
    up: '↑',
    down: '↓',
    left: '←',
    right: '→',
    return: 'Enter',
    escape: 'Esc',
    space: 'Space',
    tab: 'Tab',
    backspace: 'Backspace',
    pageup: 'PgUp',
    pagedown: 'PgDn',
    home: 'Home',
    end: 'End',
  };
  if (name.startsWith('ctrl+')) return `Ctrl+${name.slice(5).toUpperCase()}`;
  return names[name] ?? name;
}

/** The bindings in use: the defaults with the settings' `ui.keymap` overrides applied. */
export interface Keymap {
  readonly global: readonly Binding[];
  readonly models: readonly Binding[];
  readonly sections: readonly KeymapSection[];
}

/**
 * Applies settings overrides (`ui.keymap` in settings.toml: `"models.delete" = "x"` or
 * `"global.quit" = "q,ctrl+q"`; a bare action name applies to Global and Models) to the Global and
 * Models bindings. Chat, Monitor and Hosts keep their keys (their screens own them).
 */
export function createKeymap(overrides: Readonly<Record<string, string>> = {}): Keymap {
  const apply = (section: string, bindings: readonly Binding[]): Binding[] =>
    bindings.map((binding) => {
      const override = overrides[`${section}.${binding.action}`] ?? overrides[binding.action];
      if (override === undefined) return binding;
      const keys = override
        .split(',')
        .map((key) => key.trim())
        .filter((key) => key !== '');
      return keys.length > 0 ? { ...binding, keys } : binding;
    });
  const global = apply('global', globalBindings);
  const models = apply('models', modelsBindings);
  return {
    global,
    models,
    sections: keymapSections.map((section) =>
      section.title === 'Global'
        ? { ...section, bindings: global }
        : section.title === 'Models'
          ? { ...section, bindings: models }
          : section,
    ),
  };
}

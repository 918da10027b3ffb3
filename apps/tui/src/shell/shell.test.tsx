import { describe, expect, it } from 'vitest';
import { keymapSections } from '../keymap.js';
import { renderWithProviders, tick, waitForFrame } from '../test-utils/render.js';
import { CommandPalette, matchCommands } from './command-palette.js';
import { HelpOverlay } from './help-overlay.js';
import { StatusBar } from './status-bar.js';
import { TabBar } from './tab-bar.js';

describe('HelpOverlay', () => {
  it('lists every binding of every section from the keymap', () => {
    // Two 44-column columns of 36 rows: everything fits on one page.
    const { lastFrame } = renderWithProviders(<HelpOverlay width={100} height={40} />);
    const frame = lastFrame() ?? '';
    for (const section of keymapSections) {
      expect(frame).toContain(section.title);
      for (const binding of section.bindings) {
        expect(frame).toContain(binding.description.slice(0, 20));
      }
    }
    expect(frame).not.toContain('page 1/');
  });

  it('pages when the keymap does not fit, the active tab first after Global', async () => {
    const { lastFrame, stdin } = renderWithProviders(
      <HelpOverlay width={50} height={20} activeSection="Hosts" />,
    );
    const first = lastFrame() ?? '';
    expect(first).toMatch(/page 1\/\d/u);
    expect(first).toContain('Global');
    expect(first).toContain('Add a host');
    expect(first).not.toContain('Previous model');
    await tick();
    stdin.write('\u001B[C');
    const second = await waitForFrame(lastFrame, (frame) => frame.includes('page 2/'));
    expect(second).toContain('Previous model');
    expect(second).not.toContain('Add a host');
  });
});

describe('StatusBar', () => {
  const status = {
    hostUrl: 'http://127.0.0.1:11434',
    up: true,
    version: '0.12.3',
    loadedModels: 2,
    warnings: 1,
    demo: false,
  };
  it('shows host, up/down, version, loaded models and warnings', () => {
    const { lastFrame } = renderWithProviders(<StatusBar status={status} />);
    expect(lastFrame()).toContain('● up');
    expect(lastFrame()).toContain('http://127.0.0.1:11434');
    expect(lastFrame()).toContain('Ollama 0.12.3');
    expect(lastFrame()).toContain('loaded 2');
    expect(lastFrame()).toContain('warnings 1');
    const down = renderWithProviders(<StatusBar status={{ ...status, up: false }} />);
    expect(down.lastFrame()).toContain('○ down');
  });
});

describe('TabBar', () => {
  it('numbers the tabs and leaves room for the next wave', () => {
    const { lastFrame } = renderWithProviders(<TabBar active="chat" />);
    const frame = lastFrame() ?? '';
    expect(frame).toContain('1 Models');
    expect(frame).toContain('4 Hosts');
    expect(frame).toContain('5 Modelfile');
    expect(frame).toContain('8 Backup');
  });
});

describe('CommandPalette', () => {
  const commands = [
    { id: 'quit', title: 'Quit' },
    { id: 'models:pull', title: 'Models: Pull models' },
    { id: 'theme:light', title: 'Theme: light' },
  ];
  it('matches every typed word', () => {
    expect(matchCommands(commands, 'mod pull').map((command) => command.id)).toEqual([
      'models:pull',
    ]);
    expect(matchCommands(commands, '')).toHaveLength(3);
  });

  it('narrows as you type and runs the chosen command on Enter', async () => {
    const ran: string[] = [];
    const { stdin, lastFrame } = renderWithProviders(
      <CommandPalette
        commands={commands}
        onRun={(command) => ran.push(command.id)}
        onClose={() => undefined}
      />,
    );
    await tick();
    stdin.write('theme');
    await waitForFrame(
      lastFrame,
      (frame) => frame.includes('Theme: light') && !frame.includes('Quit'),
    );
    stdin.write('\r');
    await tick();
    expect(ran).toEqual(['theme:light']);
  });
});

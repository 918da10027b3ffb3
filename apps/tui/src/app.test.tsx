import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Simulator, startSimulator } from '@ollamamon/simulator';
import { Text } from 'ink';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { App } from './app.js';
import { createServices } from './create-services.js';
import { createKeymap } from './keymap.js';
import type { AppServices } from './services.js';
import { renderWithProviders, tick, waitForFrame } from './test-utils/render.js';
import { darkTheme } from './theme.js';

/** The shell against the simulator: tabs, help, command palette, quit, host switch to a dead host. */
describe('App', () => {
  let simulator: Simulator;
  let services: AppServices;
  const home = mkdtempSync(join(tmpdir(), 'ollamamon-app-'));

  beforeAll(async () => {
    simulator = await startSimulator({ models: ['qwen3:0.6b', 'gemma3:1b'] });
    services = await createServices({
      host: simulator.url,
      env: { OLLAMAMON_HOME: home },
      monitor: false,
    });
  });

  afterAll(async () => {
    await services?.close();
    await simulator?.close();
    rmSync(home, { recursive: true, force: true });
  });

  const write = async (stdin: { write(data: string): void }, data: string) => {
    stdin.write(data);
    await tick(40);
  };

  it('switches tabs with digits, shows help on ?, and runs palette commands', async () => {
    const screens = {
      chat: () => <Text>chat screen here</Text>,
      hosts: () => <Text>hosts screen here</Text>,
    };
    const { stdin, lastFrame, unmount } = renderWithProviders(
      <App services={services} theme={darkTheme} screens={screens} statusIntervalMs={200} />,
    );
    await waitForFrame(
      lastFrame,
      (frame) => frame.includes('2/2 models') && frame.includes('● up'),
    );
    expect(lastFrame()).toContain(`Ollama ${(await services.client().version()).version}`);

    await write(stdin, '2');
    await waitForFrame(
      lastFrame,
      (frame) => frame.includes('chat screen here') && !frame.includes('2/2 models'),
    );
    await write(stdin, '?');
    await waitForFrame(lastFrame, (frame) => frame.includes('Keys (Esc or ? closes)'));
    await write(stdin, '?');
    await waitForFrame(lastFrame, (frame) => frame.includes('chat screen here'));

    // The palette: type to narrow, Enter runs a Models action (it switches to the Models tab).
    await write(stdin, ':');
    await waitForFrame(lastFrame, (frame) => frame.includes('type a command'));
    await write(stdin, 'pull several');
    await waitForFrame(
      lastFrame,
      (frame) => frame.includes('Models: Pull models') && !frame.includes('Quit'),
    );
    await write(stdin, '\r');
    await waitForFrame(
      lastFrame,
      (frame) => frame.includes('Pull:') && frame.includes('2/2 models'),
    );
    // (Esc, q and the restored terminal are covered end to end in e2e/models.e2e.test.ts.)
    unmount();
  });

  it('shows the no-host screen after switching to a host that does not answer, and back', async () => {
    const { stdin, lastFrame, unmount } = renderWithProviders(
      <App services={services} theme={darkTheme} statusIntervalMs={200} />,
    );
    await waitForFrame(lastFrame, (frame) => frame.includes('● up'));
    services.switchHost('http://127.0.0.1:1');
    await waitForFrame(lastFrame, (frame) =>
      frame.includes('No Ollama host answers at http://127.0.0.1:1'),
    );
    services.switchHost(simulator.url);
    await write(stdin, 'r');
    await waitForFrame(
      lastFrame,
      (frame) => frame.includes('2/2 models') && frame.includes('● up'),
    );
    unmount();
  });

  it('uses the settings keymap overrides for keys and help', async () => {
    const keymap = createKeymap({ 'models.delete': 'x', 'global.help': 'h' });
    const { stdin, lastFrame, unmount } = renderWithProviders(
      <App services={services} theme={darkTheme} keymap={keymap} statusIntervalMs={200} />,
    );
    await waitForFrame(lastFrame, (frame) => frame.includes('2/2 models'));
    await write(stdin, 'd');
    await tick(50);
    expect(lastFrame()).not.toContain('Delete 1 model?');
    await write(stdin, 'x');
    await waitForFrame(lastFrame, (frame) => frame.includes('Delete 1 model?'));
    await write(stdin, 'n');
    await waitForFrame(lastFrame, (frame) => !frame.includes('Delete 1 model?'));
    await tick(100);
    await write(stdin, 'h');
    const help = await waitForFrame(lastFrame, (frame) => frame.includes('Keys (Esc or ? closes)'));
    expect(help).toMatch(/h\s+Show or hide this help/u);
    unmount();
  });
});

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Simulator, startSimulator } from '@ollamamon/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../create-services.js';
import type { AppServices } from '../services.js';
import { renderWithProviders, tick, waitForFrame } from '../test-utils/render.js';
import { ModelsScreen } from './models-screen.js';
import { createStoreAnnotations } from './store-annotations.js';

const backspaces = '\u007F'.repeat(40);

/** The Models screen against the simulator and a real store (no mocks): the per-model actions. */
describe('ModelsScreen', () => {
  let simulator: Simulator;
  let services: AppServices;
  const home = mkdtempSync(join(tmpdir(), 'ollamamon-models-'));

  beforeAll(async () => {
    simulator = await startSimulator({ models: ['gemma3:1b', 'qwen3:0.6b'], loadDelayMs: 0 });
    services = await createServices({
      host: simulator.url,
      registry: simulator.url,
      env: { OLLAMAMON_HOME: home },
      monitor: false,
    });
  });

  afterAll(async () => {
    await services?.close();
    await simulator?.close();
    rmSync(home, { recursive: true, force: true });
  });

  const renderScreen = () => {
    const store = services.store;
    if (!store) throw new Error('store did not open');
    return renderWithProviders(
      <ModelsScreen
        services={services}
        isActive
        height={20}
        width={100}
        annotations={createStoreAnnotations(store, () => services.activeHost().url)}
      />,
    );
  };
  const press = async (stdin: { write(data: string): void }, ...keys: string[]) => {
    for (const key of keys) {
      stdin.write(key);
      await tick(30);
    }
  };

  it('toggles a favourite and sets tags and a note, kept in the store', async () => {
    const { stdin, lastFrame, unmount } = renderScreen();
    await waitForFrame(lastFrame, (frame) => frame.includes('2/2 models'));
    await press(stdin, '*');
    await waitForFrame(lastFrame, (frame) => /★\s+gemma3:1b/u.test(frame));
    await press(stdin, 't');
    await waitForFrame(lastFrame, (frame) => frame.includes('Tags for gemma3:1b:'));
    await press(stdin, 'work small', '\r');
    await waitForFrame(lastFrame, (frame) => frame.includes('work,small'));
    await press(stdin, 'n');
    await waitForFrame(lastFrame, (frame) => frame.includes('Note for gemma3:1b:'));
    await press(stdin, 'good for tests', '\r');
    await press(stdin, 'f', 'tests');
    await waitForFrame(lastFrame, (frame) => frame.includes('1/2 models'));
    unmount();
    const note = services.store?.notes.get({ host: simulator.url, model: 'gemma3:1b' });
    expect(note).toMatchObject({
      favourite: true,
      tags: ['work', 'small'],
      note: 'good for tests',
    });
  });

  it('copies, loads, unloads and unloads all', async () => {
    const { stdin, lastFrame, unmount } = renderScreen();
    await waitForFrame(lastFrame, (frame) => frame.includes('2/2 models'));
    await press(stdin, 'c');
    await waitForFrame(lastFrame, (frame) => frame.includes('Copy gemma3:1b to:'));
    await press(stdin, backspaces, 'mine:v1', '\r');
    await waitForFrame(lastFrame, (frame) => frame.includes('3/3 models'));
    expect(simulator.installed()).toContain('mine:v1');
    await press(stdin, 'l');
    await waitForFrame(lastFrame, (frame) => frame.includes('Loaded: gemma3:1b'));
    expect(simulator.loaded()).toContain('gemma3:1b');
    await press(stdin, 'L');
    await waitForFrame(lastFrame, (frame) => frame.includes('Unloaded: gemma3:1b'));
    expect(simulator.loaded()).not.toContain('gemma3:1b');
    await simulator.load('qwen3:0.6b');
    await press(stdin, 'Z');
    await waitForFrame(lastFrame, (frame) => frame.includes('Unloaded: qwen3:0.6b'));
    expect(simulator.loaded()).toEqual([]);
    unmount();
  });

  it('exports the model list and imports one after a dry run', async () => {
    const file = join(home, 'models.json');
    const { stdin, lastFrame, unmount } = renderScreen();
    await waitForFrame(lastFrame, (frame) => frame.includes('3/3 models'));
    await press(stdin, 'e');
    await waitForFrame(lastFrame, (frame) => frame.includes('Export model list to:'));
    await press(stdin, backspaces, file, '\r');
    await waitForFrame(lastFrame, (frame) => frame.includes(`Exported 3 models to ${file}`));
    const exported = JSON.parse(readFileSync(file, 'utf8')) as {
      models: { name: string; digest: string }[];
    };
    expect(exported.models.map((model) => model.name).sort()).toEqual([
      'gemma3:1b',
      'mine:v1',
      'qwen3:0.6b',
    ]);

    writeFileSync(file, JSON.stringify({ models: [...exported.models, { name: 'llama3.2:1b' }] }));
    await press(stdin, 'i');
    await waitForFrame(lastFrame, (frame) => frame.includes('Import model list from:'));
    await press(stdin, backspaces, file, '\r');
    await waitForFrame(lastFrame, (frame) => frame.includes('Dry run: 1 to pull, 3 already here'));
    expect(lastFrame()).toContain('pull llama3.2:1b');
    expect(simulator.installed()).not.toContain('llama3.2:1b');
    await tick(100);
    await press(stdin, 'y');
    await waitForFrame(lastFrame, (frame) => frame.includes('4/4 models'), 10_000);
    expect(simulator.installed()).toContain('llama3.2:1b');

    writeFileSync(file, '{"models": [{"name": ""}]}');
    await press(stdin, 'i');
    await waitForFrame(lastFrame, (frame) => frame.includes('Import model list from:'));
    await press(stdin, backspaces, file, '\r');
    await waitForFrame(lastFrame, (frame) =>
      frame.includes(`Import failed: ${file}: models.0.name`),
    );
    unmount();
  });

  it('updates outdated models (⬆) with u after asking', async () => {
    simulator.registry.setDigest('qwen3:0.6b');
    const { stdin, lastFrame, unmount } = renderScreen();
    await waitForFrame(lastFrame, (frame) => frame.includes('qwen3:0.6b ⬆'));
    await press(stdin, 'u');
    await waitForFrame(lastFrame, (frame) => frame.includes('Update 1 outdated model?'));
    await press(stdin, 'y');
    await waitForFrame(lastFrame, (frame) => /qwen3:0\.6b\s+█+\s+100%.*done/u.test(frame), 10_000);
    unmount();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appEnv, assertBuilt, temporaryHome } from './e2e-setup.js';
import { cliPath, startTmux, type TmuxSession } from './tmux.js';

/** `ollamamon --demo`: a newcomer without Ollama gets a simulated host with a few models. */
describe('ollamamon --demo (e2e, tmux)', () => {
  let session: TmuxSession;
  const home = temporaryHome();

  beforeAll(async () => {
    assertBuilt();
    session = await startTmux({
      // OLLAMA_HOST points nowhere: --demo must not need it.
      command: [process.execPath, cliPath, '--demo'],
      env: {
        OLLAMAMON_HOME: home.path,
        PATH: appEnv(home.path).PATH ?? '',
        OLLAMA_HOST: '127.0.0.1:1',
      },
      columns: 120,
      rows: 30,
    });
  });

  afterAll(async () => {
    await session?.kill();
    await fresh?.kill();
    home.remove();
  });

  let fresh: TmuxSession | undefined;

  it('starts the simulator in-process and shows its models, one of them loaded', async () => {
    const screen = await session.waitFor(
      (text) => text.includes('(demo)') && text.includes('5/5 models'),
    );
    for (const model of [
      'qwen3:0.6b',
      'llama3.2:1b',
      'gemma3:4b',
      'llava:7b',
      'nomic-embed-text:latest',
    ]) {
      expect(screen).toContain(model);
    }
    expect(screen).toMatch(/qwen3:0\.6b.*GPU/u);
    expect(screen).toContain('● up');
  });

  it('switches tabs with number keys and quits with q', async () => {
    await session.press('4');
    await session.waitFor((text) => /demo/u.test(text) && !text.includes('5/5 models'));
    await session.press('1');
    await session.waitFor('5/5 models');
    await session.press('q');
    expect(await session.waitForExit()).toBe(0);
  });

  it('offers the demo on the no-host screen of a fresh machine: d starts it', async () => {
    fresh = await startTmux({
      command: [process.execPath, cliPath],
      env: {
        OLLAMAMON_HOME: home.path,
        PATH: appEnv(home.path).PATH ?? '',
        OLLAMA_HOST: '127.0.0.1:1',
      },
      columns: 120,
      rows: 30,
    });
    const screen = await fresh.waitFor('No Ollama host answers at http://127.0.0.1:1');
    expect(screen).toContain('press d now');
    await fresh.press('d');
    await fresh.waitFor((text) => text.includes('(demo)') && text.includes('5/5 models'));
    await fresh.press('q');
    expect(await fresh.waitForExit()).toBe(0);
  });
});

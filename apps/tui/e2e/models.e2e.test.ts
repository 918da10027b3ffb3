import { type Simulator, startSimulator } from '@ollamamon/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appEnv, assertBuilt, temporaryHome } from './e2e-setup.js';
import { cliPath, startTmux, type TmuxSession } from './tmux.js';

/**
 * The built `ollamamon` in a real terminal (tmux, private socket) against the simulator: open, sort,
 * filter, details, pull with progress, batch delete with confirmation, help overlay, quit.
 * The `it`s run in order on one session, as a user would.
 */
describe('ollamamon models tab (e2e, tmux)', () => {
  let simulator: Simulator;
  let session: TmuxSession;
  const home = temporaryHome();

  beforeAll(async () => {
    assertBuilt();
    simulator = await startSimulator({
      models: ['llama3.2:1b', 'qwen3:0.6b', 'llava:7b', 'nomic-embed-text:latest', 'gemma3:1b'],
      loaded: ['qwen3:0.6b'],
      pullBytesPerSecond: 500_000_000,
      loadDelayMs: 0,
      tokenDelayMs: 0,
    });
    // A newer llava:7b in the (simulated) registry: the table marks it outdated.
    simulator.registry.setDigest('llava:7b');
    const env = appEnv(home.path);
    session = await startTmux({
      command: [process.execPath, cliPath, '--host', simulator.url, '--registry', simulator.url],
      env: { OLLAMAMON_HOME: home.path, PATH: env.PATH ?? '' },
      columns: 130,
      rows: 32,
    });
  });

  afterAll(async () => {
    await session?.kill();
    await simulator?.close();
    home.remove();
  });

  const modelOrder = (screen: string) =>
    screen
      .split('\n')
      .map((line) => /^[ ›][ ●]\s+★?\s*(\S+:\S+)/u.exec(line)?.[1])
      .filter((name): name is string => name !== undefined);

  it('opens on the Models tab with every installed model and the status bar', async () => {
    const screen = await session.waitFor(
      (text) => text.includes('nomic-embed-text:latest') && text.includes('● up'),
    );
    expect(screen).toContain('1 Models');
    expect(screen).toContain(simulator.url);
    expect(screen).toContain('loaded 1');
    expect(modelOrder(screen)).toEqual([
      'gemma3:1b',
      'llama3.2:1b',
      'llava:7b',
      'nomic-embed-text:latest',
      'qwen3:0.6b',
    ]);
    expect(await session.paneInfo('#{alternate_on}')).toBe('1');
    await session.waitFor('llava:7b ⬆');
    // Colour is on without NO_COLOR (no-host.e2e.test.ts shows it off with NO_COLOR).
    const escapeCharacter = String.fromCharCode(27);
    expect(await session.screen({ escapes: true })).toMatch(
      new RegExp(`${escapeCharacter}\\[[0-9;]*(3[0-7]|9[0-7])m`, 'u'),
    );
  });

  it('sorts by size (biggest first) with s, and reverses with o', async () => {
    await session.press('s');
    let screen = await session.waitFor('SIZE▼');
    expect(modelOrder(screen)).toEqual([
      'llava:7b',
      'llama3.2:1b',
      'gemma3:1b',
      'qwen3:0.6b',
      'nomic-embed-text:latest',
    ]);
    await session.press('o');
    screen = await session.waitFor('SIZE▲');
    expect(modelOrder(screen)[0]).toBe('nomic-embed-text:latest');
  });

  it('filters with OR and AND and by capability, sorted and filtered together', async () => {
    await session.press('f');
    await session.waitFor('Filter:');
    await session.type('llama|qwen');
    let screen = await session.waitFor('3/5 models');
    expect(modelOrder(screen)).toEqual(['qwen3:0.6b', 'llama3.2:1b', 'llava:7b']);
    await session.type(' cap:vision');
    screen = await session.waitFor('1/5 models');
    expect(modelOrder(screen)).toEqual(['llava:7b']);
    await session.press('Enter');
    await session.waitFor('filter: llama|qwen cap:vision');
    await session.press('Escape');
    screen = await session.waitFor('5/5 models');
    expect(modelOrder(screen)).toHaveLength(5);
  });

  it('shows details with the Modelfile on m and goes back with Esc', async () => {
    // The cursor is on the first row (sorted by size ascending): nomic-embed-text.
    await session.press('m');
    const screen = await session.waitFor(/Details · 1-\d+ of \d+/u);
    expect(screen).toMatch(/capabilities\s+embedding/u);
    expect(screen).toMatch(/family\s+nomic-bert/u);
    await session.press('PageDown', 'PageDown', 'PageDown');
    await session.waitFor(/^\s+FROM \S+/mu);
    await session.press('Escape');
    await session.waitFor('5/5 models');
  });

  it('pulls several models at once with a progress bar, rate and ETA', async () => {
    await session.press('p');
    await session.waitFor('Pull:');
    await session.type('llama3.2:3b mxbai-embed-large:latest');
    // As a person types: the text is on screen before Enter (Ink reads text+Enter in one chunk as text).
    await session.waitFor('Pull: llama3.2:3b mxbai-embed-large:latest');
    await session.press('Enter');
    const progress = await session.waitFor(/llama3\.2:3b\s+█*░+\s+\d+%.*MB\/s ETA/u);
    expect(progress).toContain('mxbai-embed-large:latest');
    await session.waitFor(
      (text) =>
        /llama3\.2:3b\s+█+\s+100%.*done/u.test(text) &&
        /mxbai-embed-large:latest\s+█+\s+100%/u.test(text),
      {
        timeoutMs: 25_000,
      },
    );
    await session.waitFor('7/7 models');
    expect(simulator.installed()).toEqual(
      expect.arrayContaining(['llama3.2:3b', 'mxbai-embed-large:latest']),
    );
  });

  it('deletes the selected models after one confirmation listing them and the disk freed', async () => {
    // Sorted by size ascending: nomic, qwen3:0.6b first. Select both.
    await session.press('Space');
    await session.waitFor('1 selected');
    await session.press('Space');
    await session.waitFor('2 selected');
    await session.press('d');
    const confirm = await session.waitFor('Delete 2 models?');
    expect(confirm).toMatch(/nomic-embed-text:latest\s+274 MB/u);
    expect(confirm).toMatch(/qwen3:0\.6b\s+523 MB/u);
    expect(confirm).toContain('Frees 797 MB of disk.');
    await session.press('n');
    await session.waitForGone('Delete 2 models?');
    expect(simulator.installed()).toContain('qwen3:0.6b');
    await session.press('d');
    await session.waitFor('Delete 2 models?');
    await session.press('y');
    await session.waitFor('5/5 models');
    expect(simulator.installed()).not.toContain('qwen3:0.6b');
    expect(simulator.installed()).not.toContain('nomic-embed-text:latest');
  });

  it('shows the help overlay generated from the keymap on ?', async () => {
    await session.press('?');
    const help = await session.waitFor('Keys (Esc or ? closes)');
    for (const text of [
      'Global',
      'Models',
      'Chat',
      'Monitor',
      'Hosts',
      'Command palette',
      'Stop generating',
    ]) {
      expect(help).toContain(text);
    }
    await session.press('Escape');
    await session.waitFor('5/5 models');
  });

  it('quits on q and leaves the terminal as it found it', async () => {
    await session.press('q');
    const status = await session.waitForExit();
    expect(status).toBe(0);
    const screen = await session.screen();
    expect(screen).toMatch(/icanon echo|echo icanon/u);
    expect(screen).not.toContain('-icanon');
    expect(screen).not.toContain('5/5 models');
    expect(await session.paneInfo('#{alternate_on}')).toBe('0');
    expect(await session.paneInfo('#{cursor_flag}')).toBe('1');
  });
});

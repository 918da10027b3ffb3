import { type Simulator, startSimulator } from '@ollamamon/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appEnv, assertBuilt, temporaryHome } from './e2e-setup.js';
import { cliPath, startTmux, type TmuxSession } from './tmux.js';

/** The pull queue survives a restart: it is kept in the store and resumed on the same host. */
describe('ollamamon pull queue across a restart (e2e, tmux)', () => {
  let simulator: Simulator;
  const sessions: TmuxSession[] = [];
  const home = temporaryHome();

  const open = async () => {
    const session = await startTmux({
      command: [process.execPath, cliPath, '--host', simulator.url, '--registry', simulator.url],
      env: { OLLAMAMON_HOME: home.path, PATH: appEnv(home.path).PATH ?? '' },
      columns: 120,
      rows: 30,
    });
    sessions.push(session);
    return session;
  };

  beforeAll(async () => {
    assertBuilt();
    // Slow enough that the pull is still running when the app quits.
    simulator = await startSimulator({ models: ['qwen3:0.6b'], pullBytesPerSecond: 20_000_000 });
  });

  afterAll(async () => {
    for (const session of sessions) await session.kill();
    await simulator?.close();
    home.remove();
  });

  it('resumes an unfinished pull when the app starts again', async () => {
    const first = await open();
    await first.waitFor('1/1 models');
    await first.press('p');
    await first.waitFor('Pull:');
    await first.type('llama3.2:3b');
    await first.waitFor('Pull: llama3.2:3b');
    await first.press('Enter');
    await first.waitFor(/llama3\.2:3b\s+█*░+\s+\d+%.*MB\/s/u);
    await first.press('q');
    expect(await first.waitForExit()).toBe(0);
    expect(simulator.installed()).not.toContain('llama3.2:3b');

    const second = await open();
    const screen = await second.waitFor(/llama3\.2:3b\s+█*░+\s+\d+%.*pulling/u);
    expect(screen).toContain('Pulls');
    // One more pull, then X cancels both.
    await second.press('p');
    await second.waitFor('Pull:');
    await second.type('mistral:7b');
    await second.waitFor('Pull: mistral:7b');
    await second.press('Enter');
    await second.waitFor(/mistral:7b\s+█*░+\s+\d+%.*pulling/u);
    await second.press('X');
    await second.waitFor(
      (text) => /llama3\.2:3b.*cancelled/u.test(text) && /mistral:7b.*cancelled/u.test(text),
    );
    await second.press('q');
    expect(await second.waitForExit()).toBe(0);
  });
});

import { type Simulator, startSimulator } from '@ollamamon/simulator';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { appEnv, assertBuilt, temporaryHome } from './e2e-setup.js';
import { cliPath, startTmux, type TmuxSession } from './tmux.js';

/**
 * The built `ollamamon` in a real terminal (tmux, private socket) against the simulator: chat with streaming
 * and stop, switch model mid-chat, and resume a past chat after restarting the app.
 */
// Each test starts the app (twice for the resume one): generous bounds for a loaded CI machine.
describe('ollamamon chat tab (e2e, tmux)', { timeout: 90_000 }, () => {
  let simulator: Simulator;
  const homes: ReturnType<typeof temporaryHome>[] = [];
  const sessions: TmuxSession[] = [];

  beforeAll(async () => {
    assertBuilt();
    simulator = await startSimulator({
      models: ['llama3.2:1b', 'qwen3:0.6b', 'nomic-embed-text:latest'],
      loadDelayMs: 0,
      // ~0.6 s per reply: long enough to see it stream, short enough for a quick suite.
      tokenDelayMs: 12,
      responseTokens: { min: 40, max: 60 },
    });
  });

  afterEach(async () => {
    simulator.clearFaults();
    for (const session of sessions.splice(0)) await session.kill();
  });

  afterAll(async () => {
    await simulator?.close();
    for (const home of homes) home.remove();
  });

  const open = async (home = temporaryHome()) => {
    if (!homes.includes(home)) homes.push(home);
    const env = appEnv(home.path);
    const session = await startTmux({
      command: [process.execPath, cliPath, '--host', simulator.url],
      env: { OLLAMAMON_HOME: home.path, PATH: env.PATH ?? '' },
      columns: 120,
      rows: 36,
    });
    sessions.push(session);
    await session.waitFor('1 Models');
    await session.press('2');
    await session.waitFor('Chat with llama3.2:1b');
    return { session, home };
  };

  const ask = async (session: TmuxSession, text: string) => {
    await session.type(text);
    await session.waitFor(text);
    await session.press('Enter');
  };

  it('streams a reply with its metrics, and Esc stops the next one', async () => {
    const { session } = await open();
    await ask(session, 'Hello from the e2e test');
    // While it streams: the live line with tokens and rate.
    await session.waitFor(/\d+ tokens/);
    const done = await session.waitFor('1 reply');
    expect(done).toContain('Hello from the e2e test');
    expect(done).toMatch(/\d+ in · \d+ out · first token \d+/);
    expect(done).toContain('llama3.2:1b');

    // The next reply stalls after a few tokens, as a slow model would; Esc stops it.
    simulator.addFault({ path: '/api/chat', stallAfterChunks: 8, times: 1 });
    await ask(session, 'Tell me a long story');
    await session.waitFor((screen) => screen.includes('Esc stops') && /writing…/.test(screen));
    await session.press('Escape');
    const stopped = await session.waitFor('stopped');
    expect(stopped).toContain('2 replies');
    expect(stopped).not.toContain('Esc stops');
    // Input works again after the stop.
    await ask(session, 'Still there?');
    await session.waitFor('3 replies');
  });

  it('switches model mid-chat; each reply names the model that wrote it', async () => {
    const { session } = await open();
    await ask(session, 'First question');
    await session.waitFor('1 reply');
    await session.press('C-t');
    await session.waitFor('Switch model');
    await session.type('qwen');
    await session.waitFor('› qwen3:0.6b');
    await session.press('Enter');
    await session.waitFor('now chatting with qwen3:0.6b');
    await ask(session, 'Second question');
    const screen = await session.waitFor('2 replies');
    const headers = screen
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line === 'llama3.2:1b' || line === 'qwen3:0.6b');
    expect(headers).toEqual(['llama3.2:1b', 'qwen3:0.6b']);
    // The status line names the current model.
    expect(screen).toMatch(/qwen3:0\.6b · 2 replies/);
  });

  it('resumes a past chat, found by search, after restarting the app', async () => {
    const first = await open();
    await ask(first.session, 'Remember the word pelican');
    await first.session.waitFor('1 reply');
    // Leave the input (Tab), then q quits; the terminal is restored.
    await first.session.press('Tab');
    await first.session.waitFor('i type');
    await first.session.press('q');
    expect(await first.session.waitForExit()).toBe(0);

    const second = await open(first.home);
    await second.session.press('C-o');
    await second.session.waitFor('Past chats');
    await second.session.type('pelican');
    await second.session.waitFor('«pelican»');
    await second.session.press('Enter');
    const resumed = await second.session.waitFor('resumed');
    expect(resumed).toContain('Remember the word pelican');
    expect(resumed).toContain('1 reply');
    await ask(second.session, 'Which word was it?');
    const continued = await second.session.waitFor('2 replies');
    expect(continued).toContain('Remember the word pelican');
  });
});

import { createServer } from 'node:net';
import { type Simulator, startSimulator } from '@ollamamon/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appEnv, assertBuilt, temporaryHome } from './e2e-setup.js';
import { cliPath, startTmux, type TmuxSession } from './tmux.js';

/** A port nothing listens on (yet). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

// SGR colour parameters: 30-37/90-97 foreground, 40-47/100-107 background, 38/48 extended.
const colourSequence = new RegExp(
  `${String.fromCharCode(27)}\\[(?:[0-9;]*;)?(?:3[0-8]|4[0-8]|9[0-7]|10[0-7])(?:;[0-9;]*)?m`,
  'u',
);

describe('ollamamon with no host answering (e2e, tmux)', () => {
  let session: TmuxSession;
  let simulator: Simulator | undefined;
  let port: number;
  const home = temporaryHome();

  beforeAll(async () => {
    assertBuilt();
    port = await freePort();
    session = await startTmux({
      command: [process.execPath, cliPath],
      // OLLAMA_HOST as a user sets it (no scheme): parsed as Ollama does. NO_COLOR: no colour at all.
      env: {
        OLLAMAMON_HOME: home.path,
        PATH: appEnv(home.path).PATH ?? '',
        OLLAMA_HOST: `127.0.0.1:${port}`,
        NO_COLOR: '1',
      },
      columns: 110,
      rows: 30,
    });
  });

  afterAll(async () => {
    await session?.kill();
    await simulator?.close();
    home.remove();
  });

  it('says which address it tried and what to do, without colour under NO_COLOR', async () => {
    const screen = await session.waitFor(`No Ollama host answers at http://127.0.0.1:${port}`);
    expect(screen).toContain('ollama serve');
    expect(screen).toContain('OLLAMA_HOST=');
    expect(screen).toContain('ollamamon --demo');
    expect(screen).toMatch(/Retrying every \d+ s \(attempt \d+\)/u);
    expect(screen).toContain('○ down');
    const withEscapes = await session.screen({ escapes: true });
    expect(withEscapes).not.toMatch(colourSequence);
  });

  it('keeps retrying and opens the models once the host answers', async () => {
    await session.waitFor(/attempt [2-9]/u);
    simulator = await startSimulator({ port, models: ['qwen3:0.6b', 'gemma3:1b'] });
    const screen = await session.waitFor('2/2 models');
    expect(screen).toContain('qwen3:0.6b');
    expect(screen).toContain('● up');
    expect(screen).not.toContain('No Ollama host answers');
    expect(await session.screen({ escapes: true })).not.toMatch(colourSequence);
  });

  it('quits with q', async () => {
    await session.press('q');
    expect(await session.waitForExit()).toBe(0);
  });
});

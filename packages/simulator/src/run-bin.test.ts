import { describe, expect, it } from 'vitest';
import { flags } from './parse-arguments.js';
import { runBin } from './run-bin.js';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    output: { out: (line: string) => out.push(line), err: (line: string) => err.push(line) },
  };
}

describe('ollamamon-sim', () => {
  it('--help explains every flag', async () => {
    const { out, output } = capture();
    expect(await runBin(['--help'], output)).toEqual({ exitCode: 0 });
    for (const [flag] of flags) expect(out.join('\n')).toContain(flag);
    expect(out.join('\n')).toContain('llama3.2:1b');
  });

  it('starts the default set and says where it listens', async () => {
    const { out, output } = capture();
    const result = await runBin(['--port', '0'], output);
    if (!('simulator' in result)) throw new Error('expected a simulator');
    try {
      expect(out[0]).toBe(`ollamamon-sim listening on ${result.simulator.url}`);
      expect(result.simulator.installed().sort()).toEqual([
        'gemma3:4b',
        'nomic-embed-text:latest',
        'qwen3:0.6b',
      ]);
      expect(await (await fetch(result.simulator.url)).text()).toBe('Ollama is running');
    } finally {
      await result.simulator.close();
    }
  });

  it('--models, --host and --verbose', async () => {
    const { err, output } = capture();
    const result = await runBin(
      ['--port=0', '--host', '127.0.0.1', '--models', 'llama3.2:1b,mistral', '--verbose'],
      output,
    );
    if (!('simulator' in result)) throw new Error('expected a simulator');
    try {
      expect(result.simulator.installed().sort()).toEqual(['llama3.2:1b', 'mistral:latest']);
      await fetch(`${result.simulator.url}/api/tags`);
      expect(err.some((line) => line.startsWith('GET /api/tags 200'))).toBe(true);
    } finally {
      await result.simulator.close();
    }
  });

  it('rejects an unknown flag, a bad port and an unknown model with exit code 2', async () => {
    for (const argv of [['--bogus'], ['--port', 'x'], ['--port', '0', '--models', 'not-a-model']]) {
      const { err, output } = capture();
      expect(await runBin(argv, output)).toEqual({ exitCode: 2 });
      expect(err.join('\n')).toMatch(/^ollamamon-sim: /);
    }
  });

  it('reports a port in use with exit code 1', async () => {
    const first = await runBin(['--port', '0'], capture().output);
    if (!('simulator' in first)) throw new Error('expected a simulator');
    try {
      const { err, output } = capture();
      expect(await runBin(['--port', String(first.simulator.port)], output)).toEqual({
        exitCode: 1,
      });
      expect(err[0]).toContain('EADDRINUSE');
    } finally {
      await first.simulator.close();
    }
  });
});

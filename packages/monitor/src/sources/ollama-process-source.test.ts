import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { copyFixtureTree, fixturePath } from '../__fixtures__/fixtures.js';
import { createSystemIo } from '../io/system-io.js';
import { createOllamaProcessSource } from './ollama-process-source.js';

let directory = '';
afterEach(() => rm(directory, { recursive: true, force: true }));

describe('createOllamaProcessSource', () => {
  it('finds ollama serve and its runners in /proc, not the `ollama run` CLI, with CPU% and RSS', async () => {
    directory = await copyFixtureTree('proc');
    let nowMs = 50_000;
    const source = createOllamaProcessSource({
      io: { ...createSystemIo(), platform: 'linux' },
      procRoot: directory,
      now: () => nowMs,
    });
    const first = await source.sample();
    if (!first.available) throw new Error(first.reason);
    expect(
      first.processes.map((process) => [process.pid, process.role, process.cpuPercent]),
    ).toEqual([
      [812, 'serve', null],
      [4121, 'runner', null],
      [4388, 'runner', null],
    ]);
    expect(first.processes[1]).toMatchObject({
      parentPid: 812,
      rssBytes: 4_521_984 * 4096,
      modelPath:
        '/usr/share/ollama/.ollama/models/blobs/sha256-de20d2cf2dc430b1717a8b07a9df029d651f3895dbffec4729a3902a6fe344c9',
      port: 39_125,
      contextSize: 65_536,
      gpuLayers: 50,
    });
    // 1.5 s later the runner has used 225 more ticks (utime 152340 → 152565): 150% of one core.
    const stat = await readFile(`${directory}/4121/stat`, 'utf8');
    await writeFile(`${directory}/4121/stat`, stat.replace(' 152340 18123 ', ' 152565 18123 '));
    nowMs += 1500;
    const second = await source.sample();
    if (!second.available) throw new Error(second.reason);
    expect(second.processes.find((process) => process.pid === 4121)?.cpuPercent).toBeCloseTo(
      150,
      6,
    );
    expect(second.processes.find((process) => process.pid === 812)?.cpuPercent).toBe(0);
  });

  it('forgets a process that exited, and finds a new runner at the next listing of /proc', async () => {
    directory = await copyFixtureTree('proc');
    let nowMs = 0;
    const source = createOllamaProcessSource({
      io: { ...createSystemIo(), platform: 'linux' },
      procRoot: directory,
      now: () => nowMs,
    });
    await source.sample();
    await rm(`${directory}/4388`, { recursive: true });
    await cp(`${directory}/4121`, `${directory}/6001`, { recursive: true });
    nowMs = 1000;
    const between = await source.sample();
    expect(between.available && between.processes.map((process) => process.pid)).toEqual([
      812, 4121,
    ]);
    nowMs = 5000;
    const listed = await source.sample();
    expect(listed.available && listed.processes.map((process) => process.pid)).toEqual([
      812, 4121, 6001,
    ]);
  });

  it('parses `ps` output off Linux', async () => {
    const text = await readFile(fixturePath('ps-macos.txt'), 'utf8');
    const source = createOllamaProcessSource({
      io: {
        ...createSystemIo(),
        platform: 'darwin',
        run: async (command) => {
          expect(command).toBe('ps');
          return { stdout: text, stderr: '', exitCode: 0 };
        },
      },
    });
    const reading = await source.sample();
    if (!reading.available) throw new Error(reading.reason);
    expect(
      reading.processes.map((process) => [
        process.pid,
        process.role,
        process.cpuPercent,
        process.rssBytes,
      ]),
    ).toEqual([
      [612, 'serve', 0.3, 98_304 * 1024],
      [4121, 'runner', 312.5, 5_242_880 * 1024],
    ]);
  });

  it('is not available, with the reason, when ps is missing', async () => {
    const source = createOllamaProcessSource({
      io: {
        ...createSystemIo(),
        platform: 'darwin',
        run: async () => {
          throw Object.assign(new Error('spawn ps ENOENT'), { code: 'ENOENT' });
        },
      },
    });
    expect(await source.sample()).toEqual({ available: false, reason: 'ps not found on PATH' });
  });
});

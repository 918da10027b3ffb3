import { copyFile, rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { copyFixtureTree } from '../__fixtures__/fixtures.js';
import { createSystemIo } from '../io/system-io.js';
import { createCpuSource } from './cpu-source.js';

const linuxIo = { ...createSystemIo(), platform: 'linux' as const };
let directory = '';
afterEach(() => rm(directory, { recursive: true, force: true }));

describe('createCpuSource', () => {
  it('reports the busy share per core between two /proc/stat readings, load and frequency', async () => {
    directory = await copyFixtureTree('proc');
    const source = createCpuSource({ io: linuxIo, procRoot: directory });
    await source.start?.();
    await copyFile(`${directory}/stat-later`, `${directory}/stat`);
    const reading = await source.sample();
    if (!reading.available) throw new Error(reading.reason);
    // cpu: busy +800 of +1400 ticks; cpu0 +550 of +600; cpu3 +30 of +100.
    expect(reading.utilisationPercent).toBeCloseTo(57.14, 2);
    expect(reading.perCorePercent.map((value) => Math.round(value * 100) / 100)).toEqual([
      91.67, 52.38, 52.38, 30,
    ]);
    expect(reading.cores).toBe(4);
    expect(reading.loadAverage).toEqual([3.42, 2.87, 1.95]);
    expect(reading.frequencyMhz).toBeCloseTo(3309.08, 2);
  });

  it('is not available, with the reason, when /proc/stat cannot be read', async () => {
    const source = createCpuSource({ io: linuxIo, procRoot: '/nonexistent-proc' });
    const reading = await source.sample();
    expect(reading.available).toBe(false);
    expect(!reading.available && reading.reason).toMatch(/cannot read CPU counters: .*ENOENT/);
  });

  it('uses node:os off Linux', async () => {
    const source = createCpuSource({ io: { ...createSystemIo(), platform: 'darwin' } });
    await source.start?.();
    const reading = await source.sample();
    expect(reading.available && reading.cores).toBeGreaterThan(0);
  });
});

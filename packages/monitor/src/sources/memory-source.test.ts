import { copyFile, rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { copyFixtureTree } from '../__fixtures__/fixtures.js';
import { createSystemIo } from '../io/system-io.js';
import { createMemorySource } from './memory-source.js';

const linuxIo = { ...createSystemIo(), platform: 'linux' as const };
let directory = '';
afterEach(() => rm(directory, { recursive: true, force: true }));

describe('createMemorySource', () => {
  it('reads total, available, swap, swap rates and PSI from /proc', async () => {
    directory = await copyFixtureTree('proc');
    let nowMs = 10_000;
    const source = createMemorySource({ io: linuxIo, procRoot: directory, now: () => nowMs });
    const first = await source.sample();
    if (!first.available) throw new Error(first.reason);
    expect(first).toMatchObject({
      totalBytes: 65_536_000 * 1024,
      availableBytes: 4_718_592 * 1024,
      usedBytes: (65_536_000 - 4_718_592) * 1024,
      swapTotalBytes: 8_388_604 * 1024,
      swapUsedBytes: (8_388_604 - 5_242_876) * 1024,
      swapInBytesPerSecond: null,
      swapOutBytesPerSecond: null,
      pressure: { someAvg10: 23.51, someAvg60: 12.08, fullAvg10: 9.02, fullAvg60: 4.5 },
    });
    await copyFile(`${directory}/vmstat-later`, `${directory}/vmstat`);
    nowMs += 2000;
    const second = await source.sample();
    if (!second.available) throw new Error(second.reason);
    // pswpout +6400 pages and pswpin +256 pages over 2 s, 4 KiB pages.
    expect(second.swapOutBytesPerSecond).toBe((6400 * 4096) / 2);
    expect(second.swapInBytesPerSecond).toBe((256 * 4096) / 2);
  });

  it('reports pressure as null where the kernel has no PSI', async () => {
    directory = await copyFixtureTree('proc');
    await rm(`${directory}/pressure`, { recursive: true });
    const reading = await createMemorySource({ io: linuxIo, procRoot: directory }).sample();
    expect(reading.available && reading.pressure).toBeNull();
  });

  it('is not available, with the reason, without /proc/meminfo', async () => {
    const reading = await createMemorySource({
      io: linuxIo,
      procRoot: '/nonexistent-proc',
    }).sample();
    expect(!reading.available && reading.reason).toMatch(/cannot read \/nonexistent-proc\/meminfo/);
  });
});

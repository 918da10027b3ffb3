import { copyFile, readFile, rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { copyFixtureTree, fixturePath } from '../__fixtures__/fixtures.js';
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

  it('reads macOS memory from vm_stat and sysctl (free + inactive + speculative pages), at most every 5 s', async () => {
    const calls: string[] = [];
    let nowMs = 0;
    let swapouts = 786_432;
    const source = createMemorySource({
      now: () => nowMs,
      io: {
        ...createSystemIo(),
        platform: 'darwin',
        run: async (command) => {
          calls.push(command);
          const file = command === 'vm_stat' ? 'vm_stat-macos.txt' : 'sysctl-vm-swapusage.txt';
          const stdout = (await readFile(fixturePath(file), 'utf8')).replace(
            '786432',
            String(swapouts),
          );
          return { stdout, stderr: '', exitCode: 0 };
        },
      },
    });
    const first = await source.sample();
    if (!first.available) throw new Error(first.reason);
    expect(first.availableBytes).toBe((24_153 + 398_210 + 6021) * 16_384);
    expect(first.swapTotalBytes).toBe(2048 * 1024 ** 2);
    expect(first.swapUsedBytes).toBe(1095.25 * 1024 ** 2);
    nowMs = 1000;
    await source.sample();
    expect(calls).toEqual(['vm_stat', 'sysctl']);
    swapouts += 1000;
    nowMs = 5000;
    const later = await source.sample();
    expect(later.available && later.swapOutBytesPerSecond).toBe((1000 * 16_384) / 5);
    expect(calls).toHaveLength(4);
  });
});

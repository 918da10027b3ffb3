import { describe, expect, it } from 'vitest';
import { fixturePath } from '../__fixtures__/fixtures.js';
import { createSystemIo } from '../io/system-io.js';
import { createTemperatureSource } from './temperature-source.js';

describe('createTemperatureSource', () => {
  it('reads hwmon and thermal zones and takes the hottest CPU sensor', async () => {
    const source = createTemperatureSource({
      io: { ...createSystemIo(), platform: 'linux' },
      sysRoot: fixturePath('sys'),
    });
    const reading = await source.sample();
    if (!reading.available) throw new Error(reading.reason);
    expect(reading.cpuCelsius).toBe(67.875);
    expect(reading.sensors).toEqual([
      { label: 'k10temp/Tctl', celsius: 67.875 },
      { label: 'k10temp/Tccd1', celsius: 61.25 },
      { label: 'nvme/Composite', celsius: 44.85 },
      { label: 'acpitz', celsius: 27.8 },
    ]);
  });

  it('gives null, not an error, where the OS exposes no sensor', async () => {
    const source = createTemperatureSource({
      io: { ...createSystemIo(), platform: 'linux' },
      sysRoot: '/nonexistent-sys',
    });
    expect(await source.sample()).toEqual({ available: true, cpuCelsius: null, sensors: [] });
  });

  it('asks the slow non-Linux reader at most once per interval', async () => {
    let calls = 0;
    let nowMs = 0;
    const source = createTemperatureSource({
      io: { ...createSystemIo(), platform: 'darwin' },
      cpuTemperature: async () => {
        calls += 1;
        return { main: 52, cores: [50, 54] };
      },
      now: () => nowMs,
    });
    await source.sample();
    nowMs = 5000;
    const reading = await source.sample();
    expect(calls).toBe(1);
    expect(reading.available && reading.cpuCelsius).toBe(52);
    nowMs = 10_000;
    await source.sample();
    expect(calls).toBe(2);
  });
});

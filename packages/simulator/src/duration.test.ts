import { describe, expect, it } from 'vitest';
import { keepAliveOption, parseGoDuration, parseKeepAlive } from './duration.js';

describe('keep_alive parsing', () => {
  it('parses Go durations and numbers of seconds', () => {
    expect(parseGoDuration('1h30m')).toBe(5_400_000);
    expect(parseGoDuration('1.5s')).toBe(1500);
    expect(parseGoDuration('200ms')).toBe(200);
    expect(parseGoDuration('0')).toBe(0);
    expect(parseKeepAlive(300)).toBe(300_000);
    expect(parseKeepAlive('-1s')).toBe(Number.POSITIVE_INFINITY);
    expect(parseKeepAlive(-1)).toBe(Number.POSITIVE_INFINITY);
    expect(parseKeepAlive(undefined)).toBeUndefined();
  });

  it('gives Go error texts', () => {
    expect(() => parseGoDuration('5')).toThrow('time: missing unit in duration "5"');
    expect(() => parseGoDuration('5y')).toThrow('time: unknown unit "y" in duration "5y"');
    expect(() => parseGoDuration('abc')).toThrow('time: invalid duration "abc"');
    expect(() => parseKeepAlive({})).toThrow("Unsupported type: 'map[string]interface {}'");
  });

  it('the option defaults to 5 minutes', () => {
    expect(keepAliveOption(undefined)).toBe(300_000);
    expect(keepAliveOption('10m')).toBe(600_000);
  });
});

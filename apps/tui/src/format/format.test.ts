import { describe, expect, it } from 'vitest';
import { formatBytes, parseBytes } from './bytes.js';
import { formatDuration, formatRate } from './duration.js';
import { formatRelativeTime } from './relative-time.js';

describe('formatBytes', () => {
  it('uses decimal units like ollama ls', () => {
    expect(formatBytes(4_661_224_676)).toBe('4.7 GB');
    expect(formatBytes(274_302_450)).toBe('274 MB');
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(undefined)).toBe('-');
  });
});

describe('parseBytes', () => {
  it('reads decimal and binary suffixes', () => {
    expect(parseBytes('4g')).toBe(4e9);
    expect(parseBytes('500MB')).toBe(5e8);
    expect(parseBytes('1GiB')).toBe(1024 ** 3);
    expect(parseBytes('123')).toBe(123);
    expect(parseBytes('big')).toBeUndefined();
  });
});

describe('formatDuration', () => {
  it('scales from milliseconds to hours', () => {
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(4200)).toBe('4.2 s');
    expect(formatDuration(185_000)).toBe('3m 05s');
    expect(formatDuration(7_800_000)).toBe('2h 10m');
    expect(formatRate(12.345, 'tok/s')).toBe('12.3 tok/s');
  });
});

describe('formatRelativeTime', () => {
  it('says how long ago', () => {
    const now = Date.UTC(2026, 0, 10);
    expect(formatRelativeTime(now - 2000, now)).toBe('just now');
    expect(formatRelativeTime(now - 5 * 60_000, now)).toBe('5m ago');
    expect(formatRelativeTime(new Date(now - 3 * 86_400_000).toISOString(), now)).toBe('3d ago');
    expect(formatRelativeTime(now + 4 * 60_000, now)).toBe('in 4m');
    expect(formatRelativeTime(undefined, now)).toBe('-');
  });
});

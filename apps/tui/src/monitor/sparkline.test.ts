import { describe, expect, it } from 'vitest';
import { sparkline } from './sparkline.js';

describe('sparkline', () => {
  it('draws the last values on a fixed scale', () => {
    expect(sparkline([0, 50, 100], 10, { min: 0, max: 100 })).toBe('▁▅█');
    expect(sparkline([1, 2, 3, 4, 5], 3, { min: 0, max: 5 })).toBe('▅▇█');
  });
  it('uses the series range without a scale and keeps a flat line low', () => {
    expect(sparkline([10, 20], 5)).toBe('▁█');
    expect(sparkline([7, 7, 7], 5)).toBe('▁▁▁');
    expect(sparkline([], 5)).toBe('');
  });
});

import { describe, expect, it } from 'vitest';
import { createHistory } from './history.js';

describe('createHistory', () => {
  it('keeps the last `capacity` values per metric, oldest first', () => {
    const history = createHistory({ capacity: 3 });
    for (let index = 1; index <= 5; index += 1) history.record('cpu', index * 1000, index * 10);
    expect(history.series('cpu')).toEqual({ timesMs: [3000, 4000, 5000], values: [30, 40, 50] });
    expect(history.series('missing')).toEqual({ timesMs: [], values: [] });
  });

  it('drops the least recently updated metric beyond maxMetrics', () => {
    const history = createHistory({ capacity: 2, maxMetrics: 2 });
    history.record('a', 1, 1);
    history.record('b', 1, 1);
    history.record('a', 2, 2);
    history.record('c', 2, 2);
    expect(history.metrics().sort()).toEqual(['a', 'c']);
  });
});

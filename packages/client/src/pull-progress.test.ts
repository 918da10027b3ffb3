import { describe, expect, it } from 'vitest';
import { createPullProgress } from './pull-progress';

describe('createPullProgress', () => {
  it('sums layers into one figure with rate and ETA', () => {
    let clock = 0;
    const progress = createPullProgress({ now: () => clock });
    expect(progress.update({ status: 'pulling manifest' })).toMatchObject({
      completedBytes: 0,
      totalBytes: 0,
      fraction: 0,
      etaSeconds: undefined,
    });
    clock = 1000;
    progress.update({ status: 'pulling aaa', digest: 'sha256:aaa', total: 1000, completed: 0 });
    clock = 2000;
    progress.update({ status: 'pulling bbb', digest: 'sha256:bbb', total: 3000, completed: 0 });
    clock = 3000;
    const step = progress.update({
      status: 'pulling aaa',
      digest: 'sha256:aaa',
      total: 1000,
      completed: 1000,
    });
    expect(step.completedBytes).toBe(1000);
    expect(step.totalBytes).toBe(4000);
    expect(step.fraction).toBe(0.25);
    expect(step.layers).toBe(2);
    expect(step.layersDone).toBe(1);
    // 1000 bytes in the 3 s window since the first sample
    expect(step.bytesPerSecond).toBeCloseTo(1000 / 3);
    expect(step.etaSeconds).toBeCloseTo(3000 / (1000 / 3));
    clock = 4000;
    const end = progress.update({ status: 'success' });
    expect(end).toMatchObject({ done: true, fraction: 1, etaSeconds: 0, completedBytes: 4000 });
    expect(progress.current).toBe(end);
  });

  it('never lets a layer go backwards', () => {
    const progress = createPullProgress({ now: () => 0 });
    progress.update({ status: 'x', digest: 'd', total: 100, completed: 60 });
    expect(
      progress.update({ status: 'x', digest: 'd', total: 100, completed: 20 }).completedBytes,
    ).toBe(60);
  });

  it('uses only the recent window for the rate', () => {
    let clock = 0;
    const progress = createPullProgress({ now: () => clock, rateWindowMs: 1000 });
    progress.update({ status: 'x', digest: 'd', total: 10_000, completed: 0 });
    clock = 10_000;
    progress.update({ status: 'x', digest: 'd', total: 10_000, completed: 1000 });
    clock = 10_500;
    progress.update({ status: 'x', digest: 'd', total: 10_000, completed: 1500 });
    clock = 11_000;
    const step = progress.update({ status: 'x', digest: 'd', total: 10_000, completed: 2000 });
    expect(step.bytesPerSecond).toBeCloseTo(1000);
  });
});

import type { MemoryPressure } from '../types.js';

/** Parses a PSI file such as /proc/pressure/memory (`some avg10=.. avg60=.. avg300=.. total=..`, `full ...`). */
export function parsePressure(text: string): MemoryPressure {
  const read = (kind: 'some' | 'full', field: 'avg10' | 'avg60'): number => {
    const line = text.split('\n').find((candidate) => candidate.startsWith(`${kind} `));
    const match = line ? new RegExp(`${field}=([\\d.]+)`).exec(line) : null;
    return match?.[1] ? Number(match[1]) : 0;
  };
  return {
    someAvg10: read('some', 'avg10'),
    someAvg60: read('some', 'avg60'),
    fullAvg10: read('full', 'avg10'),
    fullAvg60: read('full', 'avg60'),
  };
}

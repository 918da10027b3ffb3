import type { Reading } from '../types.js';

/** A sampler of one part of the machine. `start` runs once (long-lived tools start there), `stop` ends them. */
export interface Source<TData> {
  readonly name: string;
  start?(): Promise<void>;
  sample(): Promise<Reading<TData>>;
  stop?(): Promise<void>;
}

export function unavailable(reason: string): { available: false; reason: string } {
  return { available: false, reason };
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

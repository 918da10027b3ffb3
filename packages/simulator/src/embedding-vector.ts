import { createRandom, hashString } from './random.js';

/** A deterministic vector for (model, text), L2-normalised, optionally cut to `dimensions`. */
export function embeddingVector(
  model: string,
  text: string,
  length: number,
  dimensions?: number,
): number[] {
  const random = createRandom(hashString(`${model}\u0000${text}`));
  const size = dimensions && dimensions > 0 ? Math.min(dimensions, length) : length;
  const full = Array.from({ length }, () => random() * 2 - 1);
  return normalise(full.slice(0, size));
}

export function normalise(vector: number[]): number[] {
  const norm = Math.sqrt(vector.reduce((total, value) => total + value * value, 0)) || 1;
  return vector.map((value) => value / norm);
}

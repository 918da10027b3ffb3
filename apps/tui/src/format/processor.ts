import type { ModelRow } from '../models/model-row.js';

/** '100% GPU', '100% CPU' or '25%/75% CPU/GPU' as `ollama ps` prints the split. */
export function formatProcessor(row: ModelRow): string {
  if (!row.loaded) return '';
  if (row.gpuShare === undefined) return 'yes';
  const gpu = Math.round(row.gpuShare * 100);
  if (gpu >= 100) return 'GPU';
  if (gpu <= 0) return 'CPU';
  return `${100 - gpu}/${gpu} C/G`;
}

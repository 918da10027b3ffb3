import type { FitDevices, FitEstimate } from './estimate-fit.js';
import { formatBytes } from './format-bytes.js';
import type { MonitorWarning } from './types.js';

export interface FitWarningInput {
  /** The model name, for the message and the subject (`model:<name>`). */
  model: string;
  numCtx: number;
  estimate: FitEstimate;
  devices: FitDevices;
}

/**
 * A warning before loading a model, from its fit estimate: `model-will-not-fit` (critical) when the
 * part that does not fit on the GPUs exceeds free RAM, `model-spilling-to-cpu` (info) when it would be
 * split, null when it fits on the GPUs or there is no GPU to spill from.
 */
export function fitWarning({
  model,
  numCtx,
  estimate,
  devices,
}: FitWarningInput): MonitorWarning | null {
  const subject = `model:${model}`;
  if (estimate.verdict === 'will-not-fit') {
    return {
      level: 'critical',
      code: 'model-will-not-fit',
      subject,
      message: `${model} will not fit at num_ctx ${numCtx}: ${formatBytes(estimate.cpuBytes)} must go to RAM, ${formatBytes(devices.ramFreeBytes)} is available`,
    };
  }
  if (estimate.verdict !== 'partly-on-cpu') return null;
  const share = Math.round((1 - estimate.gpuShare) * 100);
  const largest = estimate.maxContextOnGpu
    ? ` (fits on GPU up to num_ctx ${estimate.maxContextOnGpu})`
    : '';
  return {
    level: 'info',
    code: 'model-spilling-to-cpu',
    subject,
    message: `${model} would be ${share}% on CPU at num_ctx ${numCtx}; expect slow generation${largest}`,
  };
}

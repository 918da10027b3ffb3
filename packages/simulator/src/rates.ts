import type { Runner } from './scheduler.js';
import type { SimulatorSettings } from './simulator-state.js';

/** The pace of one generation. */
export interface Rates {
  tokenDelayMs: number;
  promptTokensPerSecond: number;
}

/**
 * The configured rates, or with `realisticRates` rates that follow the model: about
 * 220 / (billions of parameters)^0.6 tokens/s on the GPU (1B ≈ 220, 8B ≈ 63, 70B ≈ 17), slowed
 * down by the share spilled to CPU (CPU ≈ 6× slower), prompt evaluation 25× faster.
 */
export function ratesFor(settings: SimulatorSettings, runner: Runner): Rates {
  if (!settings.realisticRates) {
    return {
      tokenDelayMs: settings.tokenDelayMs,
      promptTokensPerSecond: settings.promptTokensPerSecond,
    };
  }
  const billions = Math.max(0.1, runner.model.content.spec.parameterCount / 1e9);
  const cpuShare = runner.sizeBytes > 0 ? 1 - runner.sizeVram / runner.sizeBytes : 0;
  const tokensPerSecond = 220 / billions ** 0.6 / (1 + 5 * cpuShare);
  return { tokenDelayMs: 1000 / tokensPerSecond, promptTokensPerSecond: tokensPerSecond * 25 };
}

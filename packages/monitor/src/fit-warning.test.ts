import { describe, expect, it } from 'vitest';
import { estimateFit, type ShowForFit } from './estimate-fit.js';
import { fitWarning } from './fit-warning.js';

const gibibyte = 1024 ** 3;
const llama31_8b: ShowForFit = {
  details: { quantization_level: 'Q4_K_M' },
  model_info: {
    'general.architecture': 'llama',
    'llama.attention.head_count': 32,
    'llama.attention.head_count_kv': 8,
    'llama.block_count': 32,
    'llama.context_length': 131_072,
    'llama.embedding_length': 4096,
    'llama.vocab_size': 128_256,
  },
};

function warn(numCtx: number, gpuFreeGib: number, ramFreeGib: number) {
  const devices = {
    gpus: gpuFreeGib > 0 ? [{ freeBytes: gpuFreeGib * gibibyte, library: 'cuda' as const }] : [],
    ramFreeBytes: ramFreeGib * gibibyte,
  };
  const estimate = estimateFit({ show: llama31_8b, sizeBytes: 4_920_753_328, numCtx, devices });
  return fitWarning({ model: 'llama3.1:8b', numCtx, estimate, devices });
}

describe('fitWarning', () => {
  it('says nothing when the model fits on the GPU, or when there is no GPU to spill from', () => {
    expect(warn(8192, 23.5, 32)).toBeNull();
    expect(warn(8192, 0, 32)).toBeNull();
  });

  it('warns before a split, with the share and the largest context that fits', () => {
    const warning = warn(32_768, 7.5, 32);
    expect(warning).toMatchObject({
      level: 'info',
      code: 'model-spilling-to-cpu',
      subject: 'model:llama3.1:8b',
    });
    expect(warning?.message).toMatch(
      /^llama3\.1:8b would be \d+% on CPU at num_ctx 32768; expect slow generation \(fits on GPU up to num_ctx \d+\)$/,
    );
  });

  it('warns that the model will not fit when RAM cannot take the rest', () => {
    const warning = warn(131_072, 7.5, 4);
    expect(warning).toMatchObject({ level: 'critical', code: 'model-will-not-fit' });
    expect(warning?.message).toMatch(
      /^llama3\.1:8b will not fit at num_ctx 131072: [\d.]+ GiB must go to RAM, 4\.0 GiB is available$/,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { MonitorOptionError } from './errors/monitor-option-error.js';
import { estimateFit, type ShowForFit } from './estimate-fit.js';

const mebibyte = 1024 ** 2;
const gibibyte = 1024 ** 3;

/** model_info of `ollama show llama3.1:8b` (Q4_K_M, 4.9 GB). */
const llama31_8b: ShowForFit = {
  details: { quantization_level: 'Q4_K_M', parameter_size: '8.0B' },
  model_info: {
    'general.architecture': 'llama',
    'general.parameter_count': 8_030_261_248,
    'llama.attention.head_count': 32,
    'llama.attention.head_count_kv': 8,
    'llama.block_count': 32,
    'llama.context_length': 131_072,
    'llama.embedding_length': 4096,
    'llama.vocab_size': 128_256,
    'tokenizer.ggml.tokens': [],
  },
};
const llama31_8bBytes = 4_920_753_328;

/** model_info of `ollama show llama3.1:70b` (Q4_K_M, 43 GB). */
const llama31_70b: ShowForFit = {
  details: { quantization_level: 'Q4_K_M', parameter_size: '70.6B' },
  model_info: {
    'general.architecture': 'llama',
    'general.parameter_count': 70_553_706_496,
    'llama.attention.head_count': 64,
    'llama.attention.head_count_kv': 8,
    'llama.block_count': 80,
    'llama.context_length': 131_072,
    'llama.embedding_length': 8192,
    'llama.vocab_size': 128_256,
  },
};
const llama31_70bBytes = 42_520_413_916;

/** model_info of `ollama show qwen2.5:7b` (Q4_K_M, 4.7 GB). */
const qwen25_7b: ShowForFit = {
  details: { quantization_level: 'Q4_K_M' },
  model_info: {
    'general.architecture': 'qwen2',
    'general.parameter_count': 7_615_616_512,
    'qwen2.attention.head_count': 28,
    'qwen2.attention.head_count_kv': 4,
    'qwen2.block_count': 28,
    'qwen2.context_length': 32_768,
    'qwen2.embedding_length': 3584,
    'qwen2.vocab_size': 152_064,
  },
};

const rtx4090 = { freeBytes: 23.5 * gibibyte, library: 'cuda' as const };

describe('estimateFit', () => {
  it('sizes the KV cache as Ollama does (llama3.1:8b, 8192 tokens: 1024 MiB f16 as llama.cpp logs it, 512 MiB q8_0, 256 MiB q4_0)', () => {
    const devices = { gpus: [rtx4090], ramFreeBytes: 32 * gibibyte };
    const kv = (kvCacheType: 'f16' | 'q8_0' | 'q4_0') =>
      estimateFit({
        show: llama31_8b,
        sizeBytes: llama31_8bBytes,
        numCtx: 8192,
        kvCacheType,
        devices,
      }).breakdown.kvCacheBytes / mebibyte;
    // llama_kv_cache_init: "KV self size = 1024.00 MiB" for 32 layers × 8192 × 1024 × 2 (K+V) × 2 bytes.
    expect(kv('f16')).toBe(1024);
    // Ollama counts q8_0 as 1 byte and q4_0 as 0.5 byte per element (fs/ggml kvCacheBytesPerElement);
    // llama.cpp's blocks are 34/32 and 18/32 bytes, so llama.cpp logs 544 MiB and 288 MiB.
    expect(kv('q8_0')).toBe(512);
    expect(kv('q4_0')).toBe(256);
  });

  it('puts llama3.1:8b with 8192 tokens fully on a 24 GB GPU', () => {
    const estimate = estimateFit({
      show: llama31_8b,
      sizeBytes: llama31_8bBytes,
      numCtx: 8192,
      devices: { gpus: [rtx4090], ramFreeBytes: 32 * gibibyte },
    });
    expect(estimate.verdict).toBe('fits-on-gpu');
    expect(estimate.layersOnGpu).toBe(33);
    expect(estimate.cpuBytes).toBe(0);
    expect(estimate.gpuShare).toBe(1);
    // weights 4.9 GB + KV 1 GiB + graph + CUDA reserve: Ollama reports ~6.6 GB for this load.
    expect(estimate.totalBytes / 1e9).toBeGreaterThan(6.3);
    expect(estimate.totalBytes / 1e9).toBeLessThan(7.0);
    // At the model's full 131072 tokens the KV cache alone is 16 GiB: the largest context is below it.
    expect(estimate.maxContextOnGpu).toBeGreaterThan(65_536);
    expect(estimate.maxContextOnGpu).toBeLessThan(131_072);
  });

  it('splits llama3.1:8b between an 8 GB GPU and RAM, and finds the largest context that fits', () => {
    const devices = {
      gpus: [{ freeBytes: 7.5 * gibibyte, library: 'cuda' as const }],
      ramFreeBytes: 32 * gibibyte,
    };
    const estimate = estimateFit({
      show: llama31_8b,
      sizeBytes: llama31_8bBytes,
      numCtx: 32_768,
      devices,
    });
    expect(estimate.verdict).toBe('partly-on-cpu');
    expect(estimate.layersOnGpu).toBeGreaterThan(0);
    expect(estimate.layersOnGpu).toBeLessThan(33);
    expect(estimate.gpuShare).toBeGreaterThan(0.3);
    expect(estimate.gpuShare).toBeLessThan(0.8);
    const largest = estimate.maxContextOnGpu ?? 0;
    expect(largest % 256).toBe(0);
    expect(
      estimateFit({ show: llama31_8b, sizeBytes: llama31_8bBytes, numCtx: largest, devices })
        .verdict,
    ).toBe('fits-on-gpu');
    expect(
      estimateFit({ show: llama31_8b, sizeBytes: llama31_8bBytes, numCtx: largest + 256, devices })
        .verdict,
    ).toBe('partly-on-cpu');
    // q8_0 halves the KV cache, so a longer context fits.
    expect(
      estimateFit({
        show: llama31_8b,
        sizeBytes: llama31_8bBytes,
        numCtx: 2048,
        kvCacheType: 'q8_0',
        devices,
      }).maxContextOnGpu,
    ).toBeGreaterThan(largest);
  });

  it('fits llama3.1:70b on two 24 GB GPUs, splits it on one, and refuses it with too little RAM', () => {
    const twoGpus = [rtx4090, { freeBytes: 23.5 * gibibyte, library: 'cuda' as const }];
    const estimate = estimateFit({
      show: llama31_70b,
      sizeBytes: llama31_70bBytes,
      numCtx: 2048,
      devices: { gpus: twoGpus, ramFreeBytes: 48 * gibibyte },
    });
    // KV: 80 layers × 2048 × 1024 × 2 × 2 bytes = 640 MiB (llama.cpp: "KV self size = 640.00 MiB").
    expect(estimate.breakdown.kvCacheBytes).toBe(640 * mebibyte);
    expect(estimate.verdict).toBe('fits-on-gpu');
    expect(estimate.perGpu.map((gpu) => gpu.layers)).toEqual([41, 40]); // round-robin, output on GPU 0
    const longer = estimateFit({
      show: llama31_70b,
      sizeBytes: llama31_70bBytes,
      numCtx: 65_536,
      devices: { gpus: twoGpus, ramFreeBytes: 48 * gibibyte },
    });
    expect(longer.verdict).toBe('partly-on-cpu');
    const single = estimateFit({
      show: llama31_70b,
      sizeBytes: llama31_70bBytes,
      numCtx: 2048,
      devices: { gpus: [rtx4090], ramFreeBytes: 48 * gibibyte },
    });
    expect(single.verdict).toBe('partly-on-cpu');
    expect(single.gpuShare).toBeGreaterThan(0.45);
    expect(single.gpuShare).toBeLessThan(0.6);
    expect(
      estimateFit({
        show: llama31_70b,
        sizeBytes: llama31_70bBytes,
        numCtx: 2048,
        devices: { gpus: [rtx4090], ramFreeBytes: 8 * gibibyte },
      }).verdict,
    ).toBe('will-not-fit');
  });

  it("reproduces Ollama's own offload log for an 80-layer Q8_0 model on 4 × 22 GiB at num_ctx 64000 (ollama/ollama#9181)", () => {
    // Logged by Ollama: layers.offload=44 layers.split=11,11,11,11 memory.required.full="127.4 GiB"
    // memory.required.partial="87.1 GiB" memory.required.kv="19.5 GiB"
    // memory.required.allocations="[21.8 GiB 21.8 GiB 21.8 GiB 21.8 GiB]" memory.graph.partial="8.2 GiB".
    const llama70bQ8: ShowForFit = {
      details: { quantization_level: 'Q8_0' },
      model_info: { ...llama31_70b.model_info },
    };
    const estimate = estimateFit({
      show: llama70bQ8,
      sizeBytes: 74_980_000_000,
      numCtx: 64_000,
      devices: {
        gpus: [0, 1, 2, 3].map(() => ({ freeBytes: 22 * gibibyte, library: 'cuda' as const })),
        ramFreeBytes: 256 * gibibyte,
      },
    });
    const gib = (bytes: number) => Math.round((bytes / gibibyte) * 10) / 10;
    expect(estimate.layersOnGpu).toBe(44);
    expect(estimate.perGpu.map((gpu) => gpu.layers)).toEqual([11, 11, 11, 11]);
    expect(estimate.perGpu.map((gpu) => gib(gpu.bytes))).toEqual([21.8, 21.8, 21.8, 21.8]);
    expect(gib(estimate.breakdown.kvCacheBytes)).toBe(19.5);
    expect(gib(estimate.breakdown.graphBytes)).toBe(8.2);
    expect(gib(estimate.gpuBytes)).toBe(87.1);
    expect(gib(estimate.totalBytes)).toBe(127.5); // Ollama: 127.4 (its layer sizes come from the tensors)
  });

  it('runs on CPU only without GPUs (this machine) and estimates weights from the parameter count', () => {
    const estimate = estimateFit({
      show: qwen25_7b,
      numCtx: 4096,
      devices: { gpus: [], ramFreeBytes: 23 * gibibyte },
    });
    expect(estimate.verdict).toBe('cpu-only');
    expect(estimate.gpuBytes).toBe(0);
    expect(estimate.maxContextOnGpu).toBeNull();
    // 28 layers × 4096 × (128 + 128) × 4 KV heads × 2 bytes = 224 MiB.
    expect(estimate.breakdown.kvCacheBytes).toBe(224 * mebibyte);
    expect(estimate.assumptions).toEqual([
      'weights estimated from general.parameter_count × bits per weight',
    ]);
    expect(estimate.breakdown.weightsBytes / 1e9).toBeCloseTo(4.62, 2);
  });

  it('rejects input it cannot estimate with a typed error naming the field', () => {
    const devices = { gpus: [], ramFreeBytes: gibibyte };
    const failure = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return MonitorOptionError.isInstance(error)
          ? `${error.option}: ${error.message}`
          : String(error);
      }
      return 'no error';
    };
    expect(failure(() => estimateFit({ show: llama31_8b, numCtx: 0, devices }))).toBe(
      'numCtx: numCtx: must be a positive integer, got 0',
    );
    expect(failure(() => estimateFit({ show: { model_info: {} }, numCtx: 2048, devices }))).toMatch(
      /^show.model_info: .*no general.architecture/,
    );
    expect(
      failure(() =>
        estimateFit({ show: llama31_8b, numCtx: 2048, kvCacheType: 'q5_1' as 'f16', devices }),
      ),
    ).toBe('kvCacheType: kvCacheType: must be f16, q8_0 or q4_0, got q5_1');
  });
});

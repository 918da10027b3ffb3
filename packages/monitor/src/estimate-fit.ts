import { MonitorOptionError } from './errors/monitor-option-error.js';

/** The parts of an `/api/show` response the estimate reads. */
export interface ShowForFit {
  model_info?: Record<string, unknown> | null;
  details?: { quantization_level?: string | null; parameter_size?: string | null } | null;
}

export type KvCacheType = 'f16' | 'q8_0' | 'q4_0';

/** A GPU's free memory; `library` picks Ollama's per-GPU minimum reserve. */
export interface FitGpu {
  freeBytes: number;
  library?: 'cuda' | 'rocm' | 'metal' | 'other';
  name?: string;
}

export interface FitDevices {
  gpus: FitGpu[];
  /** Free system RAM for what does not fit on GPUs (MemAvailable). */
  ramFreeBytes: number;
}

export interface EstimateFitInput {
  show: ShowForFit;
  /** Context length (num_ctx) per request. */
  numCtx: number;
  /** @default 'f16' (OLLAMA_KV_CACHE_TYPE) */
  kvCacheType?: KvCacheType;
  devices: FitDevices;
  /** Model file size in bytes (`size` from `/api/tags`); estimated from parameter count × bits per weight when left out. */
  sizeBytes?: number;
  /** OLLAMA_NUM_PARALLEL: the KV cache holds numCtx × numParallel tokens. @default 1 */
  numParallel?: number;
  /** @default 512 */
  numBatch?: number;
}

export type FitVerdict = 'fits-on-gpu' | 'partly-on-cpu' | 'cpu-only' | 'will-not-fit';

export interface FitEstimate {
  verdict: FitVerdict;
  /** Bytes expected in VRAM and in system RAM; like `/api/ps` size_vram and size - size_vram. */
  gpuBytes: number;
  cpuBytes: number;
  totalBytes: number;
  /** gpuBytes / totalBytes (0..1), as `ollama ps` shows it ("38%/62% CPU/GPU"). */
  gpuShare: number;
  /** Layers offloaded (repeating blocks + the output layer) of `layersTotal`. */
  layersOnGpu: number;
  layersTotal: number;
  /** Per GPU, in input order. */
  perGpu: Array<{ bytes: number; layers: number }>;
  breakdown: {
    weightsBytes: number;
    kvCacheBytes: number;
    graphBytes: number;
    reservedBytes: number;
  };
  /** The largest num_ctx that still fits fully on the GPUs (multiple of 256), 0 if none, null without GPUs. */
  maxContextOnGpu: number | null;
  /** What was assumed because the show response did not say. */
  assumptions: string[];
}

const mebibyte = 1024 * 1024;
/** discover: CudaMinimumMemory / RocmMinimumMemory = 457 MiB; Metal reserves 512 MiB. */
const minimumMemory = {
  cuda: 457 * mebibyte,
  rocm: 457 * mebibyte,
  metal: 512 * mebibyte,
  other: 457 * mebibyte,
};
/** fs/ggml kvCacheBytesPerElement. */
const kvBytesPerElement: Record<KvCacheType, number> = { f16: 2, q8_0: 1, q4_0: 0.5 };
/** Effective bits per weight of llama.cpp quantisations (mixes for the K-quants). */
const bitsPerWeight: Record<string, number> = {
  F32: 32,
  F16: 16,
  BF16: 16,
  Q8_0: 8.5,
  Q6_K: 6.5625,
  Q5_K_M: 5.69,
  Q5_K_S: 5.54,
  Q5_1: 6,
  Q5_0: 5.5,
  Q4_K_M: 4.85,
  Q4_K_S: 4.58,
  Q4_1: 5,
  Q4_0: 4.5,
  IQ4_XS: 4.25,
  Q3_K_L: 4.27,
  Q3_K_M: 3.91,
  Q3_K_S: 3.5,
  Q2_K: 3.35,
};

function numberOf(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (Array.isArray(value) && value.length > 0) {
    const numbers = value.filter((item): item is number => typeof item === 'number');
    return numbers.length > 0 ? Math.max(...numbers) : null;
  }
  return null;
}

interface Shape {
  architecture: string;
  blockCount: number;
  embedding: number;
  heads: number;
  headsKv: number;
  keyLength: number;
  valueLength: number;
  vocab: number;
  contextLengthMax: number | null;
  weightsBytes: number;
  bitsPerWeight: number;
  assumptions: string[];
}

function readShape(input: EstimateFitInput): Shape {
  const info = input.show.model_info ?? {};
  const assumptions: string[] = [];
  const architecture =
    typeof info['general.architecture'] === 'string' ? info['general.architecture'] : null;
  if (!architecture) {
    throw new MonitorOptionError(
      'show.model_info',
      'has no general.architecture (is this an /api/show response of a local GGUF model?)',
    );
  }
  const key = (name: string) => numberOf(info[`${architecture}.${name}`]);
  const blockCount = key('block_count');
  const embedding = key('embedding_length');
  if (!blockCount || !embedding) {
    throw new MonitorOptionError(
      'show.model_info',
      `has no ${architecture}.block_count or ${architecture}.embedding_length`,
    );
  }
  const heads = key('attention.head_count') ?? 1;
  const headsKv = key('attention.head_count_kv') ?? heads;
  const keyLength = key('attention.key_length') ?? Math.floor(embedding / heads);
  const valueLength = key('attention.value_length') ?? Math.floor(embedding / heads);
  const tokens = info['tokenizer.ggml.tokens'];
  let vocab =
    key('vocab_size') ?? (Array.isArray(tokens) && tokens.length > 5 ? tokens.length : null);
  if (vocab === null) {
    vocab = 128_256;
    assumptions.push('vocabulary size unknown (non-verbose show): assumed 128256');
  }
  const quantization = (input.show.details?.quantization_level ?? '').toUpperCase();
  let bits = bitsPerWeight[quantization];
  if (bits === undefined) {
    bits = 4.85;
    assumptions.push(`quantization "${quantization || 'unknown'}": assumed 4.85 bits per weight`);
  }
  let weightsBytes = input.sizeBytes ?? null;
  if (weightsBytes === null) {
    const parameters = numberOf(info['general.parameter_count']);
    if (!parameters) {
      throw new MonitorOptionError(
        'sizeBytes',
        'is required when model_info has no general.parameter_count',
      );
    }
    weightsBytes = (parameters * bits) / 8;
    assumptions.push('weights estimated from general.parameter_count × bits per weight');
  }
  return {
    architecture,
    blockCount,
    embedding,
    heads,
    headsKv,
    keyLength,
    valueLength,
    vocab,
    contextLengthMax: key('context_length'),
    weightsBytes,
    bitsPerWeight: bits,
    assumptions,
  };
}

/** fs/ggml GraphSize: compute-graph scratch for full and partial offload, by architecture. */
function graphSize(
  shape: Shape,
  context: number,
  batch: number,
): { full: number; partial: number } {
  const { embedding, heads, headsKv, vocab, keyLength } = shape;
  switch (shape.architecture) {
    case 'qwen2':
    case 'qwen3':
      return {
        full: Math.max(
          4 * batch * (embedding + vocab),
          4 * batch * (1 + 2 * embedding + context + context * heads),
        ),
        partial: Math.max(
          4 * batch * (embedding + vocab) + (embedding * vocab * 105) / 128,
          4 * (batch * (1 + 2 * embedding + context * (1 + heads)) + embedding * (1 + context)),
        ),
      };
    case 'gemma':
    case 'gemma2':
    case 'gemma3':
      return {
        full: Math.max(
          4 * batch * (embedding + vocab),
          4 * batch * (2 + context + context * heads + 2 * embedding + 2 * keyLength * heads),
        ),
        partial: Math.max(
          4 * embedding * batch + (embedding * vocab * 105) / 128 + 4 * vocab * batch,
          4 * batch * (2 * embedding + 1 + 2 * keyLength * heads + context + context * heads) +
            4 * keyLength * context * 8 +
            (embedding * keyLength * heads * 9) / 16,
        ),
      };
    default: {
      // "llama" (also used for architectures Ollama has no case for).
      const full = Math.max(
        4 * batch * (1 + 4 * embedding + context * (1 + heads)),
        4 * batch * (embedding + vocab),
      );
      const partial =
        4 * batch * embedding +
        Math.max(
          4 * batch * (1 + embedding + Math.max(context, embedding)) +
            (embedding * embedding * 9) / 16 +
            4 * context * (batch * heads + keyLength * headsKv),
          4 * batch * (embedding + vocab) + (embedding * vocab * 105) / 128,
        );
      return { full, partial };
    }
  }
}

interface Placement {
  gpuBytes: number;
  cpuBytes: number;
  layersOnGpu: number;
  perGpu: Array<{ bytes: number; layers: number }>;
  kvBytes: number;
  graphBytes: number;
  reservedBytes: number;
  fullyLoaded: boolean;
}

/** llm/memory.go EstimateGPULayers: a buffer layer and the minimum reserve per GPU, layers round-robin, then the output layer. */
function place(shape: Shape, input: EstimateFitInput, numCtx: number): Placement {
  const numParallel = input.numParallel ?? 1;
  const context = numCtx * numParallel;
  const batch = Math.min(numCtx, input.numBatch ?? 512);
  const kvPerLayer =
    context *
    (shape.keyLength + shape.valueLength) *
    shape.headsKv *
    kvBytesPerElement[input.kvCacheType ?? 'f16'];
  const kvBytes = kvPerLayer * shape.blockCount;
  // token_embd stays in RAM and output goes last; without tensor sizes both are vocab × embedding at the file's bits.
  const vocabMatrixBytes = (shape.vocab * shape.embedding * shape.bitsPerWeight) / 8;
  const outputBytes = Math.min(vocabMatrixBytes, shape.weightsBytes * 0.25);
  const repeatingBytes = Math.max(shape.weightsBytes - 2 * outputBytes, shape.weightsBytes * 0.5);
  const layerSize = repeatingBytes / shape.blockCount + kvPerLayer;
  let { full, partial } = graphSize(shape, context, batch);
  const gpus = input.devices.gpus;
  if (gpus[0]?.library === 'metal') partial = full;
  else if (gpus.length > 1) full = partial;
  const graphMax = Math.max(full, partial);
  const allocations = gpus.map(() => 0);
  const layerCounts = gpus.map(() => 0);
  const reserves = gpus.map((gpu) => minimumMemory[gpu.library ?? 'cuda']);
  let withSpace: number[] = [];
  gpus.forEach((gpu, index) => {
    if (gpu.freeBytes < graphMax + (reserves[index] ?? 0) + 2 * layerSize) return;
    withSpace.push(index);
    allocations[index] = (reserves[index] ?? 0) + layerSize;
  });
  let layersOnGpu = 0;
  let overflow = 0;
  for (let layer = 0; layer < shape.blockCount; layer += 1) {
    let placed = false;
    for (let remaining = withSpace.length; remaining > 0; remaining -= 1) {
      const slot = layer % remaining;
      const gpu = withSpace[slot] ?? 0;
      if ((gpus[gpu]?.freeBytes ?? 0) > (allocations[gpu] ?? 0) + graphMax + layerSize) {
        allocations[gpu] = (allocations[gpu] ?? 0) + layerSize;
        layerCounts[gpu] = (layerCounts[gpu] ?? 0) + 1;
        layersOnGpu += 1;
        placed = true;
        break;
      }
      withSpace = withSpace.filter((_, index) => index !== slot);
    }
    if (!placed) overflow += layerSize;
  }
  let outputPlaced = false;
  for (let remaining = withSpace.length; remaining > 0 && !outputPlaced; remaining -= 1) {
    const gpu = withSpace[layersOnGpu % remaining] ?? 0;
    if ((gpus[gpu]?.freeBytes ?? 0) > (allocations[gpu] ?? 0) + graphMax + outputBytes) {
      allocations[gpu] = (allocations[gpu] ?? 0) + outputBytes;
      layerCounts[gpu] = (layerCounts[gpu] ?? 0) + 1;
      layersOnGpu += 1;
      outputPlaced = true;
    }
  }
  if (!outputPlaced) overflow += outputBytes;
  const fullyLoaded = layersOnGpu === shape.blockCount + 1;
  const graphBytes = fullyLoaded ? full : partial;
  let reservedBytes = 0;
  gpus.forEach((_, index) => {
    if ((layerCounts[index] ?? 0) <= 0) {
      allocations[index] = 0;
      return;
    }
    allocations[index] = (allocations[index] ?? 0) + graphBytes;
    reservedBytes += (reserves[index] ?? 0) + layerSize;
  });
  const gpuBytes = allocations.reduce((sum, bytes) => sum + bytes, 0);
  return {
    gpuBytes,
    // On CPU the layers that did not fit, plus the token embeddings Ollama keeps in RAM when offloading.
    cpuBytes: overflow,
    layersOnGpu,
    perGpu: allocations.map((bytes, index) => ({ bytes, layers: layerCounts[index] ?? 0 })),
    kvBytes,
    graphBytes: layersOnGpu > 0 ? graphBytes : 0,
    reservedBytes,
    fullyLoaded,
  };
}

/**
 * Will this model fit? A port of Ollama's estimate (llm/memory.go EstimateGPULayers with fs/ggml
 * GraphSize and kvCacheBytesPerElement): KV cache = num_ctx × num_parallel × (key + value length) ×
 * KV heads × layers × 2/1/0.5 bytes (f16/q8_0/q4_0); weights split per layer; a compute graph and a
 * 457 MiB (CUDA/ROCm) or 512 MiB (Metal) reserve per GPU used. Layers go on the GPUs until one does
 * not fit; the rest (and possibly the output layer) stay in RAM.
 */
export function estimateFit(input: EstimateFitInput): FitEstimate {
  if (!Number.isInteger(input.numCtx) || input.numCtx < 1) {
    throw new MonitorOptionError('numCtx', `must be a positive integer, got ${input.numCtx}`);
  }
  if (input.kvCacheType !== undefined && !(input.kvCacheType in kvBytesPerElement)) {
    throw new MonitorOptionError(
      'kvCacheType',
      `must be f16, q8_0 or q4_0, got ${String(input.kvCacheType)}`,
    );
  }
  const shape = readShape(input);
  const placement = place(shape, input, input.numCtx);
  const totalBytes = placement.gpuBytes + placement.cpuBytes;
  let verdict: FitVerdict;
  if (placement.cpuBytes > input.devices.ramFreeBytes) verdict = 'will-not-fit';
  else if (placement.fullyLoaded) verdict = 'fits-on-gpu';
  else verdict = placement.layersOnGpu > 0 ? 'partly-on-cpu' : 'cpu-only';

  let maxContextOnGpu: number | null = null;
  if (input.devices.gpus.length > 0) {
    const step = 256;
    let low = 0;
    let high = Math.max(1, Math.floor((shape.contextLengthMax ?? 131_072) / step));
    if (place(shape, input, high * step).fullyLoaded) low = high;
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (place(shape, input, middle * step).fullyLoaded) low = middle;
      else high = middle;
    }
    maxContextOnGpu = low * step;
  }
  return {
    verdict,
    gpuBytes: placement.gpuBytes,
    cpuBytes: placement.cpuBytes,
    totalBytes,
    gpuShare: totalBytes > 0 ? placement.gpuBytes / totalBytes : 0,
    layersOnGpu: placement.layersOnGpu,
    layersTotal: shape.blockCount + 1,
    perGpu: placement.perGpu,
    breakdown: {
      weightsBytes: shape.weightsBytes,
      kvCacheBytes: placement.kvBytes,
      graphBytes: placement.graphBytes,
      reservedBytes: placement.reservedBytes,
    },
    maxContextOnGpu,
    assumptions: shape.assumptions,
  };
}

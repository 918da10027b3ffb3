import type { ModelSpec } from './catalogue.js';

const sampleTokens = ['<unk>', '<s>', '</s>', '!', '"', '#', '$', '%'];

/**
 * `model_info` of /api/show: the GGUF key/values a memory estimate needs (architecture, block
 * count, embedding length, head counts, context length) and the usual tokenizer keys. Arrays
 * longer than 5 items are `[]` unless `verbose` (ollama-api.md §5).
 */
export function modelInfo(spec: ModelSpec, verbose: boolean): Record<string, unknown> {
  const arch = spec.architecture;
  const isBert = arch === 'bert' || arch === 'nomic-bert';
  const info: Record<string, unknown> = {
    'general.architecture': arch,
    'general.file_type': spec.fileType,
    'general.parameter_count': spec.parameterCount,
    'general.quantization_version': 2,
    [`${arch}.attention.head_count`]: spec.headCount,
  };
  if (spec.headCountKv !== undefined) info[`${arch}.attention.head_count_kv`] = spec.headCountKv;
  if (isBert) info[`${arch}.attention.layer_norm_epsilon`] = 1e-12;
  else info[`${arch}.attention.layer_norm_rms_epsilon`] = 1e-5;
  Object.assign(info, {
    [`${arch}.block_count`]: spec.blockCount,
    [`${arch}.context_length`]: spec.contextLength,
    [`${arch}.embedding_length`]: spec.embeddingLength,
    [`${arch}.feed_forward_length`]: spec.feedForwardLength,
  });
  if (isBert) info[`${arch}.pooling_type`] = arch === 'bert' ? 2 : 1;
  else {
    info[`${arch}.rope.dimension_count`] = spec.embeddingLength / spec.headCount;
    info[`${arch}.rope.freq_base`] = arch === 'llama' ? 500000 : 1000000;
    info[`${arch}.vocab_size`] = spec.vocabSize;
  }
  if (arch === 'gemma3' && spec.capabilities.includes('vision')) {
    Object.assign(info, {
      'gemma3.mm.tokens_per_image': 256,
      'gemma3.vision.attention.head_count': 16,
      'gemma3.vision.block_count': 27,
      'gemma3.vision.embedding_length': 1152,
      'gemma3.vision.image_size': 896,
      'gemma3.vision.patch_size': 14,
    });
  }
  Object.assign(info, {
    'tokenizer.ggml.bos_token_id': 1,
    'tokenizer.ggml.eos_token_id': 2,
    'tokenizer.ggml.model': isBert ? 'bert' : 'gpt2',
    'tokenizer.ggml.token_type': verbose ? sampleTokens.map((_, index) => (index < 3 ? 3 : 1)) : [],
    'tokenizer.ggml.tokens': verbose ? sampleTokens : [],
  });
  if (!isBert)
    info['tokenizer.ggml.merges'] = verbose ? ['Ġ t', 'Ġ a', 'h e', 'i n', 'r e', 'o n'] : [];
  return info;
}

/** `projector_info` for models with a separate CLIP projector (llava). */
export function projectorInfo(spec: ModelSpec): Record<string, unknown> | undefined {
  if (!spec.projectorBytes) return undefined;
  return {
    'clip.has_text_encoder': false,
    'clip.has_vision_encoder': true,
    'clip.projector_type': 'mlp',
    'clip.use_gelu': false,
    'clip.vision.attention.head_count': 16,
    'clip.vision.block_count': 23,
    'clip.vision.embedding_length': 1024,
    'clip.vision.feed_forward_length': 4096,
    'clip.vision.image_size': 336,
    'clip.vision.patch_size': 14,
    'clip.vision.projection_dim': 768,
    'general.architecture': 'clip',
    'general.file_type': 1,
    'general.parameter_count': 311_895_040,
  };
}

/** A few tensors for `verbose` show. */
export function tensors(spec: ModelSpec): Array<{ name: string; type: string; shape: number[] }> {
  const type = spec.quantizationLevel.startsWith('Q4') ? 'Q4_K' : spec.quantizationLevel;
  return [
    { name: 'token_embd.weight', type, shape: [spec.embeddingLength, spec.vocabSize] },
    { name: 'blk.0.attn_norm.weight', type: 'F32', shape: [spec.embeddingLength] },
    { name: 'blk.0.attn_q.weight', type, shape: [spec.embeddingLength, spec.embeddingLength] },
    { name: 'output_norm.weight', type: 'F32', shape: [spec.embeddingLength] },
  ];
}

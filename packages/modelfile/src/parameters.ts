/** How Ollama types a parameter value (`api.FormatParams`). */
export type ParameterType = 'int' | 'float' | 'bool' | 'string[]';

/** One known PARAMETER: what the TUI's sliders and the linter read. */
export interface ParameterInfo {
  name: string;
  type: ParameterType;
  /** The default Ollama documents (docs/modelfile.mdx), or the code default when the docs give none. */
  default?: number | boolean | readonly string[];
  /** Where Ollama's code default differs from the documented one, what it really does. */
  note?: string;
  /** The range of sensible values, where Ollama documents one or the value is a probability. */
  range?: { min?: number; max?: number };
  /** Values with a special meaning. */
  special?: Readonly<Record<string, string>>;
  /** Loaded with the model (changing it reloads the model) or applied per request. */
  scope: 'load' | 'request';
  description: string;
}

const table: ParameterInfo[] = [
  {
    name: 'num_ctx',
    type: 'int',
    default: 2048,
    note: 'in code the default comes from OLLAMA_CONTEXT_LENGTH or is chosen from the available memory',
    range: { min: 1 },
    scope: 'load',
    description: 'Size of the context window, in tokens.',
  },
  {
    name: 'num_batch',
    type: 'int',
    default: 512,
    range: { min: 1 },
    scope: 'load',
    description: 'Number of prompt tokens processed in one batch.',
  },
  {
    name: 'num_gpu',
    type: 'int',
    default: -1,
    special: { '-1': 'decide automatically' },
    range: { min: -1 },
    scope: 'load',
    description: 'Number of layers to offload to the GPU(s).',
  },
  {
    name: 'main_gpu',
    type: 'int',
    default: 0,
    range: { min: 0 },
    scope: 'load',
    description: 'GPU that holds the small tensors when a model is split across GPUs.',
  },
  {
    name: 'num_thread',
    type: 'int',
    default: 0,
    special: { '0': 'decide automatically' },
    range: { min: 0 },
    scope: 'load',
    description: 'Number of CPU threads for computation (best: the number of physical cores).',
  },
  {
    name: 'use_mmap',
    type: 'bool',
    scope: 'load',
    description:
      'Memory-map the model file instead of reading it in (unset: decide automatically).',
  },
  {
    name: 'draft_num_predict',
    type: 'int',
    default: 4,
    range: { min: 0 },
    scope: 'request',
    description: 'Number of tokens the DRAFT model proposes per step (speculative decoding).',
  },
  {
    name: 'num_keep',
    type: 'int',
    default: 4,
    special: { '-1': 'keep the whole prompt' },
    range: { min: -1 },
    scope: 'request',
    description: 'Number of prompt tokens kept when the context window shifts.',
  },
  {
    name: 'seed',
    type: 'int',
    default: 0,
    note: 'in code the default is -1: a random seed for each request',
    scope: 'request',
    description: 'Random number seed; the same seed and prompt give the same text.',
  },
  {
    name: 'num_predict',
    type: 'int',
    default: -1,
    special: { '-1': 'no limit' },
    scope: 'request',
    description: 'Maximum number of tokens to generate.',
  },
  {
    name: 'top_k',
    type: 'int',
    default: 40,
    range: { min: 0 },
    scope: 'request',
    description: 'Sample only from the k most likely tokens; lower is more conservative.',
  },
  {
    name: 'top_p',
    type: 'float',
    default: 0.9,
    range: { min: 0, max: 1 },
    scope: 'request',
    description: 'Sample from the smallest set of tokens whose probabilities add up to p.',
  },
  {
    name: 'min_p',
    type: 'float',
    default: 0,
    range: { min: 0, max: 1 },
    scope: 'request',
    description: 'Drop tokens less likely than p times the most likely token.',
  },
  {
    name: 'typical_p',
    type: 'float',
    default: 1,
    range: { min: 0, max: 1 },
    scope: 'request',
    description: 'Locally typical sampling; 1.0 turns it off.',
  },
  {
    name: 'repeat_last_n',
    type: 'int',
    default: 64,
    special: { '0': 'off', '-1': 'num_ctx' },
    range: { min: -1 },
    scope: 'request',
    description: 'How far back the model looks to penalise repetition.',
  },
  {
    name: 'temperature',
    type: 'float',
    default: 0.8,
    range: { min: 0 },
    scope: 'request',
    description: 'Randomness of the output; higher is more creative.',
  },
  {
    name: 'repeat_penalty',
    type: 'float',
    default: 1,
    range: { min: 0 },
    scope: 'request',
    description: 'How strongly repetitions are penalised; higher penalises more.',
  },
  {
    name: 'presence_penalty',
    type: 'float',
    default: 0,
    scope: 'request',
    description: 'Penalty for tokens that already appeared at all.',
  },
  {
    name: 'frequency_penalty',
    type: 'float',
    default: 0,
    scope: 'request',
    description: 'Penalty for tokens in proportion to how often they appeared.',
  },
  {
    name: 'stop',
    type: 'string[]',
    default: [],
    scope: 'request',
    description: 'A sequence that ends generation; repeat the line for several.',
  },
];

/** Known parameters by name (the JSON keys of Ollama's `api.Options` and `api.Runner`). */
export const PARAMETERS: Readonly<Record<string, ParameterInfo>> = Object.freeze(
  Object.fromEntries(table.map((info) => [info.name, Object.freeze(info)])),
);

/** Parameters Ollama still recognises but drops with `warning: parameter <name> is deprecated`. */
export const DEPRECATED_PARAMETERS: readonly string[] = Object.freeze([
  'penalize_newline',
  'low_vram',
  'f16_kv',
  'logits_all',
  'vocab_only',
  'use_mlock',
  'mirostat',
  'mirostat_tau',
  'mirostat_eta',
]);

/** Parameters older Ollama versions knew that the current one rejects as unknown. */
export const REMOVED_PARAMETERS: readonly string[] = Object.freeze(['numa', 'num_gqa', 'tfs_z']);

export const PARAMETER_NAMES: readonly string[] = Object.freeze(table.map((info) => info.name));

import { goQuote, OllamaHttpError } from './http-error.js';
import type { JsonSchema } from './json-schema-value.js';

type OptionType = 'integer' | 'float32' | 'boolean' | 'array';

// api.Options + api.Runner fields and their types (ollama-api.md §4).
const optionTypes: Record<string, OptionType> = {
  num_ctx: 'integer',
  num_batch: 'integer',
  num_gpu: 'integer',
  main_gpu: 'integer',
  use_mmap: 'boolean',
  num_thread: 'integer',
  draft_num_predict: 'integer',
  num_keep: 'integer',
  seed: 'integer',
  num_predict: 'integer',
  top_k: 'integer',
  top_p: 'float32',
  min_p: 'float32',
  typical_p: 'float32',
  repeat_last_n: 'integer',
  temperature: 'float32',
  repeat_penalty: 'float32',
  presence_penalty: 'float32',
  frequency_penalty: 'float32',
  stop: 'array',
};

/** The options the simulator acts on. */
export interface GenerationOptions {
  seed?: number;
  temperature?: number;
  numPredict?: number;
  stop?: string[];
  numCtx?: number;
}

/**
 * `Options.FromMap`: unknown keys are ignored; a wrong type is an error that Ollama surfaces as
 * 500 (ollama-api.md §4). Model parameters are the base; request options win.
 */
export function parseOptions(
  requestOptions: Record<string, unknown> | undefined,
  modelParameters: Record<string, unknown>,
): GenerationOptions {
  const merged: Record<string, unknown> = { ...modelParameters, ...(requestOptions ?? {}) };
  for (const [key, value] of Object.entries(requestOptions ?? {})) {
    const type = optionTypes[key];
    if (type === undefined || value === null) continue;
    const ok =
      type === 'integer' || type === 'float32'
        ? typeof value === 'number'
        : type === 'boolean'
          ? typeof value === 'boolean'
          : Array.isArray(value);
    if (!ok) throw new OllamaHttpError(500, `option "${key}" must be of type ${type}`);
    if (type === 'array' && !(value as unknown[]).every((item) => typeof item === 'string')) {
      throw new OllamaHttpError(500, `option "${key}" must be of an array of strings`);
    }
  }
  const number = (key: string): number | undefined =>
    typeof merged[key] === 'number' ? (merged[key] as number) : undefined;
  const integer = (key: string): number | undefined => {
    const value = number(key);
    return value === undefined ? undefined : Math.trunc(value);
  };
  const stop = merged.stop;
  return {
    seed: integer('seed'),
    temperature: number('temperature'),
    numPredict: integer('num_predict'),
    stop: Array.isArray(stop)
      ? (stop.filter((item) => typeof item === 'string') as string[])
      : undefined,
    numCtx: integer('num_ctx'),
  };
}

/** A parsed `think` value: undefined when left out. */
export type ThinkValue = boolean | 'high' | 'medium' | 'low' | 'max' | undefined;

/** `ThinkValue.UnmarshalJSON` (ollama-api.md §4). */
export function parseThink(value: unknown): ThinkValue {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    if (value === 'high' || value === 'medium' || value === 'low' || value === 'max') return value;
    throw new OllamaHttpError(
      400,
      `invalid think value: ${goQuote(value)} (must be "high", "medium", "low", "max", true, or false)`,
    );
  }
  throw new OllamaHttpError(
    400,
    'think must be a boolean or string ("high", "medium", "low", "max", true, or false)',
  );
}

/** `format`: undefined for no constraint, `'json'`, or a schema object. */
export function parseFormat(value: unknown): 'json' | JsonSchema | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (value === 'json') return 'json';
  if (typeof value === 'object' && !Array.isArray(value)) return value as JsonSchema;
  throw new OllamaHttpError(
    500,
    `invalid format: ${goQuote(JSON.stringify(value))}; expected "json" or a valid JSON Schema object`,
  );
}

/** `[]api.ImageData` decoding: each entry must be standard base64. Returns the count. */
export function checkImages(value: unknown, field: string): number {
  if (value === undefined || value === null) return 0;
  if (!Array.isArray(value)) {
    throw new OllamaHttpError(
      400,
      `json: cannot unmarshal ${typeof value} into Go struct field ${field} of type []api.ImageData`,
    );
  }
  for (const image of value) {
    if (typeof image !== 'string') {
      throw new OllamaHttpError(
        400,
        `json: cannot unmarshal ${typeof image} into Go struct field ${field} of type api.ImageData`,
      );
    }
    const invalid = /[^A-Za-z0-9+/=]/.exec(image);
    if (invalid)
      throw new OllamaHttpError(400, `illegal base64 data at input byte ${invalid.index}`);
    if (image.length % 4 !== 0) {
      throw new OllamaHttpError(
        400,
        `illegal base64 data at input byte ${image.length - (image.length % 4)}`,
      );
    }
  }
  return value.length;
}

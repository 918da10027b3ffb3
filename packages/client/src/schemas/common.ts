import { z } from 'zod';

/**
 * `keep_alive`: a number of seconds (negative = forever) or a Go duration string (`"5m"`,
 * `"1h30m"`, `"0"`). See ollama-api.md §4.
 */
export const keepAliveSchema = z.union([z.number(), z.string()]);
export type KeepAlive = z.infer<typeof keepAliveSchema>;

/** `think`: a boolean or a level. */
export const thinkSchema = z.union([z.boolean(), z.enum(['high', 'medium', 'low', 'max'])]);
export type Think = z.infer<typeof thinkSchema>;

/** `format`: `"json"`, `""`, or a JSON Schema object. */
export const formatSchema = z.union([z.string(), z.record(z.string(), z.unknown())]);

/**
 * Model options (`options`). Known keys are typed; unknown keys pass through, since Ollama
 * ignores them (ollama-api.md §4).
 */
export const optionsSchema = z
  .object({
    num_ctx: z.number().int(),
    num_batch: z.number().int(),
    num_gpu: z.number().int(),
    main_gpu: z.number().int(),
    use_mmap: z.boolean(),
    num_thread: z.number().int(),
    num_keep: z.number().int(),
    seed: z.number().int(),
    num_predict: z.number().int(),
    top_k: z.number().int(),
    top_p: z.number(),
    min_p: z.number(),
    typical_p: z.number(),
    repeat_last_n: z.number().int(),
    temperature: z.number(),
    repeat_penalty: z.number(),
    presence_penalty: z.number(),
    frequency_penalty: z.number(),
    stop: z.array(z.string()),
  })
  .partial()
  .catchall(z.unknown());
export type Options = z.infer<typeof optionsSchema>;

/** Model details as in `/api/tags`, `/api/ps` and `/api/show`. */
export const modelDetailsSchema = z.looseObject({
  parent_model: z.string().nullish(),
  format: z.string().nullish(),
  family: z.string().nullish(),
  families: z.array(z.string()).nullish(),
  parameter_size: z.string().nullish(),
  quantization_level: z.string().nullish(),
  context_length: z.number().nullish(),
  embedding_length: z.number().nullish(),
});
export type ModelDetails = z.infer<typeof modelDetailsSchema>;

/** `{"error": "..."}`, Ollama's error body. */
export const errorResponseSchema = z.looseObject({
  error: z.string(),
  signin_url: z.string().nullish(),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;

/** Ollama's model capabilities (a subset appears in `show` and `tags`). */
export const capabilitySchema = z.string();

import { z } from 'zod';
import { formatSchema, keepAliveSchema, optionsSchema, thinkSchema } from './common';
import { logprobSchema, messageInputSchema, messageSchema, toolSchema } from './messages';

const generationRequestFields = {
  model: z.string(),
  stream: z.boolean().optional(),
  format: formatSchema.optional(),
  keep_alive: keepAliveSchema.optional(),
  options: optionsSchema.optional(),
  think: thinkSchema.optional(),
  truncate: z.boolean().optional(),
  shift: z.boolean().optional(),
  logprobs: z.boolean().optional(),
  top_logprobs: z.number().int().min(0).max(20).optional(),
};

/** POST /api/chat request. */
export const chatRequestSchema = z.strictObject({
  ...generationRequestFields,
  messages: z.array(messageInputSchema).optional(),
  tools: z.array(toolSchema).optional(),
});
export type ChatRequest = z.infer<typeof chatRequestSchema>;

/** POST /api/generate request. */
export const generateRequestSchema = z.strictObject({
  ...generationRequestFields,
  prompt: z.string().optional(),
  suffix: z.string().optional(),
  system: z.string().optional(),
  template: z.string().optional(),
  context: z.array(z.number().int()).optional(),
  raw: z.boolean().optional(),
  images: z.array(z.union([z.string(), z.instanceof(Uint8Array)])).optional(),
});
export type GenerateRequest = z.infer<typeof generateRequestSchema>;

/** Metrics Ollama puts on the final chunk (nanoseconds; omitted when 0). */
const metricFields = {
  done_reason: z.string().nullish(),
  total_duration: z.number().nullish(),
  load_duration: z.number().nullish(),
  prompt_eval_count: z.number().nullish(),
  prompt_eval_duration: z.number().nullish(),
  eval_count: z.number().nullish(),
  eval_duration: z.number().nullish(),
  logprobs: z.array(logprobSchema).nullish(),
};

/** One chunk of a /api/chat stream, or the whole non-streamed response. */
export const chatResponseSchema = z.looseObject({
  model: z.string(),
  created_at: z.string(),
  message: messageSchema,
  done: z.boolean(),
  ...metricFields,
});
export type ChatResponse = z.infer<typeof chatResponseSchema>;

/** One chunk of a /api/generate stream, or the whole non-streamed response. */
export const generateResponseSchema = z.looseObject({
  model: z.string(),
  created_at: z.string(),
  response: z.string(),
  thinking: z.string().nullish(),
  done: z.boolean(),
  context: z.array(z.number()).nullish(),
  ...metricFields,
});
export type GenerateResponse = z.infer<typeof generateResponseSchema>;

/** POST /api/embed request. */
export const embedRequestSchema = z.strictObject({
  model: z.string(),
  input: z.union([z.string(), z.array(z.string())]).optional(),
  truncate: z.boolean().optional(),
  dimensions: z.number().int().optional(),
  keep_alive: keepAliveSchema.optional(),
  options: optionsSchema.optional(),
});
export type EmbedRequest = z.infer<typeof embedRequestSchema>;

/** POST /api/embed response. */
export const embedResponseSchema = z.looseObject({
  model: z.string(),
  embeddings: z.array(z.array(z.number())),
  total_duration: z.number().nullish(),
  load_duration: z.number().nullish(),
  prompt_eval_count: z.number().nullish(),
});
export type EmbedResponse = z.infer<typeof embedResponseSchema>;

/** POST /api/embeddings (legacy) request. */
export const embeddingsRequestSchema = z.strictObject({
  model: z.string(),
  prompt: z.string(),
  keep_alive: keepAliveSchema.optional(),
  options: optionsSchema.optional(),
});
export type EmbeddingsRequest = z.infer<typeof embeddingsRequestSchema>;

/** POST /api/embeddings (legacy) response. */
export const embeddingsResponseSchema = z.looseObject({ embedding: z.array(z.number()) });
export type EmbeddingsResponse = z.infer<typeof embeddingsResponseSchema>;

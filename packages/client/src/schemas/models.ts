import { z } from 'zod';
import { modelDetailsSchema, optionsSchema } from './common';
import { messageInputSchema, messageSchema } from './messages';

/** One model in GET /api/tags. `digest` is the manifest's sha256 hex (no prefix). */
export const modelResponseSchema = z.looseObject({
  name: z.string(),
  model: z.string(),
  modified_at: z.string(),
  size: z.number(),
  digest: z.string(),
  details: modelDetailsSchema.nullish(),
  remote_model: z.string().nullish(),
  remote_host: z.string().nullish(),
  capabilities: z.array(z.string()).nullish(),
});
export type ModelResponse = z.infer<typeof modelResponseSchema>;

/** GET /api/tags response. */
export const listResponseSchema = z.looseObject({ models: z.array(modelResponseSchema) });
export type ListResponse = z.infer<typeof listResponseSchema>;

/** One loaded model in GET /api/ps. `size_vram < size` means part of it runs on the CPU. */
export const processModelSchema = z.looseObject({
  name: z.string(),
  model: z.string(),
  size: z.number(),
  digest: z.string(),
  details: modelDetailsSchema.nullish(),
  expires_at: z.string(),
  size_vram: z.number(),
  context_length: z.number().nullish(),
});
export type ProcessModel = z.infer<typeof processModelSchema>;

/** GET /api/ps response. */
export const psResponseSchema = z.looseObject({ models: z.array(processModelSchema) });
export type PsResponse = z.infer<typeof psResponseSchema>;

/** POST /api/show request. */
export const showRequestSchema = z.strictObject({
  model: z.string(),
  verbose: z.boolean().optional(),
  system: z.string().optional(),
  options: optionsSchema.optional(),
});
export type ShowRequest = z.infer<typeof showRequestSchema>;

/** POST /api/show response. `model_info` is always present (`{}` when unknown). */
export const showResponseSchema = z.looseObject({
  license: z.string().nullish(),
  modelfile: z.string().nullish(),
  parameters: z.string().nullish(),
  template: z.string().nullish(),
  system: z.string().nullish(),
  renderer: z.string().nullish(),
  parser: z.string().nullish(),
  details: modelDetailsSchema.nullish(),
  messages: z.array(messageSchema).nullish(),
  remote_model: z.string().nullish(),
  remote_host: z.string().nullish(),
  model_info: z.record(z.string(), z.unknown()).nullish(),
  projector_info: z.record(z.string(), z.unknown()).nullish(),
  tensors: z
    .array(z.looseObject({ name: z.string(), type: z.string(), shape: z.array(z.number()) }))
    .nullish(),
  capabilities: z.array(z.string()).nullish(),
  modified_at: z.string().nullish(),
  requires: z.string().nullish(),
});
export type ShowResponse = z.infer<typeof showResponseSchema>;

/** POST /api/copy request. */
export const copyRequestSchema = z.strictObject({ source: z.string(), destination: z.string() });
export type CopyRequest = z.infer<typeof copyRequestSchema>;

/** DELETE /api/delete request. */
export const deleteRequestSchema = z.strictObject({ model: z.string() });
export type DeleteRequest = z.infer<typeof deleteRequestSchema>;

/** POST /api/pull request. */
export const pullRequestSchema = z.strictObject({
  model: z.string(),
  insecure: z.boolean().optional(),
  stream: z.boolean().optional(),
});
export type PullRequest = z.infer<typeof pullRequestSchema>;

/** POST /api/push request. */
export const pushRequestSchema = pullRequestSchema;
export type PushRequest = z.infer<typeof pushRequestSchema>;

/** POST /api/create request. */
export const createRequestSchema = z.strictObject({
  model: z.string(),
  from: z.string().optional(),
  files: z.record(z.string(), z.string()).optional(),
  adapters: z.record(z.string(), z.string()).optional(),
  template: z.string().optional(),
  system: z.string().optional(),
  license: z.union([z.string(), z.array(z.string())]).optional(),
  parameters: z.record(z.string(), z.unknown()).optional(),
  messages: z.array(messageInputSchema).optional(),
  quantize: z.string().optional(),
  renderer: z.string().optional(),
  parser: z.string().optional(),
  requires: z.string().optional(),
  stream: z.boolean().optional(),
});
export type CreateRequest = z.infer<typeof createRequestSchema>;

/** A progress line of pull, push and create (`{"status":"success"}` at the end). */
export const progressResponseSchema = z.looseObject({
  status: z.string(),
  digest: z.string().nullish(),
  total: z.number().nullish(),
  completed: z.number().nullish(),
});
export type ProgressResponse = z.infer<typeof progressResponseSchema>;

/** GET /api/version response. */
export const versionResponseSchema = z.looseObject({ version: z.string() });
export type VersionResponse = z.infer<typeof versionResponseSchema>;

/** A registry manifest (GET /v2/<namespace>/<model>/manifests/<tag>). */
export const manifestSchema = z.looseObject({
  schemaVersion: z.number().nullish(),
  mediaType: z.string().nullish(),
  config: z.looseObject({ digest: z.string(), size: z.number().nullish() }).nullish(),
  layers: z
    .array(z.looseObject({ mediaType: z.string().nullish(), digest: z.string(), size: z.number() }))
    .nullish(),
});
export type Manifest = z.infer<typeof manifestSchema>;

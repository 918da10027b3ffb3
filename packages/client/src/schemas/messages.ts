import { z } from 'zod';

/** A tool call as the model returns it. `arguments` keeps key order. */
export const toolCallSchema = z.looseObject({
  id: z.string().nullish(),
  function: z.looseObject({
    index: z.number().nullish(),
    name: z.string(),
    arguments: z.record(z.string(), z.unknown()),
  }),
});
export type ToolCall = z.infer<typeof toolCallSchema>;

/** A chat message in a response (lenient: unknown fields pass, optionals are nullish). */
export const messageSchema = z.looseObject({
  role: z.string(),
  content: z.string(),
  thinking: z.string().nullish(),
  images: z.array(z.string()).nullish(),
  tool_calls: z.array(toolCallSchema).nullish(),
  tool_name: z.string().nullish(),
  tool_call_id: z.string().nullish(),
});
export type Message = z.infer<typeof messageSchema>;

/**
 * A chat message a caller sends (strict about unknown keys). Images are base64 strings or raw
 * bytes. Optional fields accept `null` so a response message can be sent back as history.
 */
export const messageInputSchema = z.strictObject({
  role: z.string(),
  content: z.string(),
  thinking: z.string().nullish(),
  images: z.array(z.union([z.string(), z.instanceof(Uint8Array)])).nullish(),
  tool_calls: z
    .array(
      z.object({
        id: z.string().nullish(),
        function: z.object({
          index: z.number().nullish(),
          name: z.string(),
          arguments: z.record(z.string(), z.unknown()),
        }),
      }),
    )
    .nullish(),
  tool_name: z.string().nullish(),
  tool_call_id: z.string().nullish(),
});
export type MessageInput = z.infer<typeof messageInputSchema>;

/** A tool definition (function calling). */
export const toolSchema = z.object({
  type: z.literal('function'),
  function: z.object({
    name: z.string(),
    description: z.string().optional(),
    parameters: z.record(z.string(), z.unknown()).optional(),
  }),
});
export type Tool = z.infer<typeof toolSchema>;

/** One token's log probability. */
export const logprobSchema = z.looseObject({
  token: z.string(),
  logprob: z.number(),
  bytes: z.array(z.number()).nullish(),
  top_logprobs: z
    .array(
      z.looseObject({
        token: z.string(),
        logprob: z.number(),
        bytes: z.array(z.number()).nullish(),
      }),
    )
    .nullish(),
});
export type Logprob = z.infer<typeof logprobSchema>;

import type { StreamKind } from './ndjson-stream';
import {
  type ChatResponse,
  chatResponseSchema,
  type GenerateResponse,
  generateResponseSchema,
} from './schemas/generation';
import { type ProgressResponse, progressResponseSchema } from './schemas/models';

const isDone = (value: Record<string, unknown>): boolean => value.done === true;

/** /api/chat chunks: `message.content` a string and `done` a boolean on every chunk. */
export const chatStreamKind: StreamKind<ChatResponse> = {
  schema: chatResponseSchema,
  quickCheck(value) {
    const message = value.message as Record<string, unknown> | undefined;
    return (
      typeof message === 'object' &&
      message !== null &&
      typeof message.content === 'string' &&
      value.done === false &&
      typeof value.model === 'string' &&
      (message.thinking === undefined || typeof message.thinking === 'string') &&
      message.tool_calls === undefined
    );
  },
  isFinal: isDone,
};

/** /api/generate chunks: `response` a string and `done` a boolean on every chunk. */
export const generateStreamKind: StreamKind<GenerateResponse> = {
  schema: generateResponseSchema,
  quickCheck(value) {
    return (
      typeof value.response === 'string' &&
      value.done === false &&
      typeof value.model === 'string' &&
      (value.thinking === undefined || typeof value.thinking === 'string')
    );
  },
  isFinal: isDone,
};

/** Progress lines of pull, push and create; `{"status":"success"}` ends them. */
export const progressStreamKind: StreamKind<ProgressResponse> = {
  schema: progressResponseSchema,
  quickCheck(value) {
    return (
      typeof value.status === 'string' &&
      (value.completed === undefined || typeof value.completed === 'number') &&
      (value.total === undefined || typeof value.total === 'number')
    );
  },
  isFinal: (value) => value.status === 'success',
};

export type {
  ErrorResponse,
  KeepAlive,
  ModelDetails,
  Options,
  Think,
} from './common';
export {
  errorResponseSchema,
  formatSchema,
  keepAliveSchema,
  modelDetailsSchema,
  optionsSchema,
  thinkSchema,
} from './common';
export type {
  ChatRequest,
  ChatResponse,
  EmbeddingsRequest,
  EmbeddingsResponse,
  EmbedRequest,
  EmbedResponse,
  GenerateRequest,
  GenerateResponse,
} from './generation';
export {
  chatRequestSchema,
  chatResponseSchema,
  embeddingsRequestSchema,
  embeddingsResponseSchema,
  embedRequestSchema,
  embedResponseSchema,
  generateRequestSchema,
  generateResponseSchema,
} from './generation';
export type { Logprob, Message, MessageInput, Tool, ToolCall } from './messages';
export {
  logprobSchema,
  messageInputSchema,
  messageSchema,
  toolCallSchema,
  toolSchema,
} from './messages';
export type {
  CopyRequest,
  CreateRequest,
  DeleteRequest,
  ListResponse,
  Manifest,
  ModelResponse,
  ProcessModel,
  ProgressResponse,
  PsResponse,
  PullRequest,
  PushRequest,
  ShowRequest,
  ShowResponse,
  VersionResponse,
} from './models';
export {
  copyRequestSchema,
  createRequestSchema,
  deleteRequestSchema,
  listResponseSchema,
  manifestSchema,
  modelResponseSchema,
  processModelSchema,
  progressResponseSchema,
  psResponseSchema,
  pullRequestSchema,
  pushRequestSchema,
  showRequestSchema,
  showResponseSchema,
  versionResponseSchema,
} from './models';

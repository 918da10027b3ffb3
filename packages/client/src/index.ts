export type {
  ChatResult,
  ChatStream,
  ClientOptions,
  GenerateResult,
  GenerateStream,
  HostHealth,
  LoadOptions,
  OllamaClient,
  ProgressOptions,
} from './create-client';
export { createClient } from './create-client';
export type { ResponseIssue } from './errors/index';
export {
  HostUnreachableError,
  InvalidArgumentError,
  InvalidResponseError,
  isRetryableStatus,
  ModelNotFoundError,
  OllamamonError,
  OllamaResponseError,
  TimeoutError,
} from './errors/index';
export type { StreamKind } from './ndjson-stream';
export { OllamaStream } from './ndjson-stream';
export { connectableHost, DEFAULT_HOST, parseHost } from './parse-host';
export type { ModelName, ModelNamePart } from './parse-model-name';
export {
  isValidModelNamePart,
  MISSING_PART,
  modelNamesEqual,
  parseModelName,
} from './parse-model-name';
export type { PullProgress, PullProgressOptions } from './pull-progress';
export { createPullProgress } from './pull-progress';
export type { CallOptions } from './request-context';
export type { RetryOptions } from './retry';
export { isRetryableError } from './retry';
export type { GenerationTimings } from './timings';
export { VERSION } from './version';

export type { CheckUpdatesOptions, LocalModel, UpdateCheck } from './check-updates';
export { checkUpdates, DEFAULT_REGISTRY } from './check-updates';
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
} from './client-types';
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
export type { Fleet, Served } from './fleet/create-fleet';
export { createFleet } from './fleet/create-fleet';
export { mergeInventory } from './fleet/merge-inventory';
export { parseParameters } from './fleet/parse-parameters';
export type { RouteCandidate, RouteDecision } from './fleet/rank-hosts';
export { rankHosts } from './fleet/rank-hosts';
export type { Suggestion } from './fleet/suggestions';
export { suggest } from './fleet/suggestions';
export type { SyncItem, SyncOptions, SyncReport } from './fleet/sync-models';
export type {
  FleetHostConfig,
  FleetInventory,
  FleetModel,
  FleetOptions,
  HostInventory,
  HostStatus,
  ModelPlacement,
} from './fleet/types';
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
export type { PullJob, PullJobState, PullQueueEvents, PullQueueOptions } from './pull-queue';
export { PullQueue } from './pull-queue';
export type { CallOptions } from './request-context';
export type { RetryOptions } from './retry';
export { isRetryableError } from './retry';
export type { FinalMetrics, GenerationTimings } from './timings';
export { VERSION } from './version';

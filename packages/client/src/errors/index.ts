export { HostUnreachableError } from './host-unreachable-error';
export { InvalidArgumentError } from './invalid-argument-error';
export type { ResponseIssue } from './invalid-response-error';
export { formatIssuePath, InvalidResponseError } from './invalid-response-error';
export { ModelNotFoundError } from './model-not-found-error';
export { isRetryableStatus, OllamaResponseError } from './ollama-response-error';
export { OllamamonError } from './ollamamon-error';
export { TimeoutError } from './timeout-error';

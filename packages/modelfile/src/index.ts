export type { CreateRequestErrorCode } from './errors/index';
export {
  CreateRequestError,
  ModelfileError,
  ModelfileSyntaxError,
} from './errors/index';
export type { FormatModelfileOptions } from './format-modelfile';
export { formatModelfile } from './format-modelfile';
export type { FromShowResponseOptions, ShowResponseLike } from './from-show-response';
export { fromShowResponse } from './from-show-response';
export { INSTRUCTIONS, MESSAGE_ROLES } from './instructions';
export type {
  Diagnostic,
  DiagnosticCode,
  DiagnosticSeverity,
  LintModelfileOptions,
} from './lint-modelfile';
export { lintModelfile } from './lint-modelfile';
export type { ParameterInfo, ParameterType } from './parameters';
export { DEPRECATED_PARAMETERS, PARAMETERS, REMOVED_PARAMETERS } from './parameters';
export { parseModelfile } from './parse-modelfile';
export { quoteValue } from './quote-value';
export type { SyntaxErrorReason } from './scan';
export type {
  CreateRequest,
  CreateRequestWarning,
  ResolvedFile,
  ResolveFile,
  ToCreateRequestOptions,
  ToCreateRequestResult,
} from './to-create-request';
export { toCreateRequest } from './to-create-request';
export type { Token, TokenKind } from './tokenize-modelfile';
export { tokenizeModelfile, tokenizeModelfileLines } from './tokenize-modelfile';
export type { ParameterValue } from './type-parameter';
export type {
  CommandLike,
  Instruction,
  Modelfile,
  ModelfileCommand,
  ModelfileLike,
  QuoteStyle,
  SourcePosition,
  SourceRange,
} from './types';

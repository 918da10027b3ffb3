export type { CreateRequestErrorCode } from './create-request-error';
export { CreateRequestError } from './create-request-error';
export { ModelfileError } from './modelfile-error';
export { ModelfileSyntaxError } from './modelfile-syntax-error';

/** Marker Ollama puts in a part that a separator promised but that is empty (always invalid). */
export const MISSING_PART = '!MISSING!';

const DEFAULT_REGISTRY = 'registry.ollama.ai';
const DEFAULT_NAMESPACE = 'library';
const DEFAULT_TAG = 'latest';
const DEFAULT_SCHEME = 'https';

/** Which part of a model name is invalid. */
export type ModelNamePart = 'host' | 'namespace' | 'model' | 'tag';

/** A model name split as Ollama's `model.ParseName` does, with the defaults filled in. */
export interface ModelName {
  /** Registry host, default `registry.ollama.ai`. */
  readonly host: string;
  /** Namespace, default `library`. */
  readonly namespace: string;
  readonly model: string;
  /** Tag, default `latest`. */
  readonly tag: string;
  /** Protocol scheme written before the host (`http://h/n/m`), default `https`. */
  readonly scheme: string;
  /** All four parts pass Ollama's rules (`Name.IsValid`). */
  readonly valid: boolean;
  /** The first part that fails, when not valid. */
  readonly invalidPart: ModelNamePart | undefined;
  /**
   * Ollama's `DisplayShortest`: host and namespace left out for the default registry, only the
   * namespace for `library`, and always `:tag` (`llama3` → `llama3:latest`). The form shown by
   * `/api/tags` and `/api/ps`.
   */
  readonly short: string;
  /** The full form `host/namespace/model:tag`. */
  toString(): string;
}

function cutLast(value: string, separator: string): [string, string, boolean] {
  const index = value.lastIndexOf(separator);
  if (index < 0) return [value, '', false];
  const before = value.slice(0, index) || MISSING_PART;
  const after = value.slice(index + separator.length) || MISSING_PART;
  return [before, after, true];
}

interface BareName {
  host: string;
  namespace: string;
  model: string;
  tag: string;
  scheme: string;
}

/** Ollama's `ParseNameBare`: no defaults (ollama-api.md §2). */
function parseBare(value: string): BareName {
  const name: BareName = { host: '', namespace: '', model: '', tag: '', scheme: '' };
  let rest = value;
  // "/" is not allowed in a tag, so a ':' after the last '/' starts the tag.
  if (rest.lastIndexOf(':') > rest.lastIndexOf('/')) {
    [rest, name.tag] = cutLast(rest, ':');
  }
  let promised: boolean;
  [rest, name.model, promised] = cutLast(rest, '/');
  if (!promised) {
    name.model = rest;
    return name;
  }
  [rest, name.namespace, promised] = cutLast(rest, '/');
  if (!promised) {
    name.namespace = rest;
    return name;
  }
  const schemeAt = rest.indexOf('://');
  if (schemeAt >= 0) {
    name.scheme = rest.slice(0, schemeAt);
    name.host = rest.slice(schemeAt + 3);
  } else {
    name.host = rest;
  }
  return name;
}

const FIRST = /^[A-Za-z0-9_]$/;
const LATER: Record<ModelNamePart, RegExp> = {
  host: /^[A-Za-z0-9_.:-]*$/,
  namespace: /^[A-Za-z0-9_-]*$/,
  model: /^[A-Za-z0-9_.-]*$/,
  tag: /^[A-Za-z0-9_.-]*$/,
};
const MAX_LENGTH: Record<ModelNamePart, number> = { host: 350, namespace: 80, model: 80, tag: 80 };

/** Ollama's `isValidPart`: byte-wise ASCII, so any non-ASCII character is invalid. */
export function isValidModelNamePart(kind: ModelNamePart, value: string): boolean {
  const bytes = new TextEncoder().encode(value).length;
  if (bytes < 1 || bytes > MAX_LENGTH[kind]) return false;
  return FIRST.test(value[0] as string) && LATER[kind].test(value.slice(1));
}

/**
 * Split a model name as Ollama does (`types/model/name.go`, `ParseName`):
 * `[scheme://][host/][namespace/]model[:tag]`, with the defaults `registry.ollama.ai`,
 * `library`, `latest` and `https` filled in. The input is used as given: Ollama's API trims
 * spaces before parsing, this function does not, so `' llama3'` is invalid here as in `ParseName`.
 * Case is kept; compare names with {@link modelNamesEqual}.
 *
 * @example parseModelName('llama3').toString() // 'registry.ollama.ai/library/llama3:latest'
 * @example parseModelName('user/m:7b').short // 'user/m:7b'
 */
export function parseModelName(value: string): ModelName {
  const bare = parseBare(value);
  const host = bare.host || DEFAULT_REGISTRY;
  const namespace = bare.namespace || DEFAULT_NAMESPACE;
  const model = bare.model;
  const tag = bare.tag || DEFAULT_TAG;
  const scheme = bare.scheme || DEFAULT_SCHEME;
  const parts: Array<[ModelNamePart, string]> = [
    ['host', host],
    ['namespace', namespace],
    ['model', model],
    ['tag', tag],
  ];
  const invalid = parts.find(([kind, part]) => !isValidModelNamePart(kind, part));
  let short: string;
  if (host.toLowerCase() !== DEFAULT_REGISTRY) short = `${host}/${namespace}/${model}:${tag}`;
  else if (namespace.toLowerCase() !== DEFAULT_NAMESPACE) short = `${namespace}/${model}:${tag}`;
  else short = `${model}:${tag}`;
  const full = `${host}/${namespace}/${model}:${tag}`;
  return {
    host,
    namespace,
    model,
    tag,
    scheme,
    valid: invalid === undefined,
    invalidPart: invalid?.[0],
    short,
    toString: () => full,
  };
}

/** Ollama's `EqualFold`: the same model when host, namespace, model and tag match ignoring case. */
export function modelNamesEqual(a: string, b: string): boolean {
  return parseModelName(a).toString().toLowerCase() === parseModelName(b).toString().toLowerCase();
}

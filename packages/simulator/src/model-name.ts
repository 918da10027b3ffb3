import { goQuote, OllamaHttpError } from './http-error.js';

/** A model name split into its four parts (types/model/name.go, ollama-api.md §2). */
export interface ModelName {
  host: string;
  namespace: string;
  model: string;
  tag: string;
  scheme: string;
}

const missing = '!MISSING!';
const defaultHost = 'registry.ollama.ai';
const defaultNamespace = 'library';

function cutLast(value: string, separator: string): [string, string, boolean] {
  const index = value.lastIndexOf(separator);
  if (index < 0) return ['', value, false];
  return [value.slice(0, index), value.slice(index + separator.length), true];
}

function orMissing(value: string, present: boolean): string {
  return present && value === '' ? missing : value;
}

/** `ParseNameBare` then `ParseName`'s defaults. Never throws; check {@link isValidName}. */
export function parseName(input: string): ModelName {
  let rest = input;
  let tag = '';
  const lastColon = rest.lastIndexOf(':');
  if (lastColon > rest.lastIndexOf('/')) {
    tag = orMissing(rest.slice(lastColon + 1), true);
    rest = rest.slice(0, lastColon);
  }
  let [before, model, found] = cutLast(rest, '/');
  let namespace = '';
  let host = '';
  let scheme = '';
  if (found) {
    model = orMissing(model, true);
    let nsFound: boolean;
    [rest, namespace, nsFound] = cutLast(before, '/');
    if (!nsFound) {
      namespace = orMissing(before, true);
    } else {
      namespace = orMissing(namespace, true);
      host = orMissing(rest, true);
      const schemeIndex = host.indexOf('://');
      if (schemeIndex >= 0) {
        scheme = host.slice(0, schemeIndex);
        host = host.slice(schemeIndex + 3);
      }
    }
  }
  return {
    host: host || defaultHost,
    namespace: namespace || defaultNamespace,
    model,
    tag: tag || 'latest',
    scheme: scheme || 'https',
  };
}

const partRules = {
  host: { first: /[A-Za-z0-9_]/, rest: /^[A-Za-z0-9_.:-]*$/, max: 350 },
  namespace: { first: /[A-Za-z0-9_]/, rest: /^[A-Za-z0-9_-]*$/, max: 80 },
  model: { first: /[A-Za-z0-9_]/, rest: /^[A-Za-z0-9_.-]*$/, max: 80 },
  tag: { first: /[A-Za-z0-9_]/, rest: /^[A-Za-z0-9_.-]*$/, max: 80 },
} as const;

/** `IsValid` == `IsFullyQualified`: every part present and made of allowed ASCII. */
export function isValidName(name: ModelName): boolean {
  for (const part of ['host', 'namespace', 'model', 'tag'] as const) {
    const value = name[part];
    const rule = partRules[part];
    if (value.length < 1 || value.length > rule.max || value === missing) return false;
    if (!rule.first.test(value[0] ?? '') || !rule.rest.test(value.slice(1))) return false;
  }
  return true;
}

/** `host/namespace/model:tag`. */
export function fullName(name: ModelName): string {
  return `${name.host}/${name.namespace}/${name.model}:${name.tag}`;
}

/** `DisplayShortest`: `llama3` → `llama3:latest`, `user/m` → `user/m:latest`. */
export function displayShortest(name: ModelName): string {
  if (name.host.toLowerCase() === defaultHost) {
    if (name.namespace.toLowerCase() === defaultNamespace) return `${name.model}:${name.tag}`;
    return `${name.namespace}/${name.model}:${name.tag}`;
  }
  return `${name.host}/${name.namespace}/${name.model}:${name.tag}`;
}

/** Case-insensitive key used to look models up (Ollama compares names with EqualFold). */
export function nameKey(name: ModelName): string {
  return fullName(name).toLowerCase();
}

/** Result of the source-suffix step (internal/modelref) followed by ParseName. */
export interface ModelReference {
  name: ModelName;
  source: 'local' | 'cloud' | 'any';
}

/**
 * internal/modelref: trim, strip a `:local` / `:cloud` / `-cloud` suffix, then parse.
 * Throws 400 for both suffixes together; returns `undefined` for an empty input so that
 * each endpoint can give its own wording.
 */
export function parseModelReference(input: string): ModelReference | undefined {
  let rest = input.trim();
  if (rest === '') return undefined;
  let source: ModelReference['source'] = 'any';
  const strip = (): boolean => {
    const index = rest.lastIndexOf(':');
    if (index < 0) return false;
    const suffix = rest.slice(index + 1).toLowerCase();
    if (suffix !== 'local' && suffix !== 'cloud') return false;
    if (source !== 'any' && source !== suffix) {
      throw new OllamaHttpError(400, `use either :local or :cloud, not both: ${goQuote(input)}`);
    }
    source = suffix;
    rest = rest.slice(0, index);
    return true;
  };
  if (strip()) strip();
  if (source === 'any') {
    const lastSegment = rest.slice(rest.lastIndexOf(':') + 1);
    if (!rest.includes('/') && lastSegment.toLowerCase().endsWith('-cloud')) {
      rest = rest.slice(0, rest.length - '-cloud'.length);
      source = 'cloud';
    }
  }
  return { name: parseName(rest), source };
}

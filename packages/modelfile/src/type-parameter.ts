import { parseGoBool, parseGoFloat32, parseGoInt } from './go-strconv';
import { PARAMETERS } from './parameters';

/** A parameter value typed as Ollama types it. */
export type ParameterValue = number | boolean | string[];

export type TypedParameter =
  | { ok: true; value: ParameterValue }
  | { ok: false; code: 'unknown-parameter' | 'invalid-parameter-value'; ollamaMessage: string };

/**
 * `api.FormatParams` for one PARAMETER line: the typed value, or Ollama's error text
 * (`unknown parameter 'x'`, `invalid int value [4k]`, ...). Deprecated names are not handled here.
 */
export function typeParameter(name: string, value: string): TypedParameter {
  // Object.hasOwn: a name such as "constructor" must not find Object.prototype members
  const info = Object.hasOwn(PARAMETERS, name) ? PARAMETERS[name] : undefined;
  if (info === undefined) {
    return { ok: false, code: 'unknown-parameter', ollamaMessage: `unknown parameter '${name}'` };
  }
  switch (info.type) {
    case 'int': {
      const parsed = parseGoInt(value);
      if (parsed === undefined) return invalid('int', value);
      return { ok: true, value: parsed };
    }
    case 'float': {
      const parsed = parseGoFloat32(value);
      if (parsed === undefined) return invalid('float', value);
      return { ok: true, value: parsed };
    }
    case 'bool': {
      const parsed = parseGoBool(value);
      if (parsed === undefined) return invalid('bool', value);
      return { ok: true, value: parsed };
    }
    default:
      return { ok: true, value: [value] };
  }
}

function invalid(kind: string, value: string): TypedParameter {
  // Go formats the one-element []string with %s: "[value]"
  return {
    ok: false,
    code: 'invalid-parameter-value',
    ollamaMessage: `invalid ${kind} value [${value}]`,
  };
}

import { OllamaHttpError } from './http-error.js';
import { fullName, isValidName, type ModelName, parseModelReference } from './model-name.js';
import type { InstalledModel, ModelStore } from './model-store.js';

/** The per-endpoint wording of the three model errors (ollama-api.md §5). */
export interface LookupWording {
  /** Empty model: status and text. */
  empty: [number, string];
  /** Not installed: text (always 404) from the name as given and the parsed name. */
  notFound: (given: string, name: ModelName) => string;
  /** Invalid name text (400). Default `invalid model name`. */
  invalid?: (given: string) => string;
}

/** Parses and validates a model field; returns the parsed name or throws the endpoint's error. */
export function parseModelField(raw: unknown, wording: LookupWording): ModelName {
  const given = typeof raw === 'string' ? raw : '';
  const reference = parseModelReference(given);
  if (!reference) throw new OllamaHttpError(wording.empty[0], wording.empty[1]);
  if (!isValidName(reference.name)) {
    throw new OllamaHttpError(400, wording.invalid ? wording.invalid(given) : 'invalid model name');
  }
  if (reference.source === 'cloud') {
    // A cloud model would be proxied to ollama.com; the simulator has none.
    throw new OllamaHttpError(404, wording.notFound(given, reference.name));
  }
  return reference.name;
}

/** parseModelField + the installed model, or the endpoint's 404. */
export function lookupModel(
  store: ModelStore,
  raw: unknown,
  wording: LookupWording,
): InstalledModel {
  const name = parseModelField(raw, wording);
  const model = store.get(name);
  if (!model)
    throw new OllamaHttpError(404, wording.notFound(typeof raw === 'string' ? raw : '', name));
  return model;
}

/** `registry.ollama.ai/library/x:latest`, the name used in capability errors. */
export function capabilityName(model: InstalledModel): string {
  return fullName(model.name);
}

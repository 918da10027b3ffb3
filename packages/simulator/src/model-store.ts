import { catalogue, type ModelSpec } from './catalogue.js';
import {
  type BuiltManifest,
  buildManifest,
  catalogueContent,
  type ModelContent,
} from './manifest.js';
import { displayShortest, type ModelName, nameKey, parseName } from './model-name.js';

/** A model installed on the simulated host. */
export interface InstalledModel {
  name: ModelName;
  /** `DisplayShortest`, e.g. `llama3.2:1b`. */
  display: string;
  content: ModelContent;
  manifest: BuiltManifest;
  /** Manifest digest as shown by /api/tags (hex, no prefix). */
  digest: string;
  modifiedAt: Date;
}

/** A blob known to the store: its size and the first bytes (to check the GGUF magic). */
export interface Blob {
  size: number;
  head: Uint8Array;
}

/** Finds a catalogue spec by any of its names (`llama3.2`, `llama3.2:latest`, `library/llama3.2:3b`). */
export function findSpec(input: string | ModelName): ModelSpec | undefined {
  const key = nameKey(typeof input === 'string' ? parseName(input) : input);
  return catalogue.find((spec) =>
    [spec.name, ...spec.aliases].some((alias) => nameKey(parseName(alias)) === key),
  );
}

/** The installed models and the blob store of one simulated host. */
export class ModelStore {
  readonly #models = new Map<string, InstalledModel>();
  readonly #blobs = new Map<string, Blob>();
  #clock = 0;

  list(): InstalledModel[] {
    return [...this.#models.values()];
  }

  get(name: ModelName): InstalledModel | undefined {
    return this.#models.get(nameKey(name));
  }

  /** Installs (or replaces) a model under a name; returns the installed record. */
  put(name: ModelName, content: ModelContent, digest?: string): InstalledModel {
    const manifest = buildManifest(content);
    // Distinct, increasing mtimes so /api/tags sorts deterministically even within one millisecond.
    const now = Math.max(Date.now(), this.#clock + 1);
    this.#clock = now;
    const model: InstalledModel = {
      name,
      display: displayShortest(name),
      content,
      manifest,
      digest: digest ?? manifest.digest,
      modifiedAt: new Date(now),
    };
    this.#models.set(nameKey(name), model);
    for (const layer of manifest.layers)
      this.#blobs.set(layer.digest, { size: layer.size, head: new Uint8Array() });
    this.#blobs.set(manifest.config.digest, { size: manifest.config.size, head: new Uint8Array() });
    return model;
  }

  /** Installs a catalogue model by name; throws a TypeError naming the unknown model. */
  installFromCatalogue(input: string): InstalledModel {
    const spec = findSpec(input);
    if (!spec) {
      throw new TypeError(
        `unknown model "${input}": not in the simulator's catalogue (${catalogue.map((entry) => entry.name).join(', ')})`,
      );
    }
    return this.put(parseName(input), catalogueContent(spec));
  }

  delete(name: ModelName): boolean {
    const model = this.#models.get(nameKey(name));
    if (!model) return false;
    this.#models.delete(nameKey(name));
    this.prune(model.manifest);
    return true;
  }

  /** Removes blobs no manifest refers to (uploaded blobs are kept, as Ollama keeps them until prune). */
  prune(previous?: BuiltManifest): string[] {
    if (!previous) return [];
    const used = new Set<string>();
    for (const model of this.#models.values()) {
      for (const layer of model.manifest.layers) used.add(layer.digest);
      used.add(model.manifest.config.digest);
    }
    const removed: string[] = [];
    for (const layer of [...previous.layers, previous.config]) {
      if (!used.has(layer.digest) && this.#blobs.delete(layer.digest)) removed.push(layer.digest);
    }
    return removed;
  }

  hasBlob(digest: string): boolean {
    return this.#blobs.has(digest);
  }

  blob(digest: string): Blob | undefined {
    return this.#blobs.get(digest);
  }

  putBlob(digest: string, blob: Blob): void {
    this.#blobs.set(digest, blob);
  }
}

import { sha256Hex } from './digest.js';
import {
  type BuiltManifest,
  buildManifest,
  catalogueContent,
  type ModelContent,
} from './manifest.js';
import { type ModelName, nameKey, parseName } from './model-name.js';
import { findSpec } from './model-store.js';

/** What the simulated registry serves for one name. */
export interface RemoteModel {
  content: ModelContent;
  manifest: BuiltManifest;
  /** The digest the registry reports (Docker-Content-Digest), hex without prefix. */
  digest: string;
}

/**
 * The simulated registry (registry.ollama.ai): every catalogue model under each of its names,
 * plus whatever was pushed. `setDigest` publishes a "new version" of a model.
 */
export class Registry {
  readonly #overrides = new Map<string, RemoteModel>();

  /** The remote model for a name, or undefined when the registry does not have it. */
  lookup(name: ModelName): RemoteModel | undefined {
    const override = this.#overrides.get(nameKey(name));
    if (override) return override;
    if (name.host.toLowerCase() !== 'registry.ollama.ai') return undefined;
    const spec = findSpec(name);
    if (!spec) return undefined;
    const content = catalogueContent(spec);
    const manifest = buildManifest(content);
    return { content, manifest, digest: manifest.digest };
  }

  /**
   * Publishes a new remote version of `name` whose digest is `digest` (hex, with or without
   * `sha256:`), or a fresh one when left out. Its weights blob changes too, so a pull downloads it.
   * Returns the new digest.
   */
  setDigest(input: string, digest?: string): string {
    const name = parseName(input);
    const current = this.lookup(name);
    if (!current)
      throw new TypeError(
        `registry.setDigest: "${input}" is not in the catalogue and was never pushed`,
      );
    const revision = current.content.revision + 1;
    const content: ModelContent = {
      ...current.content,
      revision,
      modelLayer: {
        ...current.content.modelLayer,
        digest: `sha256:${sha256Hex(`${nameKey(name)}#weights#${revision}`)}`,
      },
    };
    const manifest = buildManifest(content);
    const hex = digest ? digest.replace(/^sha256[:-]/, '').toLowerCase() : manifest.digest;
    if (!/^[0-9a-f]{64}$/.test(hex))
      throw new TypeError(`registry.setDigest: "${digest}" is not a sha256 hex digest`);
    this.#overrides.set(nameKey(name), { content, manifest, digest: hex });
    return hex;
  }

  /** Records a pushed model. */
  publish(name: ModelName, content: ModelContent, digest: string): void {
    this.#overrides.set(nameKey(name), { content, manifest: buildManifest(content), digest });
  }
}

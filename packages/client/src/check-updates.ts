import { HostUnreachableError } from './errors/host-unreachable-error';
import { OllamaResponseError } from './errors/ollama-response-error';
import { parseModelName } from './parse-model-name';
import { RequestContext } from './request-context';
import { responseError } from './translate-error';

/** Default registry, as Ollama pulls from it. */
export const DEFAULT_REGISTRY = 'https://registry.ollama.ai';

/** A local model to check: its name and the manifest digest `/api/tags` reports. */
export interface LocalModel {
  name: string;
  digest: string;
}

/** The verdict for one model. */
export interface UpdateCheck {
  name: string;
  status: 'up-to-date' | 'outdated' | 'unknown';
  /** Local manifest digest (hex, no prefix). */
  localDigest: string;
  /** The registry's manifest digest, when it answered. */
  remoteDigest: string | undefined;
  /** Why the status is `unknown` (invalid name, not in the registry, registry unreachable). */
  reason: string | undefined;
}

/** Options of {@link checkUpdates}. */
export interface CheckUpdatesOptions {
  /**
   * Registry base URL, or a function of the parsed name. @default the model name's own host
   * over https (`https://registry.ollama.ai` for plain names)
   */
  registry?: string | ((name: ReturnType<typeof parseModelName>) => string);
  fetch?: typeof fetch;
  headers?: Record<string, string>;
  /** Per-request timeout in ms. @default 10000 */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Requests at once. @default 8 */
  concurrency?: number;
}

const manifestAccept = [
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
].join(', ');

function plainDigest(digest: string): string {
  return digest.replace(/^sha256[:-]/i, '').toLowerCase();
}

async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  let out = '';
  for (const byte of hash) out += byte.toString(16).padStart(2, '0');
  return out;
}

async function checkOne(model: LocalModel, options: CheckUpdatesOptions): Promise<UpdateCheck> {
  const localDigest = plainDigest(model.digest);
  const unknown = (reason: string, remoteDigest?: string): UpdateCheck => ({
    name: model.name,
    status: 'unknown',
    localDigest,
    remoteDigest,
    reason,
  });
  const name = parseModelName(model.name);
  if (!name.valid)
    return unknown(`"${model.name}" is not a valid model name (${name.invalidPart})`);
  const base =
    typeof options.registry === 'function'
      ? options.registry(name)
      : (options.registry ?? `${name.scheme}://${name.host}`);
  const path = `/v2/${name.namespace}/${name.model}/manifests/${name.tag}`;
  const host = base.replace(/\/+$/, '');
  const context = new RequestContext({
    host,
    path,
    model: model.name,
    timeoutMs: options.timeoutMs ?? 10_000,
    signal: options.signal,
  });
  try {
    const response = await (options.fetch ?? globalThis.fetch)(`${host}${path}`, {
      headers: { Accept: manifestAccept, ...options.headers },
      signal: context.signal,
    });
    context.headersReceived();
    if (!response.ok) throw await responseError(response, context);
    const body = await response.arrayBuffer();
    const header = response.headers.get('docker-content-digest');
    // Ollama's local digest is the sha256 of the manifest bytes, which the registry also sends.
    const remoteDigest = header ? plainDigest(header) : await sha256Hex(body);
    return {
      name: model.name,
      status: remoteDigest === localDigest ? 'up-to-date' : 'outdated',
      localDigest,
      remoteDigest,
      reason: undefined,
    };
  } catch (caught) {
    const error = context.error(caught);
    if (options.signal?.aborted) throw error;
    if (OllamaResponseError.isInstance(error) && error.status === 404) {
      return unknown(`not in the registry at ${host} (created locally, or renamed)`);
    }
    if (HostUnreachableError.isInstance(error)) return unknown(`registry ${host} is unreachable`);
    return unknown(error instanceof Error ? error.message : String(error));
  } finally {
    context.dispose();
  }
}

/**
 * "Is it outdated?": compare each local model's digest with the registry's manifest digest,
 * reporting `up-to-date`, `outdated` or `unknown` (with the reason) per model. Never throws for
 * one model's failure; only an abort of `signal` rejects.
 *
 * @example
 * const { models } = await client.list();
 * for (const check of await checkUpdates(models)) console.log(check.name, check.status);
 */
export async function checkUpdates(
  models: ReadonlyArray<LocalModel>,
  options: CheckUpdatesOptions = {},
): Promise<UpdateCheck[]> {
  const results: UpdateCheck[] = new Array(models.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < models.length) {
      const index = next++;
      results[index] = await checkOne(models[index] as LocalModel, options);
    }
  };
  const workers = Array.from({ length: Math.min(options.concurrency ?? 8, models.length) }, worker);
  await Promise.all(workers);
  return results;
}

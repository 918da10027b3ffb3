import { createClient } from '@ollamamon/client';
import type { ProcessModel, ShowResponse } from '@ollamamon/client/schemas';
import { errorMessage } from './source.js';

/** An `/api/ps` model (Ollama's field names, ollama-api.md §5). */
export type PsModel = ProcessModel;

/**
 * What the monitor needs from a client (an `OllamaClient` from `@ollamamon/client` fits): `ps()`,
 * and `show()` to find a loaded model's blob path for the runner join.
 */
export interface MonitorClient {
  /** The base URL, used to tell whether the host is local. */
  readonly host?: string;
  ps(): Promise<{ models: ProcessModel[] }>;
  show?(request: { model: string }): Promise<Pick<ShowResponse, 'modelfile'>>;
}

/** A host to watch: a client, or a URL for which a client is made (no retries, 2 s timeout). */
export type MonitorHost = {
  name: string;
  /** Whether the host's runners are this machine's processes. @default true for a loopback URL */
  local?: boolean;
} & ({ client: MonitorClient; url?: undefined } | { url: string; client?: undefined });

/** True for loopback URLs: the host's runners are then this machine's processes. */
export function isLoopbackUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const hostname = new URL(url).hostname.replace(/^\[|\]$/g, '');
    return hostname === 'localhost' || hostname === '::1' || hostname.startsWith('127.');
  } catch {
    return false;
  }
}

export interface HostPs {
  name: string;
  local: boolean;
  up: boolean;
  error: string | null;
  models: PsModel[];
  /** Model blob path per model name, from the `FROM` line of `/api/show`'s modelfile. */
  blobPaths: Map<string, string>;
}

/** The blob path in the `FROM` line Ollama puts in a local model's modelfile. */
export function blobPathFromModelfile(modelfile: string): string | null {
  const match = /^FROM\s+(\S*sha256-[0-9a-f]{64})\s*$/im.exec(modelfile);
  return match?.[1] ?? null;
}

/**
 * Asks every host for `/api/ps` in parallel. A host that fails is reported down with the reason.
 * For local hosts the model's blob path is looked up once per digest with `/api/show`.
 */
export function createOllamaModelSource(hostOptions: MonitorHost[]) {
  const hosts = hostOptions.map((host) => {
    const client: MonitorClient =
      host.client ?? createClient({ host: host.url, timeoutMs: 2000, retry: false });
    // Decided at each sample: a client may follow a host that changes (the TUI's active host).
    const isLocal = () => host.local ?? isLoopbackUrl(client.host ?? host.url);
    return { name: host.name, client, isLocal };
  });
  const blobCache = new Map<string, string | null>();

  const blobPath = async (host: (typeof hosts)[number], model: PsModel): Promise<string | null> => {
    const key = `${host.name}/${model.digest}`;
    if (blobCache.has(key)) return blobCache.get(key) ?? null;
    let path: string | null = null;
    try {
      const shown = await host.client.show?.({ model: model.name });
      path = shown?.modelfile ? blobPathFromModelfile(shown.modelfile) : null;
    } catch {
      return null; // not cached: ask again next sample
    }
    if (blobCache.size > 256) blobCache.clear();
    blobCache.set(key, path);
    return path;
  };

  return {
    async sample(): Promise<HostPs[]> {
      return Promise.all(
        hosts.map(async (host): Promise<HostPs> => {
          const local = host.isLocal();
          try {
            const { models } = await host.client.ps();
            const blobPaths = new Map<string, string>();
            if (local) {
              for (const model of models) {
                const path = await blobPath(host, model);
                if (path) blobPaths.set(model.name, path);
              }
            }
            return { name: host.name, local, up: true, error: null, models, blobPaths };
          } catch (error) {
            return {
              name: host.name,
              local: host.isLocal(),
              up: false,
              error: errorMessage(error),
              models: [],
              blobPaths: new Map(),
            };
          }
        }),
      );
    },
  };
}

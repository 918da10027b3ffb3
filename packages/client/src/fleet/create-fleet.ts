import type {
  ChatResult,
  ChatStream,
  GenerateResult,
  GenerateStream,
  OllamaClient,
} from '../client-types';
import { createClient } from '../create-client';
import { HostUnreachableError } from '../errors/host-unreachable-error';
import { InvalidArgumentError } from '../errors/invalid-argument-error';
import { ModelNotFoundError } from '../errors/model-not-found-error';
import { TimeoutError } from '../errors/timeout-error';
import type { CallOptions } from '../request-context';
import { isRetryableError } from '../retry';
import type {
  ChatRequest,
  EmbedRequest,
  EmbedResponse,
  GenerateRequest,
} from '../schemas/generation';
import { mergeInventory } from './merge-inventory';
import { type RouteDecision, rankHosts } from './rank-hosts';
import { type Suggestion, suggest } from './suggestions';
import { type SyncOptions, type SyncReport, syncModels } from './sync-models';
import type {
  FleetHostConfig,
  FleetInventory,
  FleetOptions,
  HostInventory,
  HostStatus,
} from './types';

/** Which host served a fleet call. */
export interface Served {
  /** Name of the host that answered. */
  host: string;
  /** Hosts tried before it, with the error each gave. */
  failedOver: Array<{ host: string; error: Error }>;
}

/** A fleet of Ollama hosts. Create it with {@link createFleet}. */
export interface Fleet {
  /** The configured hosts. */
  readonly hosts: readonly FleetHostConfig[];
  /** The client of one host, by name. */
  client(name: string): OllamaClient;
  /** Up/down, latency and version of every host, in parallel; a dead host never blocks the others. */
  health(options?: { signal?: AbortSignal }): Promise<HostStatus[]>;
  /** Every model on every host, merged (also refreshes the routing state). */
  inventory(options?: { signal?: AbortSignal }): Promise<FleetInventory>;
  /** Which host a request for `model` goes to, and why (from the latest health/inventory). */
  route(model: string): RouteDecision;
  chat(
    request: ChatRequest & { stream: true },
    options?: CallOptions,
  ): Promise<ChatStream & { served: Served }>;
  chat(
    request: ChatRequest & { stream?: false },
    options?: CallOptions,
  ): Promise<ChatResult & { served: Served }>;
  generate(
    request: GenerateRequest & { stream: true },
    options?: CallOptions,
  ): Promise<GenerateStream & { served: Served }>;
  generate(
    request: GenerateRequest & { stream?: false },
    options?: CallOptions,
  ): Promise<GenerateResult & { served: Served }>;
  embed(request: EmbedRequest, options?: CallOptions): Promise<EmbedResponse & { served: Served }>;
  /** Copy models from one host to another (registry pull, or recreate local models); see SyncOptions. */
  sync(options: SyncOptions): Promise<SyncReport>;
  /** Load-balancing and housekeeping advice (refreshes the inventory). */
  suggestions(options?: { signal?: AbortSignal }): Promise<Suggestion[]>;
  /** Requests in flight per host. */
  inFlight(): Record<string, number>;
}

/**
 * Create a fleet over several Ollama hosts: parallel health, merged inventory, routing with
 * failover, sync and suggestions.
 *
 * @example
 * const fleet = createFleet({ hosts: [{ name: 'a', url: 'http://10.0.0.2' }, { name: 'b', url: 'http://10.0.0.3' }] });
 * await fleet.inventory();
 * console.log(fleet.route('llama3.2:1b').explanation);
 * const reply = await fleet.chat({ model: 'llama3.2:1b', messages: [{ role: 'user', content: 'Hi' }] });
 */
export function createFleet(options: FleetOptions): Fleet {
  const names = new Set<string>();
  for (const host of options.hosts) {
    if (names.has(host.name)) {
      throw new InvalidArgumentError({
        argument: 'hosts',
        message: `two hosts are named "${host.name}"`,
      });
    }
    names.add(host.name);
  }
  const probeTimeoutMs = options.probeTimeoutMs ?? 2000;
  const stateTtlMs = options.stateTtlMs ?? 5000;
  const clients = new Map<string, OllamaClient>(
    options.hosts.map((host) => [
      host.name,
      createClient({ ...options.client, host: host.url, headers: host.headers }),
    ]),
  );
  const health = new Map<string, HostStatus>();
  const inFlight = new Map<string, number>();
  let inventory: FleetInventory | undefined;
  let stateAt = 0;

  const client = (name: string): OllamaClient => {
    const found = clients.get(name);
    if (!found) {
      throw new InvalidArgumentError({
        argument: 'host',
        message: `no host named "${name}" (hosts: ${[...clients.keys()].join(', ')})`,
      });
    }
    return found;
  };

  const probe = { timeoutMs: probeTimeoutMs, retry: false } as const;

  async function takeInventory(signal?: AbortSignal): Promise<FleetInventory> {
    const hosts = await Promise.all(
      options.hosts.map(async (host): Promise<HostInventory> => {
        const hostClient = client(host.name);
        try {
          const [list, ps] = await Promise.all([
            hostClient.list({ ...probe, signal }),
            hostClient.ps({ ...probe, signal }),
          ]);
          return {
            name: host.name,
            url: hostClient.host,
            up: true,
            error: undefined,
            models: list.models,
            loaded: ps.models,
          };
        } catch (error) {
          if (signal?.aborted) throw error;
          return {
            name: host.name,
            url: hostClient.host,
            up: false,
            error: error instanceof Error ? error : new Error(String(error)),
            models: [],
            loaded: [],
          };
        }
      }),
    );
    inventory = mergeInventory(hosts);
    for (const host of hosts) {
      const previous = health.get(host.name);
      health.set(host.name, {
        name: host.name,
        url: host.url,
        up: host.up,
        latencyMs: host.up ? previous?.latencyMs : undefined,
        version: previous?.version,
        error: host.error,
      });
    }
    stateAt = performance.now();
    return inventory;
  }

  let refreshing: Promise<unknown> | undefined;

  /**
   * Routing state: the first call waits for an inventory; later, stale state is refreshed in
   * the background, so a dead host (which takes a whole probe timeout) never delays a request.
   */
  async function ensureState(signal?: AbortSignal): Promise<void> {
    if (!inventory) {
      await takeInventory(signal);
      return;
    }
    if (performance.now() - stateAt > stateTtlMs && !refreshing) {
      refreshing = takeInventory()
        .catch(() => undefined)
        .finally(() => {
          refreshing = undefined;
        });
    }
  }

  const route = (model: string): RouteDecision =>
    rankHosts({ model, hosts: options.hosts, health, inventory, inFlight });

  const track = (host: string, delta: number): void => {
    inFlight.set(host, Math.max(0, (inFlight.get(host) ?? 0) + delta));
  };

  /**
   * Worth trying the next host. Only called for failures before anything reached the caller
   * (a stream is handed over after its first chunk arrived), so even a connection dropped
   * after the headers, or a stalled first chunk, is safe to retry elsewhere.
   */
  const canFailOver = (error: unknown): boolean =>
    isRetryableError(error) ||
    HostUnreachableError.isInstance(error) ||
    TimeoutError.isInstance(error) ||
    ModelNotFoundError.isInstance(error);

  async function dispatch<T>(
    model: string,
    options: CallOptions | undefined,
    streamed: boolean,
    run: (client: OllamaClient) => Promise<T>,
  ): Promise<T & { served: Served }> {
    await ensureState(options?.signal);
    let decision = route(model);
    if (decision.candidates.length === 0 && performance.now() - stateAt > 500) {
      // Nobody can serve it per the last look: look again before giving up (a host may be back).
      await takeInventory(options?.signal);
      decision = route(model);
    }
    if (decision.candidates.length === 0) {
      throw new ModelNotFoundError({
        host: 'fleet',
        status: 404,
        error: decision.explanation,
        path: '(route)',
        model,
      });
    }
    const failedOver: Served['failedOver'] = [];
    for (const candidate of decision.candidates) {
      track(candidate.host, 1);
      let settledByStream = false;
      try {
        const result = await run(client(candidate.host));
        if (streamed) {
          const stream = result as unknown as ChatStream;
          await stream.ready();
          settledByStream = true;
          stream.settled.then(() => track(candidate.host, -1));
        }
        return Object.assign(result as object, {
          served: { host: candidate.host, failedOver },
        }) as T & {
          served: Served;
        };
      } catch (error) {
        if (options?.signal?.aborted || !canFailOver(error)) throw error;
        failedOver.push({
          host: candidate.host,
          error: error instanceof Error ? error : new Error(String(error)),
        });
        if (HostUnreachableError.isInstance(error)) {
          const previous = health.get(candidate.host);
          health.set(candidate.host, {
            name: candidate.host,
            url: client(candidate.host).host,
            up: false,
            latencyMs: undefined,
            version: previous?.version,
            error,
          });
        }
      } finally {
        if (!settledByStream) track(candidate.host, -1);
      }
    }
    throw failedOver[failedOver.length - 1]?.error;
  }

  const fleet = {
    hosts: options.hosts,
    client,
    async health(healthOptions?: { signal?: AbortSignal }): Promise<HostStatus[]> {
      const results = await Promise.all(
        options.hosts.map(async (host) => {
          const status = await client(host.name).health({
            timeoutMs: probeTimeoutMs,
            signal: healthOptions?.signal,
          });
          const entry: HostStatus = {
            name: host.name,
            url: status.host,
            up: status.up,
            latencyMs: status.latencyMs,
            version: status.version,
            error: status.error,
          };
          health.set(host.name, entry);
          return entry;
        }),
      );
      return results;
    },
    inventory: (inventoryOptions?: { signal?: AbortSignal }) =>
      takeInventory(inventoryOptions?.signal),
    route,
    chat: (request: ChatRequest, callOptions?: CallOptions) =>
      dispatch(request.model, callOptions, request.stream === true, (c) =>
        c.chat(request, callOptions),
      ),
    generate: (request: GenerateRequest, callOptions?: CallOptions) =>
      dispatch(request.model, callOptions, request.stream === true, (c) =>
        c.generate(request, callOptions),
      ),
    embed: (request: EmbedRequest, callOptions?: CallOptions) =>
      dispatch(request.model, callOptions, false, (c) => c.embed(request, callOptions)),
    sync: (syncOptions: SyncOptions) =>
      syncModels({
        source: client(syncOptions.from),
        target: client(syncOptions.to),
        options: syncOptions,
      }),
    async suggestions(suggestionOptions?: { signal?: AbortSignal }): Promise<Suggestion[]> {
      return suggest(await takeInventory(suggestionOptions?.signal));
    },
    inFlight: () =>
      Object.fromEntries(options.hosts.map((host) => [host.name, inFlight.get(host.name) ?? 0])),
  };
  return fleet as Fleet;
}

import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { createClient, createFleet, DEFAULT_HOST, type Fleet, parseHost } from '@ollamamon/client';
import type { Monitor } from '@ollamamon/monitor';
import type { Store } from '@ollamamon/store';
import { UsageError } from './cli-options.js';
import type { AppClient, AppServices, HostEntry } from './services.js';

/** Models the --demo simulator starts with (a chat model with tools+thinking, vision, embedding, …). */
export const demoModels = [
  'qwen3:0.6b',
  'llama3.2:1b',
  'gemma3:4b',
  'llava:7b',
  'nomic-embed-text:latest',
];

export interface CreateServicesOptions {
  readonly host?: string | undefined;
  readonly profile?: string | undefined;
  readonly demo?: boolean;
  /** Environment the app was started with (OLLAMA_HOST, OLLAMAMON_HOME). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Open the store (settings, notes, chats). @default true */
  readonly openStore?: boolean;
  /** Registry for update checks (--registry / OLLAMAMON_REGISTRY). */
  readonly registry?: string | undefined;
  /** Create the monitor (not started here). @default true */
  readonly monitor?: boolean;
}

interface DemoSimulator {
  url: string;
  close(): Promise<void>;
}

async function startDemoSimulator(): Promise<DemoSimulator> {
  // Loaded only for --demo, so normal start-up does not pay for the simulator.
  const { startSimulator } = await import('@ollamamon/simulator');
  return startSimulator({
    models: demoModels,
    loaded: ['qwen3:0.6b'],
    tokenDelayMs: 12,
    loadDelayMs: 300,
    pullBytesPerSecond: 80_000_000,
  });
}

/** parseHost with the source named in the error: `--host "http://[bad": Invalid URL`. */
function hostFrom(source: string, value: string): string {
  try {
    const url = parseHost(value);
    new URL(url);
    return url;
  } catch (error) {
    throw new UsageError(
      `${source} "${value}" is not a host address (${error instanceof Error ? error.message : String(error)}). Examples: localhost, 10.0.0.2:11434, http://host:11434`,
    );
  }
}

function settingsHosts(store: Store | undefined, profile: string | undefined): HostEntry[] {
  if (!store) return [];
  const document = store.settings.document();
  const chosen = profile ? document.profiles[profile] : store.settings.current();
  if (profile && !chosen) {
    throw new UsageError(
      `No settings profile named "${profile}" (have: ${Object.keys(document.profiles).join(', ') || 'none'}).`,
    );
  }
  return [...(chosen?.hosts ?? [])]
    .sort((left, right) => (right.priority ?? 0) - (left.priority ?? 0))
    .map((host) => ({ name: host.name, url: parseHost(host.url) }));
}

/**
 * Builds what the screens use from flags, environment and settings. The active host is --host, else
 * OLLAMA_HOST, else the settings' first host, else Ollama's default; --demo starts the simulator
 * in-process and uses it.
 */
export async function createServices(options: CreateServicesOptions): Promise<AppServices> {
  // The store (node:sqlite) and the monitor (systeminformation) load on demand: a subcommand that
  // needs neither starts faster.
  let home = {
    configDir: options.env.OLLAMAMON_HOME ?? '',
    dataDir: options.env.OLLAMAMON_HOME ?? '',
  };
  let store: Store | undefined;
  let storeProblem: string | undefined;
  if (options.openStore !== false) {
    try {
      const { defaultHome, openStore } = await import('@ollamamon/store');
      home = defaultHome(options.env);
      store = openStore({ home });
    } catch (error) {
      // E.g. a Node without node:sqlite: the app still works, without notes, chats history or settings.
      storeProblem = error instanceof Error ? error.message : String(error);
    }
  }
  const configured = settingsHosts(store, options.profile);
  let demo = options.demo ? await startDemoSimulator() : undefined;

  let active: HostEntry;
  if (demo) active = { name: 'demo', url: demo.url };
  else if (options.host) active = { name: 'cli', url: hostFrom('--host', options.host) };
  else if (options.env.OLLAMA_HOST)
    active = { name: 'OLLAMA_HOST', url: hostFrom('OLLAMA_HOST', options.env.OLLAMA_HOST) };
  else active = configured[0] ?? { name: 'local', url: DEFAULT_HOST };

  let hosts: HostEntry[] = [active, ...configured.filter((host) => host.url !== active.url)];
  const clients = new Map<string, AppClient>();
  const clientFor = (url: string): AppClient => {
    let client = clients.get(url);
    if (!client) {
      client = createClient({ host: url, timeoutMs: 10_000, retry: false });
      clients.set(url, client);
    }
    return client;
  };
  let fleet: Fleet | undefined;
  const fleetFor = (): Fleet => {
    fleet ??= createFleet({
      hosts: hosts.map((host) => ({ name: host.name, url: host.url })),
      client: { retry: false },
    });
    return fleet;
  };
  let monitor: Monitor | undefined;
  if (options.monitor !== false) {
    const { createMonitor } = await import('@ollamamon/monitor');
    monitor = createMonitor({
      intervalMs: 2000,
      // The monitor follows the active host: its client changes on switchHost.
      hosts: [
        {
          name: 'active',
          client: {
            get host() {
              return active.url;
            },
            ps: () => clientFor(active.url).ps(),
          },
        },
      ],
    });
  }
  const listeners = new Set<() => void>();
  const logFile = join(home.dataDir, 'ollamamon-tui.log');
  const log = (message: string) => {
    if (home.dataDir === '') return;
    try {
      appendFileSync(logFile, `${new Date().toISOString()} ${message}\n`);
    } catch {
      // The debug log is best effort: never break the UI over it.
    }
  };

  return {
    get demo() {
      return demo !== undefined;
    },
    get registry() {
      return demo ? demo.url : options.registry;
    },
    async startDemo() {
      demo ??= await startDemoSimulator();
      const entry = { name: 'demo', url: demo.url };
      if (!hosts.some((host) => host.url === entry.url)) hosts = [entry, ...hosts];
      active = entry;
      fleet = undefined;
      for (const listener of listeners) listener();
    },
    home: home.dataDir,
    profile: options.profile,
    store,
    storeProblem,
    fleet: fleetFor,
    monitor,
    hosts: () => hosts,
    activeHost: () => active,
    client: () => clientFor(active.url),
    switchHost(nameOrUrl) {
      const found =
        hosts.find((host) => host.name === nameOrUrl || host.url === nameOrUrl) ??
        ({ name: nameOrUrl, url: parseHost(nameOrUrl) } satisfies HostEntry);
      active = found;
      if (!hosts.some((host) => host.url === found.url)) {
        hosts = [...hosts, found];
        fleet = undefined;
      }
      for (const listener of listeners) listener();
    },
    reloadHosts() {
      try {
        store?.settings.reload();
      } catch (error) {
        log(`settings: ${error instanceof Error ? error.message : String(error)}`);
      }
      const fresh = settingsHosts(store, options.profile);
      hosts = [active, ...fresh.filter((host) => host.url !== active.url)];
      fleet = undefined;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    log,
    async close() {
      await monitor?.stop().catch(() => undefined);
      store?.close();
      await demo?.close();
    },
  };
}

/**
 * Test-only: real AppServices for the Chat, Monitor and Hosts screen tests, around a simulator started
 * in-process and a store in a temporary folder (no mocks: real HTTP, real SQLite).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, createFleet } from '@ollamamon/client';
import type { Monitor } from '@ollamamon/monitor';
import { type Simulator, type SimulatorOptions, startSimulator } from '@ollamamon/simulator';
import { openStore, type Store } from '@ollamamon/store';
import type { AppClient, AppServices, HostEntry } from '../services.js';

export type TestServices = AppServices & {
  simulator: Simulator;
  storeHandle: Store;
  dispose(): Promise<void>;
};

export const createTestServices = async (
  options: SimulatorOptions & { monitor?: Monitor; home?: string } = {},
): Promise<TestServices> => {
  const simulator = await startSimulator({ tokenDelayMs: 0, loadDelayMs: 0, ...options });
  const home = options.home ?? mkdtempSync(join(tmpdir(), 'ollamamon-tui-'));
  const store = openStore({ home });
  let active: HostEntry = { name: 'sim', url: simulator.url };
  let hosts: HostEntry[] = [active];
  const listeners = new Set<() => void>();
  const clients = new Map<string, AppClient>();
  const clientFor = (url: string) => {
    let client = clients.get(url);
    if (!client) {
      client = createClient({ host: url, retry: false });
      clients.set(url, client);
    }
    return client;
  };
  const services = {
    simulator,
    storeHandle: store,
    demo: false,
    home,
    profile: undefined,
    hosts: () => hosts,
    activeHost: () => active,
    client: () => clientFor(active.url),
    fleet: () => createFleet({ hosts: hosts.map((host) => ({ name: host.name, url: host.url })) }),
    store,
    storeProblem: undefined,
    monitor: options.monitor,
    reloadHosts() {
      for (const listener of listeners) listener();
    },
    switchHost(nameOrUrl: string) {
      const found = hosts.find((host) => host.name === nameOrUrl || host.url === nameOrUrl) ?? {
        name: nameOrUrl,
        url: nameOrUrl,
      };
      active = found;
      if (!hosts.includes(found)) hosts = [...hosts, found];
      for (const listener of listeners) listener();
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    log() {},
    async close() {},
    async dispose() {
      store.close();
      await simulator.close();
      if (!options.home) rmSync(home, { recursive: true, force: true });
    },
  };
  return services;
};

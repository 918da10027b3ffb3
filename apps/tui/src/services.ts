/**
 * What the screens talk to: the active host's client, the fleet of hosts, the store and the monitor,
 * built once from flags + settings by `createServices()` (src/create-services.ts) and passed to every
 * screen as `services`.
 *
 */
import type { Fleet, OllamaClient } from '@ollamamon/client';
import type { Monitor } from '@ollamamon/monitor';
import type { Store } from '@ollamamon/store';

/** A host the app knows about: from --host, OLLAMA_HOST, settings, or the in-process demo simulator. */
export interface HostEntry {
  readonly name: string;
  /** Base URL as parseHost() gives it, e.g. http://127.0.0.1:11434 */
  readonly url: string;
}

/** The active host's client: @ollamamon/client's OllamaClient. */
export type AppClient = OllamaClient;

/** The active host, its client, and a way to switch; `subscribe` lets React re-render on a switch. */
export interface AppServices {
  /** True when --demo started the simulator in-process. */
  readonly demo: boolean;
  /** OLLAMAMON_HOME (or the platform default) the store writes under. */
  readonly home: string;
  /** The settings profile in use (--profile), if any. */
  readonly profile: string | undefined;
  /** Registry the update check compares with (the demo simulator's); undefined = each model's own. */
  readonly registry?: string | undefined;
  /** Every known host, active one included. */
  hosts(): readonly HostEntry[];
  /** The host the screens act on now. */
  activeHost(): HostEntry;
  /** The client for the active host (a new one after switchHost). */
  client(): AppClient;
  /** The fleet of all hosts (@ollamamon/client createFleet), rebuilt when the hosts list changes. */
  fleet(): Fleet;
  /** The store (@ollamamon/store): settings, chats, notes, usage, pull queue; undefined if it cannot open. */
  readonly store: Store | undefined;
  /** Why the store could not open, shown once in the status bar. */
  readonly storeProblem: string | undefined;
  /** The monitor (@ollamamon/monitor) of this machine and the active host; started by whoever needs it. */
  readonly monitor: Monitor | undefined;
  /** Makes another host active (by url or name); subscribers are told. */
  switchHost(nameOrUrl: string): void;
  /** Starts the demo simulator in-process (if not yet) and makes it the active host. */
  startDemo?(): Promise<void>;
  /** Re-reads the hosts from settings (after the Hosts tab edited them), keeps the active host, notifies. */
  reloadHosts(): void;
  /** Called after switchHost or a change to the hosts list; returns an unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Appends a line to the debug log (never to the terminal Ink owns). */
  log(message: string): void;
  /** Closes everything opened (store, monitor, demo simulator). */
  close(): Promise<void>;
}

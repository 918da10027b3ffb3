/**
 * What the screens talk to: the active host's client, the fleet of hosts, the store and the monitor,
 * built once from flags + settings by `createServices()` (src/create-services.ts) and passed to every
 * screen as `services`.
 *
 * The client/fleet/store/monitor types are the packages' own once they land; until then they are the
 * shapes agreed in /work/notes/CONTRACTS.md, kept structural so screens compile against either.
 */

/** A host the app knows about: from --host, OLLAMA_HOST, settings, or the in-process demo simulator. */
export interface HostEntry {
  readonly name: string;
  /** Base URL as parseHost() gives it, e.g. http://127.0.0.1:11434 */
  readonly url: string;
}

/** Anything a call may take: the packages validate, the app passes through. */
type Options = Record<string, unknown>;

/** The @ollamamon/client Client as the app uses it (structural until the package's type replaces it). */
export interface AppClient {
  readonly host: string;
  version(): Promise<{ version: string }>;
  list(): Promise<{ models: ReadonlyArray<Record<string, unknown> & { name: string }> }>;
  ps(): Promise<{ models: ReadonlyArray<Record<string, unknown> & { name: string }> }>;
  show(request: { model: string } & Options): Promise<Record<string, unknown>>;
  chat(request: Options): Promise<unknown>;
  pull(model: string, options?: Options): Promise<unknown>;
  delete(request: { model: string }): Promise<unknown>;
  copy(request: { source: string; destination: string }): Promise<unknown>;
  load(model: string, options?: Options): Promise<unknown>;
  unload(model: string): Promise<unknown>;
}

/** The active host, its client, and a way to switch; `subscribe` lets React re-render on a switch. */
export interface AppServices {
  /** True when --demo started the simulator in-process. */
  readonly demo: boolean;
  /** OLLAMAMON_HOME (or the platform default) the store writes under. */
  readonly home: string;
  /** The settings profile in use (--profile), if any. */
  readonly profile: string | undefined;
  /** Every known host, active one included. */
  hosts(): readonly HostEntry[];
  /** The host the screens act on now. */
  activeHost(): HostEntry;
  /** The client for the active host (a new one after switchHost). */
  client(): AppClient;
  /** The fleet of all hosts (@ollamamon/client createFleet). */
  readonly fleet: unknown;
  /** The store (@ollamamon/store): settings, chats, notes, usage, pull queue. */
  readonly store: unknown;
  /** The monitor (@ollamamon/monitor). */
  readonly monitor: unknown;
  /** Makes another host active (by url or name); subscribers are told. */
  switchHost(nameOrUrl: string): void;
  /** Called after switchHost or a change to the hosts list; returns an unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Appends a line to the debug log (never to the terminal Ink owns). */
  log(message: string): void;
  /** Closes everything opened (store, monitor, demo simulator). */
  close(): Promise<void>;
}

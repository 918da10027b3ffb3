import type { ClientOptions } from '../client-types';
import type { ModelResponse, ProcessModel } from '../schemas/models';

/** One host of a fleet. */
export interface FleetHostConfig {
  /** A unique name (`gpu-box`). */
  name: string;
  /** Address in any `OLLAMA_HOST` form. */
  url: string;
  headers?: Record<string, string>;
  /** Higher is preferred when hosts are otherwise equal. @default 0 */
  priority?: number;
  /** Relative capacity: in-flight requests are divided by it when ranking. @default 1 */
  weight?: number;
  tags?: string[];
}

/** Health of one host. */
export interface HostStatus {
  name: string;
  url: string;
  up: boolean;
  latencyMs: number | undefined;
  version: string | undefined;
  error: Error | undefined;
}

/** What one host has. */
export interface HostInventory {
  name: string;
  url: string;
  up: boolean;
  error: Error | undefined;
  /** Installed models (GET /api/tags). */
  models: ModelResponse[];
  /** Loaded models (GET /api/ps). */
  loaded: ProcessModel[];
}

/** Where one model lives on one host. */
export interface ModelPlacement {
  host: string;
  digest: string;
  sizeBytes: number;
  loaded: boolean;
  /** Bytes in VRAM when loaded; less than `loadedSizeBytes` means spilling to CPU. */
  vramBytes: number | undefined;
  loadedSizeBytes: number | undefined;
  expiresAt: string | undefined;
}

/** One model across the fleet. */
export interface FleetModel {
  /** Ollama's short name (`llama3.2:1b`). */
  name: string;
  placements: ModelPlacement[];
  installedOn: string[];
  loadedOn: string[];
  /** Distinct digests; more than one means the same name is a different model somewhere. */
  digests: string[];
  conflict: boolean;
}

/** The merged inventory of a fleet. */
export interface FleetInventory {
  hosts: HostInventory[];
  models: FleetModel[];
  /** Models whose name has different digests on different hosts. */
  conflicts: FleetModel[];
  takenAt: Date;
}

/** Options of `createFleet`. */
export interface FleetOptions {
  hosts: FleetHostConfig[];
  /** Options for every host's client (host and headers come from each host). */
  client?: Omit<ClientOptions, 'host' | 'headers'>;
  /** Timeout of health and inventory calls per host, in ms. @default 2000 */
  probeTimeoutMs?: number;
  /** How long health/inventory data is trusted for routing, in ms. @default 5000 */
  stateTtlMs?: number;
}

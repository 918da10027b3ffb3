/**
 * The Hosts screen's view model: the hosts (from flags/env and settings) joined with the fleet's health,
 * the merged "which model lives where" table, and the host form's checks. Pure.
 */
import type { FleetInventory, HostStatus } from '@ollamamon/client';

export type KnownHost = {
  name: string;
  url: string;
  /** Kept in settings.toml (editable), or given by --host / OLLAMA_HOST / --demo for this run. */
  fromSettings: boolean;
};

export type HostRow = KnownHost & {
  active: boolean;
  state: 'up' | 'down' | 'checking';
  latency: string;
  version: string;
  error?: string;
};

export const hostRows = (
  hosts: readonly KnownHost[],
  health:
    | readonly Pick<HostStatus, 'name' | 'url' | 'up' | 'latencyMs' | 'version' | 'error'>[]
    | undefined,
  activeUrl: string,
): HostRow[] =>
  hosts.map((host) => {
    const status = health?.find((entry) => entry.name === host.name);
    return {
      ...host,
      active: host.url === activeUrl,
      state: status === undefined ? 'checking' : status.up ? 'up' : 'down',
      latency: status?.latencyMs === undefined ? '-' : `${Math.round(status.latencyMs)} ms`,
      version: status?.version ?? '-',
      ...(status?.error ? { error: status.error.message } : {}),
    };
  });

export type ModelLocationRow = {
  name: string;
  installedOn: string;
  loadedOn: string;
  conflict: boolean;
};

/** One row per model across the fleet: where it is installed, where loaded, and digest conflicts. */
export const modelLocations = (
  inventory: Pick<FleetInventory, 'models'> | undefined,
): ModelLocationRow[] =>
  [...(inventory?.models ?? [])]
    .sort((left, right) => left.name.localeCompare(right.name))
    .map((model) => ({
      name: model.name,
      installedOn: model.installedOn.join(', ') || '-',
      loadedOn: model.loadedOn.join(', ') || '-',
      conflict: model.conflict,
    }));

export type HostFormResult =
  | { ok: true; host: { name: string; url: string } }
  | { ok: false; field: 'name' | 'url'; message: string };

/** Checks the add/edit form: a unique name and an address (any OLLAMA_HOST form). */
export const checkHostForm = (
  fields: { name: string; url: string },
  existing: readonly { name: string }[],
  editing?: string,
): HostFormResult => {
  const name = fields.name.trim();
  const url = fields.url.trim();
  if (!name) return { ok: false, field: 'name', message: 'a host needs a name, e.g. gpu-box' };
  if (!/^[\w.@-]+$/.test(name))
    return {
      ok: false,
      field: 'name',
      message: `name "${name}" may hold letters, digits, . _ - @ only`,
    };
  if (name !== editing && existing.some((host) => host.name === name))
    return { ok: false, field: 'name', message: `there is already a host named "${name}"` };
  if (!url)
    return {
      ok: false,
      field: 'url',
      message: 'an address is needed, e.g. 10.0.0.5:11434 or https://host',
    };
  if (/\s/.test(url))
    return { ok: false, field: 'url', message: `address "${url}" contains spaces` };
  return { ok: true, host: { name, url } };
};

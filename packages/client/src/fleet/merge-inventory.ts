import { parseModelName } from '../parse-model-name';
import type { FleetInventory, FleetModel, HostInventory } from './types';

function key(name: string): string {
  return parseModelName(name).toString().toLowerCase();
}

/** Merge per-host lists into one view: where each model is installed and loaded, and conflicts. */
export function mergeInventory(hosts: HostInventory[]): FleetInventory {
  const models = new Map<string, FleetModel>();
  for (const host of hosts) {
    const loaded = new Map(host.loaded.map((model) => [key(model.name), model]));
    for (const model of host.models) {
      const id = key(model.name);
      let entry = models.get(id);
      if (!entry) {
        entry = {
          name: parseModelName(model.name).short,
          placements: [],
          installedOn: [],
          loadedOn: [],
          digests: [],
          conflict: false,
        };
        models.set(id, entry);
      }
      const running = loaded.get(id);
      entry.placements.push({
        host: host.name,
        digest: model.digest,
        sizeBytes: model.size,
        loaded: running !== undefined,
        vramBytes: running?.size_vram,
        loadedSizeBytes: running?.size,
        expiresAt: running?.expires_at,
      });
      entry.installedOn.push(host.name);
      if (running) entry.loadedOn.push(host.name);
      if (!entry.digests.includes(model.digest)) entry.digests.push(model.digest);
      entry.conflict = entry.digests.length > 1;
    }
  }
  const list = [...models.values()].sort((a, b) => a.name.localeCompare(b.name));
  return {
    hosts,
    models: list,
    conflicts: list.filter((model) => model.conflict),
    takenAt: new Date(),
  };
}

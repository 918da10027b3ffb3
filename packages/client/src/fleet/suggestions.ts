import type { FleetInventory } from './types';

/** One piece of advice from {@link suggest}. */
export interface Suggestion {
  kind: 'single-host' | 'unbalanced-load' | 'cpu-spill' | 'unused-everywhere' | 'digest-conflict';
  severity: 'info' | 'warning';
  model: string | undefined;
  hosts: string[];
  message: string;
}

function gib(bytes: number): string {
  return `${(bytes / 1024 ** 3).toFixed(1)} GiB`;
}

/**
 * Load-balancing and housekeeping advice from an inventory (tags + ps of every host):
 * a model on one host only, a host with everything loaded while another idles, a model
 * spilling to CPU on one host that fits on another, models installed everywhere but loaded
 * nowhere, and one name with different digests.
 */
export function suggest(inventory: FleetInventory): Suggestion[] {
  const up = inventory.hosts.filter((host) => host.up);
  const out: Suggestion[] = [];
  if (up.length < 2) return out;
  const upNames = new Set(up.map((host) => host.name));

  for (const model of inventory.models) {
    const installed = model.installedOn.filter((host) => upNames.has(host));
    if (installed.length === 1) {
      out.push({
        kind: 'single-host',
        severity: 'info',
        model: model.name,
        hosts: installed,
        message: `${model.name} is only on ${installed[0]}: if that host goes down nothing can serve it; sync it to another host.`,
      });
    }
    if (installed.length === up.length && model.loadedOn.length === 0) {
      out.push({
        kind: 'unused-everywhere',
        severity: 'info',
        model: model.name,
        hosts: installed,
        message: `${model.name} is installed on all ${installed.length} hosts but loaded on none: consider removing it from some to free disk.`,
      });
    }
    if (model.conflict) {
      out.push({
        kind: 'digest-conflict',
        severity: 'warning',
        model: model.name,
        hosts: model.installedOn,
        message: `${model.name} is a different model on ${model.placements.map((p) => `${p.host} (${p.digest.slice(0, 12)})`).join(', ')}: update or re-pull so the name means one thing.`,
      });
    }
    for (const placement of model.placements) {
      if (
        !placement.loaded ||
        placement.vramBytes === undefined ||
        placement.loadedSizeBytes === undefined ||
        placement.vramBytes >= placement.loadedSizeBytes
      )
        continue;
      const spilled = placement.loadedSizeBytes - placement.vramBytes;
      const better = model.placements.find(
        (other) =>
          other.host !== placement.host &&
          upNames.has(other.host) &&
          (!other.loaded ||
            (other.vramBytes !== undefined &&
              other.loadedSizeBytes !== undefined &&
              other.vramBytes >= other.loadedSizeBytes)),
      );
      out.push({
        kind: 'cpu-spill',
        severity: 'warning',
        model: model.name,
        hosts: better ? [placement.host, better.host] : [placement.host],
        message: better
          ? `${model.name} spills ${gib(spilled)} to CPU on ${placement.host}; ${better.host} has it ${better.loaded ? 'fully in GPU memory' : 'installed'}: route it there.`
          : `${model.name} spills ${gib(spilled)} to CPU on ${placement.host}: it runs slower than it could; a smaller quantisation or another host would help.`,
      });
    }
  }

  const busy = up.filter(
    (host) => host.models.length > 0 && host.loaded.length >= host.models.length,
  );
  const idle = up.filter((host) => host.loaded.length === 0 && host.models.length > 0);
  for (const host of busy) {
    if (idle.length === 0) break;
    out.push({
      kind: 'unbalanced-load',
      severity: 'info',
      model: undefined,
      hosts: [host.name, ...idle.map((other) => other.name)],
      message: `${host.name} has all ${host.models.length} of its models loaded while ${idle.map((other) => other.name).join(', ')} ${idle.length === 1 ? 'has' : 'have'} nothing loaded: spread the models across hosts.`,
    });
  }
  return out;
}

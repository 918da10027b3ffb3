import { parseModelName } from '../parse-model-name';
import type { FleetHostConfig, FleetInventory, HostStatus } from './types';

/** Why a host is (or is not) a candidate for a model. */
export interface RouteCandidate {
  host: string;
  /** `loaded` > `installed` > `unknown` (no inventory yet); `missing` and `down` are skipped. */
  state: 'loaded' | 'installed' | 'unknown' | 'missing' | 'down';
  inFlight: number;
  priority: number;
  weight: number;
  /** Human-readable reasons, in ranking order. */
  reasons: string[];
}

/** The routing decision for one model. */
export interface RouteDecision {
  model: string;
  /** The chosen host, or undefined when no host can serve the model. */
  host: string | undefined;
  /** Usable hosts, best first (the fleet fails over along this list). */
  candidates: RouteCandidate[];
  /** Hosts that were skipped (down or without the model). */
  skipped: RouteCandidate[];
  /** One sentence: which host and why. */
  explanation: string;
}

const stateRank = { loaded: 0, installed: 1, unknown: 2, missing: 3, down: 4 } as const;

/**
 * Rank hosts for a model: hosts that have it loaded first, then installed, then by fewest
 * requests in flight (divided by weight), then priority, then weight; down hosts and hosts
 * without the model are skipped.
 */
export function rankHosts(input: {
  model: string;
  hosts: FleetHostConfig[];
  health: Map<string, HostStatus>;
  inventory: FleetInventory | undefined;
  inFlight: Map<string, number>;
}): RouteDecision {
  const wanted = parseModelName(input.model).toString().toLowerCase();
  const all: RouteCandidate[] = input.hosts.map((host) => {
    const inFlight = input.inFlight.get(host.name) ?? 0;
    const priority = host.priority ?? 0;
    const weight = host.weight ?? 1;
    const health = input.health.get(host.name);
    const hostInventory = input.inventory?.hosts.find((entry) => entry.name === host.name);
    let state: RouteCandidate['state'];
    if (health && !health.up) state = 'down';
    else if (hostInventory && !hostInventory.up) state = 'down';
    else if (!hostInventory) state = 'unknown';
    else if (
      hostInventory.loaded.some((m) => parseModelName(m.name).toString().toLowerCase() === wanted)
    )
      state = 'loaded';
    else if (
      hostInventory.models.some((m) => parseModelName(m.name).toString().toLowerCase() === wanted)
    )
      state = 'installed';
    else state = 'missing';
    const reasons: string[] = [];
    if (state === 'down') reasons.push(`down${health?.error ? ` (${health.error.message})` : ''}`);
    else if (state === 'missing') reasons.push('does not have the model');
    else {
      reasons.push(
        state === 'loaded'
          ? 'has it loaded'
          : state === 'installed'
            ? 'has it installed (needs a load)'
            : 'inventory unknown',
      );
      reasons.push(`${inFlight} request${inFlight === 1 ? '' : 's'} in flight`);
      if (priority !== 0) reasons.push(`priority ${priority}`);
      if (weight !== 1) reasons.push(`weight ${weight}`);
    }
    return { host: host.name, state, inFlight, priority, weight, reasons };
  });
  const usable = all.filter((c) => c.state !== 'down' && c.state !== 'missing');
  usable.sort(
    (a, b) =>
      stateRank[a.state] - stateRank[b.state] ||
      a.inFlight / a.weight - b.inFlight / b.weight ||
      b.priority - a.priority ||
      b.weight - a.weight ||
      a.host.localeCompare(b.host),
  );
  const skipped = all.filter((c) => c.state === 'down' || c.state === 'missing');
  const best = usable[0];
  const explanation = best
    ? `${best.host}: ${best.reasons.join(', ')}${
        usable.length > 1
          ? `; then ${usable
              .slice(1)
              .map((c) => c.host)
              .join(', ')}`
          : ''
      }${skipped.length > 0 ? `; skipped ${skipped.map((c) => `${c.host} (${c.reasons[0]})`).join(', ')}` : ''}`
    : `no host can serve ${input.model}: ${skipped.map((c) => `${c.host} ${c.reasons[0]}`).join(', ') || 'the fleet is empty'}`;
  return { model: input.model, host: best?.host, candidates: usable, skipped, explanation };
}

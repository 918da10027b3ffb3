import { type CommandContext, printJson } from './command-context.js';
import { textTable } from './text-table.js';

/** `ollamamon hosts`: every known host with up/down, latency and version (the fleet's health). Exit 1 if none is up. */
export async function runHosts(context: CommandContext): Promise<number> {
  const active = context.services.activeHost().url;
  const statuses = await context.services.fleet().health();
  const health = statuses.map((status) => ({
    name: status.name,
    url: status.url,
    active: status.url === active,
    up: status.up,
    latencyMs: status.latencyMs === undefined ? null : Math.round(status.latencyMs),
    version: status.version ?? null,
    error: status.error?.message ?? null,
  }));
  if (context.options.json) printJson(context, health);
  else {
    context.stdout.write(
      textTable(
        ['NAME', 'URL', 'STATUS', 'LATENCY', 'VERSION'],
        health.map((host) => [
          `${host.active ? '* ' : '  '}${host.name}`,
          host.url,
          host.up ? 'up' : `down (${host.error ?? 'no answer'})`,
          host.latencyMs === null ? '-' : `${host.latencyMs} ms`,
          host.version ?? '-',
        ]),
      ),
    );
  }
  return health.some((host) => host.up) ? 0 : 1;
}

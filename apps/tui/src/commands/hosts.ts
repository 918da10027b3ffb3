import { type CommandContext, printJson } from './command-context.js';
import { textTable } from './text-table.js';

/** `ollamamon hosts`: every known host with up/down, latency and version. Exit 1 if none is up. */
export async function runHosts(context: CommandContext): Promise<number> {
  const { createClient } = await import('@ollamamon/client');
  const hosts = context.services.hosts();
  const active = context.services.activeHost().url;
  const health = await Promise.all(
    hosts.map(async (host) => {
      const result = await createClient({ host: host.url, retry: false }).health({
        timeoutMs: 3000,
      });
      return {
        name: host.name,
        url: host.url,
        active: host.url === active,
        up: result.up,
        latencyMs: result.latencyMs === undefined ? null : Math.round(result.latencyMs),
        version: result.version ?? null,
        error: result.error?.message ?? null,
      };
    }),
  );
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

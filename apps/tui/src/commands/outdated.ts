import { checkUpdates } from '@ollamamon/client';
import { type CommandContext, printJson } from './command-context.js';
import { textTable } from './text-table.js';

/**
 * `ollamamon outdated`: models whose registry manifest differs from the local one. `--registry`
 * (or OLLAMAMON_REGISTRY) points at another registry, e.g. the simulator's. Exit 0 either way.
 */
export async function runOutdated(context: CommandContext): Promise<number> {
  const { models } = await context.services.client().list();
  const registry = context.options.registry ?? context.services.registry;
  const checks = await checkUpdates(
    models.map((model) => ({ name: model.name, digest: model.digest })),
    registry ? { registry } : {},
  );
  const shown = context.options.all
    ? checks
    : checks.filter((check) => check.status !== 'up-to-date');
  if (context.options.json) {
    printJson(context, shown);
    return 0;
  }
  if (shown.length === 0) {
    context.stdout.write(`All ${checks.length} models are up to date.\n`);
    return 0;
  }
  context.stdout.write(
    textTable(
      ['NAME', 'STATUS', 'LOCAL', 'REMOTE', 'NOTE'],
      shown.map((check) => [
        check.name,
        check.status,
        check.localDigest.slice(0, 12),
        (check.remoteDigest ?? '-').slice(0, 12),
        check.reason ?? '',
      ]),
    ),
  );
  return 0;
}

import { formatBytes } from '../format/bytes.js';
import { formatProcessor } from '../format/processor.js';
import { formatRelativeTime } from '../format/relative-time.js';
import { filterRows, parseFilter } from '../models/filter-rows.js';
import { buildModelRows, type ModelAnnotation } from '../models/model-row.js';
import { defaultDirection, sortRows } from '../models/sort-rows.js';
import { type CommandContext, printJson } from './command-context.js';
import { textTable } from './text-table.js';

/** `ollamamon ls`: installed models, sorted and filtered as in the TUI. */
export async function runLs(context: CommandContext): Promise<number> {
  const { services, options } = context;
  const client = services.client();
  const host = services.activeHost().url;
  const [list, ps] = await Promise.all([client.list(), client.ps()]);
  const filter = parseFilter(options.filter ?? '');
  const capabilities = new Map<string, readonly string[]>();
  // show() per model only when the filter asks for capabilities (or JSON wants them).
  if (options.json || filter.some((term) => term.some((atom) => atom.kind === 'capability'))) {
    await Promise.all(
      list.models.map(async (model) => {
        const show = await client.show({ model: model.name });
        capabilities.set(model.name, (show.capabilities ?? []).map(String));
      }),
    );
  }
  const annotations = new Map<string, ModelAnnotation>();
  for (const note of services.store?.notes.list({ host }) ?? []) {
    annotations.set(note.model, { favourite: note.favourite, tags: note.tags, note: note.note });
  }
  for (const usage of services.store?.usage.list({ host }) ?? []) {
    annotations.set(usage.model, {
      ...annotations.get(usage.model),
      lastUsedAt: Date.parse(usage.lastUsedAt),
    });
  }
  const column = options.sort ?? 'name';
  let direction = defaultDirection(column);
  if (options.reverse) direction = direction === 'ascending' ? 'descending' : 'ascending';
  const rows = sortRows(
    filterRows(
      buildModelRows({ listed: list.models, running: ps.models, annotations, capabilities }),
      filter,
    ),
    column,
    direction,
  );
  if (options.json) {
    printJson(
      context,
      rows.map((row) => ({
        ...row,
        modifiedAt: new Date(row.modifiedAt).toISOString(),
        lastUsedAt: row.lastUsedAt === undefined ? null : new Date(row.lastUsedAt).toISOString(),
      })),
    );
    return 0;
  }
  context.stdout.write(
    textTable(
      ['NAME', 'ID', 'SIZE', 'PARAMS', 'QUANT', 'FAMILY', 'MODIFIED', 'LOADED', 'TAGS'],
      rows.map((row) => [
        `${row.favourite ? '★ ' : ''}${row.name}`,
        row.digest.slice(0, 12),
        formatBytes(row.sizeBytes),
        row.parameterSize,
        row.quantization,
        row.family,
        formatRelativeTime(row.modifiedAt),
        formatProcessor(row),
        row.tags.join(','),
      ]),
    ),
  );
  return 0;
}

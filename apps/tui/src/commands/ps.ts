import { formatBytes } from '../format/bytes.js';
import { formatRelativeTime } from '../format/relative-time.js';
import { type CommandContext, printJson } from './command-context.js';
import { textTable } from './text-table.js';

/** '100% GPU', '100% CPU' or '48%/52% CPU/GPU', as `ollama ps` prints it. */
export function processorText(size: number, sizeVram: number): string {
  if (size <= 0) return '-';
  const gpu = Math.round((Math.min(sizeVram, size) / size) * 100);
  if (gpu >= 100) return '100% GPU';
  if (gpu <= 0) return '100% CPU';
  return `${100 - gpu}%/${gpu}% CPU/GPU`;
}

/** `ollamamon ps`: loaded models with size, CPU/GPU split, context and when they unload. */
export async function runPs(context: CommandContext): Promise<number> {
  const ps = await context.services.client().ps();
  if (context.options.json) {
    printJson(context, ps.models);
    return 0;
  }
  context.stdout.write(
    textTable(
      ['NAME', 'ID', 'SIZE', 'PROCESSOR', 'CONTEXT', 'UNTIL'],
      ps.models.map((model) => [
        model.name,
        (model.digest ?? '').slice(0, 12),
        formatBytes(model.size ?? 0),
        processorText(model.size ?? 0, model.size_vram ?? 0),
        String(model.context_length ?? '-'),
        model.expires_at ? formatRelativeTime(model.expires_at) : '-',
      ]),
    ),
  );
  return 0;
}

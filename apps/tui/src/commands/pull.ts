import { formatBytes } from '../format/bytes.js';
import { formatDuration, formatRate } from '../format/duration.js';
import { progressBar } from '../format/progress-bar.js';
import { type CommandContext, errorText, printJson } from './command-context.js';

/** `ollamamon pull <model…>`: pulls one after another; progress on stderr; exit 1 if any failed. */
export async function runPull(context: CommandContext): Promise<number> {
  const models = context.operands;
  if (models.length === 0) {
    context.stderr.write(
      'ollamamon pull: name at least one model, e.g. ollamamon pull llama3.2:1b\n',
    );
    return 2;
  }
  const client = context.services.client();
  const interactive = context.stderr.isTTY === true && !context.options.json;
  const results: { model: string; status: 'success' | 'failed'; error?: string }[] = [];
  for (const model of models) {
    let lastStatus = '';
    let lastDraw = 0;
    try {
      await client.pull(model, {
        onProgress(progress) {
          if (interactive) {
            const now = Date.now();
            if (now - lastDraw < 100 && !progress.done) return;
            lastDraw = now;
            const bar = progressBar(progress.fraction, 24);
            context.stderr.write(
              `\r\u001B[2K${model} ${bar.done}${bar.remaining} ${Math.round(progress.fraction * 100)}% ` +
                `${formatBytes(progress.completedBytes)}/${formatBytes(progress.totalBytes)} ` +
                `${formatRate(progress.bytesPerSecond / 1e6, 'MB/s')} ETA ${formatDuration(
                  progress.etaSeconds === undefined ? undefined : progress.etaSeconds * 1000,
                )}`,
            );
          } else if (
            !context.options.json &&
            progress.status !== lastStatus &&
            !progress.status.startsWith('pulling ')
          ) {
            lastStatus = progress.status;
            context.stderr.write(`${model}: ${progress.status}\n`);
          }
        },
      });
      if (interactive) context.stderr.write('\n');
      results.push({ model, status: 'success' });
      if (!context.options.json) context.stdout.write(`pulled ${model}\n`);
    } catch (error) {
      if (interactive) context.stderr.write('\n');
      results.push({ model, status: 'failed', error: errorText(error) });
      if (!context.options.json)
        context.stderr.write(`ollamamon pull ${model}: ${errorText(error)}\n`);
    }
  }
  if (context.options.json) printJson(context, results);
  return results.every((result) => result.status === 'success') ? 0 : 1;
}

import { type CommandContext, errorText, printJson } from './command-context.js';

/** `ollamamon rm <model…>`: deletes each; exit 1 if any failed (e.g. not installed). */
export async function runRm(context: CommandContext): Promise<number> {
  const models = context.operands;
  if (models.length === 0) {
    context.stderr.write('ollamamon rm: name at least one model, e.g. ollamamon rm llama3.2:1b\n');
    return 2;
  }
  const client = context.services.client();
  const results: { model: string; status: 'deleted' | 'failed'; error?: string }[] = [];
  for (const model of models) {
    try {
      await client.delete({ model });
      results.push({ model, status: 'deleted' });
      if (!context.options.json) context.stdout.write(`deleted ${model}\n`);
    } catch (error) {
      results.push({ model, status: 'failed', error: errorText(error) });
      if (!context.options.json)
        context.stderr.write(`ollamamon rm ${model}: ${errorText(error)}\n`);
    }
  }
  if (context.options.json) printJson(context, results);
  return results.every((result) => result.status === 'deleted') ? 0 : 1;
}

import { quoteValue } from './quote-value';
import type { CommandLike } from './types';

const quotedInstructions = new Set([
  'license',
  'template',
  'system',
  'adapter',
  'renderer',
  'parser',
  'requires',
  'draft',
]);

/** Ollama's `Command.String()`: one line (or more, for a multi-line value), no line break at the end. */
export function formatCommand(command: CommandLike): string {
  const { name, args } = command;
  if (name === 'model') return `FROM ${args}`;
  if (quotedInstructions.has(name)) return `${name.toUpperCase()} ${quoteValue(args)}`;
  if (name === 'message') {
    const cut = args.indexOf(': ');
    const role = cut < 0 ? args : args.slice(0, cut);
    const content = cut < 0 ? '' : args.slice(cut + 2);
    return `MESSAGE ${role} ${quoteValue(content)}`;
  }
  return `PARAMETER ${name} ${quoteValue(args)}`;
}

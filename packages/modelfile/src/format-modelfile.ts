import { formatCommand } from './format-command';
import { scan } from './scan';
import type { CommandLike, ModelfileCommand, ModelfileLike } from './types';

export interface FormatModelfileOptions {
  /**
   * Keep the source: comments, blank lines, indentation, quoting and line endings of every
   * command that was parsed and not changed since. Changed and new commands are written in
   * Ollama's form. A parsed Modelfile that was not edited comes back byte for byte.
   * @default false
   */
  pretty?: boolean;
}

/**
 * Writes a Modelfile. By default exactly as Ollama's `Modelfile.String()` does: one command per
 * line in Ollama's form (`FROM` never quoted, values quoted only when they hold a line break or
 * start or end with a space), each followed by `\n`. With `pretty: true`, a lossless round trip.
 * @example
 * formatModelfile({ commands: [{ name: 'model', args: 'llama3.2' }, { name: 'system', args: ' hi' }] });
 * // 'FROM llama3.2\nSYSTEM " hi"\n'
 */
export function formatModelfile(
  modelfile: ModelfileLike,
  options: FormatModelfileOptions = {},
): string {
  if (!options.pretty) {
    let out = '';
    for (const command of modelfile.commands) out += `${formatCommand(command)}\n`;
    return out;
  }
  let out = modelfile.bom ? '\uFEFF' : '';
  for (const command of modelfile.commands) {
    if (isSourced(command)) {
      out += command.leading;
      if (isUnchanged(command)) {
        out += command.raw + command.terminator;
      } else {
        out += formatCommand(command) + lineBreakOf(command.terminator);
      }
      continue;
    }
    if (out.length > 0 && !/[\r\n]$/.test(out)) out += '\n';
    out += `${formatCommand(command)}\n`;
  }
  return out + (modelfile.trailing ?? '');
}

function isSourced(command: CommandLike | ModelfileCommand): command is ModelfileCommand {
  const candidate = command as Partial<ModelfileCommand>;
  return (
    typeof candidate.raw === 'string' &&
    typeof candidate.leading === 'string' &&
    typeof candidate.terminator === 'string'
  );
}

function isUnchanged(command: ModelfileCommand): boolean {
  const reparsed = scan(command.raw, false);
  const only = reparsed.commands[0];
  return (
    reparsed.failures.length === 0 &&
    reparsed.commands.length === 1 &&
    only !== undefined &&
    only.name === command.name &&
    only.args === command.args
  );
}

function lineBreakOf(terminator: string): string {
  if (terminator.endsWith('\r\n')) return '\r\n';
  if (terminator.endsWith('\n')) return '\n';
  if (terminator.endsWith('\r')) return '\r';
  return '';
}

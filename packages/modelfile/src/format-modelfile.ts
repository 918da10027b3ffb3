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
  const source = modelfile.source;
  let out = modelfile.bom ? '\uFEFF' : '';
  for (const command of modelfile.commands) {
    if (source !== undefined && isSourced(command, source)) {
      const { leadingStart, start, end, terminatorEnd } = command;
      out += source.slice(leadingStart, start.offset);
      const terminator = source.slice(end.offset, terminatorEnd);
      if (isUnchanged(command, source)) {
        out += source.slice(start.offset, terminatorEnd);
      } else {
        out += formatCommand(command) + lineBreakOf(terminator);
      }
      continue;
    }
    if (out.length > 0 && !/[\r\n]$/.test(out)) out += '\n';
    out += `${formatCommand(command)}\n`;
  }
  return out + (modelfile.trailing ?? '');
}

function isSourced(
  command: CommandLike | ModelfileCommand,
  source: string,
): command is ModelfileCommand {
  const candidate = command as Partial<ModelfileCommand>;
  const { leadingStart, start, end, terminatorEnd } = candidate;
  return (
    typeof leadingStart === 'number' &&
    typeof terminatorEnd === 'number' &&
    start !== undefined &&
    end !== undefined &&
    leadingStart <= start.offset &&
    start.offset <= end.offset &&
    end.offset <= terminatorEnd &&
    terminatorEnd <= source.length
  );
}

function isUnchanged(command: ModelfileCommand, source: string): boolean {
  const reparsed = scan(source.slice(command.start.offset, command.end.offset), false);
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

import { ModelfileError } from './errors/modelfile-error';
import { formatModelfile } from './format-modelfile';
import { unquoteGoString } from './go-unquote';
import { PARAMETERS } from './parameters';
import { parseModelfile } from './parse-modelfile';
import type { CommandLike, Modelfile } from './types';

/** The fields of an `/api/show` response this needs (any newer fields are ignored). */
export interface ShowResponseLike {
  modelfile?: string | null;
  parameters?: string | null;
  template?: string | null;
  system?: string | null;
  license?: string | null;
  renderer?: string | null;
  parser?: string | null;
  messages?: ReadonlyArray<{ role: string; content: string }> | null;
  details?: { parent_model?: string | null } | null;
}

export interface FromShowResponseOptions {
  /**
   * The model to build on. Replaces the first FROM of the shown Modelfile (a blob path that only
   * exists on the host that showed it); needed when the response has no `modelfile` text and no
   * `details.parent_model`.
   */
  from?: string;
}

/**
 * A Modelfile for a model `/api/show` described, so it can be edited and created again: its
 * `modelfile` text when present, otherwise rebuilt from `parameters`, `template`, `system`,
 * `license` and `messages`.
 * @throws {ModelfileError} when the response has no Modelfile and nothing names a base model.
 * @throws {ModelfileSyntaxError} when the shown Modelfile does not parse.
 * @example
 * const show = await fetch(`${host}/api/show`, { method: 'POST', body: JSON.stringify({ model: 'llama3.2' }) });
 * const modelfile = fromShowResponse(await show.json(), { from: 'llama3.2' });
 * // edit modelfile.commands, then formatModelfile(modelfile, { pretty: true }) or toCreateRequest(modelfile)
 */
export function fromShowResponse(
  show: ShowResponseLike,
  options: FromShowResponseOptions = {},
): Modelfile {
  if (show.modelfile) {
    const modelfile = parseModelfile(show.modelfile);
    if (options.from === undefined) return modelfile;
    const index = modelfile.commands.findIndex((command) => command.name === 'model');
    const commands: CommandLike[] = modelfile.commands.slice();
    // a copy that keeps the source text around it (the header comments), with the new name
    commands[index] = { ...modelfile.commands[index]!, args: options.from };
    return parseModelfile(formatModelfile({ ...modelfile, commands }, { pretty: true }));
  }
  const from = options.from ?? (show.details?.parent_model || undefined);
  if (from === undefined) {
    throw new ModelfileError(
      'fromShowResponse: the show response has no modelfile text and no details.parent_model; pass options.from with the model to build on.',
    );
  }
  const commands: CommandLike[] = [{ name: 'model', args: from }];
  if (show.template) commands.push({ name: 'template', args: show.template });
  if (show.system) commands.push({ name: 'system', args: show.system });
  if (show.renderer) commands.push({ name: 'renderer', args: show.renderer });
  if (show.parser) commands.push({ name: 'parser', args: show.parser });
  for (const line of (show.parameters ?? '').split('\n')) {
    const parameter = parseParameterLine(line);
    if (parameter) commands.push(parameter);
  }
  if (show.license) commands.push({ name: 'license', args: show.license });
  for (const message of show.messages ?? []) {
    commands.push({ name: 'message', args: `${message.role}: ${message.content}` });
  }
  return parseModelfile(formatModelfile({ commands }));
}

/** One line of show's `parameters` text: `%-30s %#v` (name, padding, Go-syntax value). */
function parseParameterLine(line: string): CommandLike | undefined {
  const match = /^(\S+)\s+(.*)$/.exec(line.trim());
  if (!match) return undefined;
  const name = match[1]!;
  let value = match[2]!;
  if (value.startsWith('"')) {
    value = unquoteGoString(value) ?? value.slice(1, -1);
  } else if (Object.hasOwn(PARAMETERS, name) && PARAMETERS[name]!.type === 'int') {
    // %#v prints a JSON number (float64) as 1e+06; ParseInt needs plain digits
    const number = Number(value);
    if (Number.isInteger(number)) value = BigInt(number).toString();
  }
  return { name, args: value };
}

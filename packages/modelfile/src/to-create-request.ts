import { describeCommand } from './describe-command';
import { CreateRequestError } from './errors/create-request-error';
import { normalizeRequires } from './is-valid-semver';
import { DEPRECATED_PARAMETERS } from './parameters';
import { parseModelfile } from './parse-modelfile';
import { type ParameterValue, typeParameter } from './type-parameter';
import type { CommandLike, ModelfileLike } from './types';

/** The JSON body of Ollama's `POST /api/create`, as `ollama create` builds it from a Modelfile. */
export interface CreateRequest {
  model?: string;
  from?: string;
  files?: Record<string, string>;
  adapters?: Record<string, string>;
  template?: string;
  license?: string[];
  system?: string;
  parameters?: Record<string, ParameterValue>;
  messages?: Array<{ role: string; content: string }>;
  renderer?: string;
  parser?: string;
  requires?: string;
  draft_files?: Record<string, string>;
}

/** A local file or directory a FROM, ADAPTER or DRAFT line names, as the caller resolved it. */
export interface ResolvedFile {
  /** The canonical path (used to tell a DRAFT that names the FROM path). */
  path: string;
  /** What goes into `files` / `adapters` / `draft_files`: name → `sha256:<hex>` digest. */
  files: Record<string, string>;
}

/**
 * Looks a path from the Modelfile up (relative to the Modelfile's directory, `~` expanded, a
 * directory searched for model files as Ollama does) and hashes it. Returns null or undefined
 * when nothing exists at that path (a FROM then names a model instead).
 */
export type ResolveFile = (
  path: string,
  context: { instruction: 'FROM' | 'ADAPTER' | 'DRAFT' },
) => ResolvedFile | null | undefined | Promise<ResolvedFile | null | undefined>;

export interface ToCreateRequestOptions {
  /** The name of the model to create (`model` in the body). Left out when not given. */
  model?: string;
  /** Resolves local paths; without it every FROM is a model name and ADAPTER/DRAFT fail. */
  resolveFile?: ResolveFile;
}

/** Something Ollama prints but does not stop for. */
export interface CreateRequestWarning {
  code: 'deprecated-parameter';
  /** Ollama's text, e.g. `warning: parameter mirostat is deprecated`. */
  ollamaMessage: string;
  message: string;
  command: CommandLike;
}

export interface ToCreateRequestResult {
  request: CreateRequest;
  warnings: CreateRequestWarning[];
}

/**
 * Builds the `/api/create` body from a Modelfile exactly as Ollama's `Modelfile.CreateRequest`
 * does: parameters typed (`stop` a list, repeated lines appended; for other names the last line
 * wins), deprecated parameters dropped with a warning, Ollama's errors for unknown parameters and
 * bad values. Hashing local files is the caller's, through `resolveFile`.
 *
 * @throws {CreateRequestError} where `ollama create` would fail (`ollamaMessage` holds its text).
 * @throws {ModelfileSyntaxError} when given text that does not parse.
 * @example
 * const { request } = await toCreateRequest('FROM llama3.2\nPARAMETER num_ctx 8192\n', { model: 'mine' });
 * // { model: 'mine', from: 'llama3.2', parameters: { num_ctx: 8192 } }
 */
export async function toCreateRequest(
  modelfile: ModelfileLike | string | Uint8Array,
  options: ToCreateRequestOptions = {},
): Promise<ToCreateRequestResult> {
  const parsed =
    typeof modelfile === 'string' || modelfile instanceof Uint8Array
      ? parseModelfile(modelfile)
      : modelfile;
  const request: CreateRequest = {};
  if (options.model !== undefined) request.model = options.model;
  const warnings: CreateRequestWarning[] = [];
  const parameters: Record<string, ParameterValue> = {};
  const messages: Array<{ role: string; content: string }> = [];
  const licenses: string[] = [];
  const modelPaths: string[] = [];
  const draftPaths: string[] = [];
  let from: string | undefined;
  let files: Record<string, string> | undefined;
  let adapters: Record<string, string> | undefined;
  let draftFiles: Record<string, string> | undefined;
  const strings: Partial<
    Record<'template' | 'system' | 'renderer' | 'parser' | 'requires', string>
  > = {};

  const resolve = async (command: CommandLike, instruction: 'FROM' | 'ADAPTER' | 'DRAFT') => {
    if (options.resolveFile === undefined) {
      if (instruction === 'FROM') return undefined;
      throw new CreateRequestError({
        code: 'no-file-resolver',
        command,
        ollamaMessage: `stat ${command.args}: no such file or directory`,
        message: `${describeCommand(command)} names a local path, and toCreateRequest was given no resolveFile option to read it.`,
      });
    }
    const resolved = await options.resolveFile(command.args, { instruction });
    if ((resolved === null || resolved === undefined) && instruction !== 'FROM') {
      throw new CreateRequestError({
        code: 'file-not-found',
        command,
        ollamaMessage: `stat ${command.args}: no such file or directory`,
        message: `${describeCommand(command)}: no file or directory "${command.args}".`,
      });
    }
    return resolved ?? undefined;
  };

  const rejectSamePath = (command: CommandLike, path: string, others: string[]) => {
    if (!others.includes(path)) return;
    const ollamaMessage = `DRAFT must not reference the same local path as FROM: ${path}`;
    throw new CreateRequestError({
      code: 'draft-same-as-from',
      command,
      ollamaMessage,
      message: `${describeCommand(command)}: ${ollamaMessage}.`,
    });
  };

  for (const command of parsed.commands) {
    const { name, args } = command;
    switch (name) {
      case 'model': {
        const resolved = await resolve(command, 'FROM');
        if (resolved === undefined) {
          from = args;
          break;
        }
        rejectSamePath(command, resolved.path, draftPaths);
        modelPaths.push(resolved.path);
        files = { ...files, ...resolved.files };
        break;
      }
      case 'draft': {
        const resolved = (await resolve(command, 'DRAFT'))!;
        rejectSamePath(command, resolved.path, modelPaths);
        draftPaths.push(resolved.path);
        draftFiles = { ...draftFiles, ...resolved.files };
        break;
      }
      case 'adapter': {
        const resolved = (await resolve(command, 'ADAPTER'))!;
        adapters = { ...resolved.files };
        break;
      }
      case 'template':
      case 'system':
      case 'renderer':
      case 'parser':
        strings[name] = args;
        break;
      case 'license':
        licenses.push(args);
        break;
      case 'requires': {
        const version = normalizeRequires(args);
        if (version === undefined) {
          const ollamaMessage = 'requires must be a valid semver (e.g. 0.14.0)';
          throw new CreateRequestError({
            code: 'invalid-requires',
            command,
            ollamaMessage,
            message: `${describeCommand(command)}: "${args}" is not a version; ${ollamaMessage}.`,
          });
        }
        strings.requires = version;
        break;
      }
      case 'message': {
        const cut = args.indexOf(': ');
        messages.push(
          cut < 0
            ? { role: args, content: '' }
            : { role: args.slice(0, cut), content: args.slice(cut + 2) },
        );
        break;
      }
      default: {
        if (DEPRECATED_PARAMETERS.includes(name)) {
          const ollamaMessage = `warning: parameter ${name} is deprecated`;
          warnings.push({
            code: 'deprecated-parameter',
            command,
            ollamaMessage,
            message: `${describeCommand(command)}: ${name} is deprecated; Ollama ignores it.`,
          });
          break;
        }
        const typed = typeParameter(name, args);
        if (!typed.ok) {
          throw new CreateRequestError({
            code: typed.code,
            command,
            ollamaMessage: typed.ollamaMessage,
            message: `${describeCommand(command)}: ${typed.ollamaMessage}.`,
          });
        }
        if (typeof typed.value === 'number' && !Number.isFinite(typed.value)) {
          // Go parses "nan" and "inf", then json.Marshal refuses them
          const shown = Number.isNaN(typed.value) ? 'NaN' : typed.value > 0 ? '+Inf' : '-Inf';
          const ollamaMessage = `json: unsupported value: ${shown}`;
          throw new CreateRequestError({
            code: 'unsupported-value',
            command,
            ollamaMessage,
            message: `${describeCommand(command)}: ${args} is not a number JSON can carry.`,
          });
        }
        const previous = parameters[name];
        parameters[name] =
          Array.isArray(previous) && Array.isArray(typed.value)
            ? [...previous, ...typed.value]
            : typed.value;
      }
    }
  }

  // Go's field order and omitempty: empty strings, maps and lists are left out
  if (from) request.from = from;
  if (files && Object.keys(files).length > 0) request.files = files;
  if (adapters && Object.keys(adapters).length > 0) request.adapters = adapters;
  if (strings.template) request.template = strings.template;
  if (licenses.length > 0) request.license = licenses;
  if (strings.system) request.system = strings.system;
  if (Object.keys(parameters).length > 0) request.parameters = parameters;
  if (messages.length > 0) request.messages = messages;
  if (strings.renderer) request.renderer = strings.renderer;
  if (strings.parser) request.parser = strings.parser;
  if (strings.requires) request.requires = strings.requires;
  if (draftFiles && Object.keys(draftFiles).length > 0) request.draft_files = draftFiles;
  return { request, warnings };
}

import { checkTemplate } from './check-template';
import { decodeSource } from './decode-source';
import { didYouMean } from './did-you-mean';
import { isParameterCommand, MESSAGE_ROLES } from './instructions';
import { normalizeRequires } from './is-valid-semver';
import { createLineIndex, type LineIndex } from './line-index';
import { MISSING_FROM } from './ollama-messages';
import {
  DEPRECATED_PARAMETERS,
  PARAMETER_NAMES,
  PARAMETERS,
  REMOVED_PARAMETERS,
} from './parameters';
import { type ScanFailure, type SyntaxErrorReason, scan } from './scan';
import { toSyntaxError } from './to-syntax-error';
import { typeParameter } from './type-parameter';
import type { ModelfileCommand, SourceRange } from './types';

/** What a diagnostic is about. The syntax codes are the `reason`s of `ModelfileSyntaxError`. */
export type DiagnosticCode =
  | SyntaxErrorReason
  | 'message-role-case'
  | 'unknown-parameter'
  | 'invalid-parameter-value'
  | 'value-out-of-range'
  | 'deprecated-parameter'
  | 'run-on-value'
  | 'duplicate-command'
  | 'placeholder-from'
  | 'template-syntax'
  | 'invalid-requires';

export type DiagnosticSeverity = 'error' | 'warning';

export interface Diagnostic {
  code: DiagnosticCode;
  /** `error`: Ollama rejects the file (`ollama create` fails). `warning`: it is accepted, probably not as meant. */
  severity: DiagnosticSeverity;
  message: string;
  range: SourceRange;
  /** What Ollama itself says about it, where it says something. */
  ollamaMessage?: string;
  /** A replacement for the offending word, when there is a likely one. */
  suggestion?: string;
}

export interface LintModelfileOptions {
  /** Change the severity of a code, or turn it off. */
  rules?: Partial<Record<DiagnosticCode, DiagnosticSeverity | 'off'>>;
}

const singleValued = new Set(['template', 'system', 'adapter', 'renderer', 'parser', 'requires']);

const placeholderPatterns = [
  /<[^<>]*>/,
  /\{\{[^}]*\}\}/,
  /\$\{[^}]*\}/,
  /^\$[A-Za-z_][A-Za-z0-9_]*$/,
  /path\/to\//i,
  /\byour[-_ ]/i,
  /^(?:model[-_]?name|model[-_]?path|placeholder|\.\.\.)$/i,
];

/**
 * Checks a Modelfile and lists what Ollama would reject (errors) and what it would accept but
 * probably not as meant (warnings), each with a code and a source range. Never throws for bad
 * input: syntax errors become diagnostics too (the first one is the one Ollama reports).
 * @example
 * lintModelfile('FROM llama3.2\nPARAMETER num_ctx 4k\n');
 * // [{ code: 'invalid-parameter-value', severity: 'error', message: '…', ollamaMessage: 'invalid int value [4k]', … }]
 */
export function lintModelfile(
  input: string | Uint8Array,
  options: LintModelfileOptions = {},
): Diagnostic[] {
  const { text } = decodeSource(input);
  const lines = createLineIndex(text);
  const { commands, failures } = scan(text, true);
  const diagnostics: Diagnostic[] = [];
  const range = (offset: number, endOffset: number): SourceRange => ({
    start: lines.positionAt(offset),
    end: lines.positionAt(Math.max(offset, endOffset)),
  });
  const add = (
    code: DiagnosticCode,
    severity: DiagnosticSeverity,
    message: string,
    where: SourceRange,
    extra: { ollamaMessage?: string; suggestion?: string | undefined } = {},
  ) => {
    const chosen = options.rules?.[code] ?? severity;
    if (chosen === 'off') return;
    const diagnostic: Diagnostic = { code, severity: chosen, message, range: where };
    if (extra.ollamaMessage !== undefined) diagnostic.ollamaMessage = extra.ollamaMessage;
    if (extra.suggestion !== undefined) diagnostic.suggestion = extra.suggestion;
    diagnostics.push(diagnostic);
  };

  for (const failure of failures) syntaxDiagnostic(failure, text, lines, add, range);

  const unterminated = failures.find((failure) => failure.reason === 'unterminated-value');
  const complete = commands.filter(
    (command) => unterminated === undefined || command.valueStart !== unterminated.offset,
  );

  if (failures.length === 0 && !complete.some((command) => command.name === 'model')) {
    add(
      'missing-from',
      'error',
      'No FROM line: a Modelfile must name its base model, for example "FROM llama3.2".',
      range(0, 0),
      { ollamaMessage: MISSING_FROM },
    );
  }

  const seen = new Map<string, ModelfileCommand>();
  for (const command of complete) {
    const valueRange = range(command.valueStart, command.valueEnd);
    const nameRange = range(command.nameStart, command.nameEnd);
    if (isParameterCommand(command.name)) {
      lintParameter(command, nameRange, valueRange, add);
    } else if (command.name === 'model') {
      if (
        command.args.trim() === '' ||
        placeholderPatterns.some((pattern) => pattern.test(command.args))
      ) {
        add(
          'placeholder-from',
          'warning',
          command.args.trim() === ''
            ? 'FROM has no value: Ollama accepts the line, then fails to create the model. Name a model (FROM llama3.2) or a GGUF file.'
            : `FROM "${command.args}" looks like a placeholder: replace it with a model name (FROM llama3.2) or the path of a GGUF file or model directory.`,
          command.args.trim() === '' ? range(command.start.offset, command.end.offset) : valueRange,
        );
      }
    } else if (command.name === 'template') {
      lintTemplate(command, text, range, add);
    } else if (command.name === 'requires' && normalizeRequires(command.args) === undefined) {
      add(
        'invalid-requires',
        'error',
        `REQUIRES "${command.args}" is not a version: write the lowest Ollama version this model needs, such as 0.14.0.`,
        valueRange,
        { ollamaMessage: 'requires must be a valid semver (e.g. 0.14.0)' },
      );
    }
    lintRunOn(command, text, range, add);

    const key = isParameterCommand(command.name)
      ? command.name === 'stop' || DEPRECATED_PARAMETERS.includes(command.name)
        ? undefined
        : `parameter ${command.name}`
      : singleValued.has(command.name)
        ? command.instruction
        : undefined;
    if (key !== undefined) {
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        add(
          'duplicate-command',
          'warning',
          `${key.startsWith('parameter') ? `PARAMETER ${command.name}` : key} is set again at line ${command.start.line}: the last one wins, so this one has no effect.`,
          range(earlier.start.offset, earlier.end.offset),
        );
      }
      seen.set(key, command);
    }
  }
  return diagnostics.sort((left, right) => left.range.start.offset - right.range.start.offset);
}

type Add = (
  code: DiagnosticCode,
  severity: DiagnosticSeverity,
  message: string,
  where: SourceRange,
  extra?: { ollamaMessage?: string; suggestion?: string | undefined },
) => void;

function syntaxDiagnostic(
  failure: ScanFailure,
  text: string,
  lines: LineIndex,
  add: Add,
  range: (offset: number, endOffset: number) => SourceRange,
) {
  const error = toSyntaxError(failure, text, lines);
  let code: DiagnosticCode = failure.reason;
  let message = error.message;
  const lower = failure.word.toLowerCase();
  if (
    failure.reason === 'invalid-message-role' &&
    failure.word !== lower &&
    (MESSAGE_ROLES as readonly string[]).includes(lower)
  ) {
    code = 'message-role-case';
    message = `MESSAGE role "${failure.word}" must be lower-case: write "${lower}" (Ollama's roles are case-sensitive).`;
  }
  add(code, 'error', message, range(failure.offset, failure.endOffset), {
    ollamaMessage: failure.ollamaMessage,
    suggestion: error.suggestion,
  });
}

function lintParameter(
  command: ModelfileCommand,
  nameRange: SourceRange,
  valueRange: SourceRange,
  add: Add,
) {
  const { name, args } = command;
  if (DEPRECATED_PARAMETERS.includes(name)) {
    add(
      'deprecated-parameter',
      'warning',
      `PARAMETER ${name} is deprecated: Ollama drops it (printing a warning), so it has no effect. Remove the line.`,
      nameRange,
      { ollamaMessage: `warning: parameter ${name} is deprecated` },
    );
    return;
  }
  const typed = typeParameter(name, args);
  if (!typed.ok && typed.code === 'unknown-parameter') {
    let message: string;
    let suggestion: string | undefined;
    if (name === '') {
      message = `PARAMETER is followed by two blanks, so the parameter name is empty and "${args}" became its value. Use a single space after PARAMETER.`;
      suggestion = args.split(/[ \t]/)[0];
    } else if (REMOVED_PARAMETERS.includes(name)) {
      message = `PARAMETER ${name} is no longer supported by Ollama: remove the line.`;
    } else {
      suggestion = didYouMean(name, PARAMETER_NAMES);
      const known = suggestion !== undefined ? ` Did you mean ${suggestion}?` : '';
      message = `Unknown parameter "${name}"${name !== name.toLowerCase() ? ' (parameter names are case-sensitive)' : ''}.${known}`;
    }
    add('unknown-parameter', 'error', message, nameRange, {
      ollamaMessage: typed.ollamaMessage,
      suggestion,
    });
    return;
  }
  const info = PARAMETERS[name]!;
  if (!typed.ok) {
    const kind =
      info.type === 'int' ? 'a whole number' : info.type === 'float' ? 'a number' : 'true or false';
    add(
      'invalid-parameter-value',
      'error',
      `PARAMETER ${name} must be ${kind}, not "${args}".`,
      valueRange,
      { ollamaMessage: typed.ollamaMessage },
    );
    return;
  }
  if (typeof typed.value === 'number') {
    if (!Number.isFinite(typed.value)) {
      // Go parses "nan" and "inf"; json.Marshal then refuses them
      const shown = Number.isNaN(typed.value) ? 'NaN' : typed.value > 0 ? '+Inf' : '-Inf';
      add(
        'invalid-parameter-value',
        'error',
        `PARAMETER ${name} must be a finite number, not "${args}".`,
        valueRange,
        { ollamaMessage: `json: unsupported value: ${shown}` },
      );
      return;
    }
    const { min, max } = info.range ?? {};
    if ((min !== undefined && typed.value < min) || (max !== undefined && typed.value > max)) {
      const bounds =
        min !== undefined && max !== undefined
          ? `between ${min} and ${max}`
          : min !== undefined
            ? `at least ${min}`
            : `at most ${max}`;
      add(
        'value-out-of-range',
        'warning',
        `PARAMETER ${name} ${args} is out of range: it should be ${bounds}.`,
        valueRange,
      );
    }
  }
}

function lintTemplate(
  command: ModelfileCommand,
  text: string,
  range: (offset: number, endOffset: number) => SourceRange,
  add: Add,
) {
  const quoteLength = command.quote.length;
  const contentStart = command.valueStart + quoteLength;
  const exact = text.slice(contentStart, command.valueEnd - quoteLength) === command.args;
  for (const problem of checkTemplate(command.args)) {
    const where = exact
      ? range(contentStart + problem.offset, contentStart + problem.endOffset)
      : range(command.valueStart, command.valueEnd);
    add(
      'template-syntax',
      'error',
      `TEMPLATE is not a valid Go template: ${problem.message}.`,
      where,
      {
        ollamaMessage: 'template error',
      },
    );
  }
}

/** A quoted value whose closing quote is followed by more text runs on over the next lines. */
function lintRunOn(
  command: ModelfileCommand,
  text: string,
  range: (offset: number, endOffset: number) => SourceRange,
  add: Add,
) {
  if (command.quote === '' || command.start.line === command.end.line) return;
  const opener = command.quote;
  const close = text.indexOf(opener, command.valueStart + opener.length);
  if (close < 0 || close + opener.length >= command.valueEnd) return;
  let lineEnd = close + opener.length;
  while (lineEnd < command.valueEnd && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
  if (lineEnd >= command.valueEnd) return;
  const rest = text.slice(close + opener.length, lineEnd);
  if (rest.trim() === '') return;
  if (opener === '"') {
    const firstBreak = text.slice(command.valueStart, close).search(/[\r\n]/);
    if (firstBreak >= 0) return; // an inner quote of a deliberate multi-line value
  }
  const endLine = command.end.line;
  add(
    'run-on-value',
    'warning',
    `The ${opener} at this point looks like the end of the ${command.instruction} value, but text follows it on the same line ("${rest.trim().slice(0, 30)}"), so Ollama keeps reading the next lines into the value, up to line ${endLine}. Remove the text after the quote or put it on its own line.`,
    range(close, command.valueEnd),
  );
}

import { type TokenKind, tokenizeModelfileLines } from '@ollamamon/modelfile';

/** A piece of a line with a semantic colour role. */
export interface Segment {
  readonly text: string;
  readonly role?:
    | 'heading'
    | 'keyword'
    | 'string'
    | 'number'
    | 'comment'
    | 'parameter'
    | 'muted'
    | 'error'
    | undefined;
}
export type Line = readonly Segment[];

const roles: Readonly<Record<TokenKind, Segment['role']>> = {
  keyword: 'keyword',
  'parameter-name': 'parameter',
  'message-role': 'parameter',
  value: 'string',
  number: 'number',
  boolean: 'number',
  string: 'string',
  quote: 'muted',
  'template-action': 'keyword',
  comment: 'comment',
  whitespace: undefined,
  newline: undefined,
  invalid: 'error',
};

/** A Modelfile as coloured lines, tokenized as Ollama reads it (@ollamamon/modelfile). */
export function highlightModelfile(text: string): Line[] {
  return tokenizeModelfileLines(text.replace(/\s+$/u, '')).map((tokens) =>
    tokens.map((token) => ({ text: token.text, role: roles[token.kind] })),
  );
}

function section(title: string, body: string | undefined, lines: Line[], maxLines = 40): void {
  if (!body) return;
  lines.push([{ text: '' }], [{ text: title, role: 'heading' }]);
  const bodyLines = body.replace(/\s+$/u, '').split('\n');
  for (const text of bodyLines.slice(0, maxLines)) lines.push([{ text: `  ${text}` }]);
  if (bodyLines.length > maxLines) {
    lines.push([{ text: `  … ${bodyLines.length - maxLines} more lines`, role: 'muted' }]);
  }
}

/** The details view's lines from a show response (fields as Ollama names them). */
export function detailsLines(model: string, show: Record<string, unknown>): Line[] {
  const lines: Line[] = [[{ text: model, role: 'heading' }]];
  const details = (show.details ?? {}) as Record<string, unknown>;
  const facts = [
    ['family', details.family],
    ['parameters', details.parameter_size],
    ['quantization', details.quantization_level],
    ['format', details.format],
    ['modified', show.modified_at],
  ].filter(([, value]) => value !== undefined && value !== null && value !== '');
  for (const [key, value] of facts) {
    lines.push([{ text: `  ${String(key).padEnd(14)}`, role: 'muted' }, { text: String(value) }]);
  }
  const capabilities = Array.isArray(show.capabilities) ? show.capabilities.map(String) : [];
  lines.push([
    { text: '  capabilities  ', role: 'muted' },
    { text: capabilities.join(', ') || '-' },
  ]);
  section('Parameters', typeof show.parameters === 'string' ? show.parameters : undefined, lines);
  section('System', typeof show.system === 'string' ? show.system : undefined, lines);
  section('Template', typeof show.template === 'string' ? show.template : undefined, lines);
  const info = (show.model_info ?? {}) as Record<string, unknown>;
  const infoKeys = Object.keys(info).sort();
  if (infoKeys.length > 0) {
    lines.push([{ text: '' }], [{ text: 'Model info', role: 'heading' }]);
    for (const key of infoKeys) {
      const value = info[key];
      const text = Array.isArray(value) ? `[${value.length} items]` : String(value);
      lines.push([
        { text: `  ${key}: `, role: 'muted' },
        { text, role: typeof value === 'number' ? 'number' : undefined },
      ]);
    }
  }
  section('License', typeof show.license === 'string' ? show.license : undefined, lines, 12);
  if (typeof show.modelfile === 'string' && show.modelfile !== '') {
    lines.push([{ text: '' }], [{ text: 'Modelfile', role: 'heading' }]);
    for (const line of highlightModelfile(show.modelfile)) lines.push([{ text: '  ' }, ...line]);
  }
  return lines;
}

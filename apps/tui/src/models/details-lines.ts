/** A piece of a line with a semantic colour role. */
export interface Segment {
  readonly text: string;
  readonly role?: 'heading' | 'keyword' | 'string' | 'number' | 'comment' | 'parameter' | 'muted';
}
export type Line = readonly Segment[];

const instructions = new Set([
  'FROM',
  'PARAMETER',
  'TEMPLATE',
  'SYSTEM',
  'ADAPTER',
  'LICENSE',
  'MESSAGE',
  'REQUIRES',
]);

/**
 * Colours one Modelfile line: instruction keyword, parameter name, values, comments.
 * (A fallback for when @ollamamon/modelfile's tokenizer is unavailable.)
 */
export function highlightModelfileLine(line: string): Line {
  if (line.trimStart().startsWith('#')) return [{ text: line, role: 'comment' }];
  const match = /^(\s*)(\S+)(\s*)(.*)$/u.exec(line);
  if (!match || !instructions.has((match[2] ?? '').toUpperCase()))
    return [{ text: line, role: 'string' }];
  const [, indent = '', keyword = '', space = '', rest = ''] = match;
  if (keyword.toUpperCase() === 'PARAMETER') {
    const parameter = /^(\S+)(\s+)(.*)$/u.exec(rest);
    if (parameter) {
      const value = parameter[3] ?? '';
      return [
        { text: indent },
        { text: keyword, role: 'keyword' },
        { text: space },
        { text: parameter[1] ?? '', role: 'parameter' },
        { text: parameter[2] ?? '' },
        { text: value, role: /^-?\d/u.test(value) ? 'number' : 'string' },
      ];
    }
  }
  return [
    { text: indent },
    { text: keyword, role: 'keyword' },
    { text: space },
    { text: rest, role: 'string' },
  ];
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
    for (const text of show.modelfile.replace(/\s+$/u, '').split('\n')) {
      lines.push([{ text: '  ' }, ...highlightModelfileLine(text)]);
    }
  }
  return lines;
}

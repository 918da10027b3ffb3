import { describe, expect, it } from 'vitest';
import { checkTemplate } from './check-template';

const messages = (template: string) => checkTemplate(template).map((problem) => problem.message);

describe('checkTemplate', () => {
  it('accepts balanced actions, comments, trim markers and strings with braces', () => {
    const template =
      '{{- if .System }}{{ .System }}{{ else }}none{{ end -}}{{/* a {{ comment */}}{{ "}}" }}{{ range $i, $m := .Messages }}{{ `{{` }}{{ end }}';
    expect(messages(template)).toEqual([]);
  });

  it('finds an unclosed action', () => {
    const problems = checkTemplate('Hello {{ .Prompt ');
    expect(problems).toEqual([
      { offset: 6, endOffset: 17, message: 'unclosed action: "{{" has no matching "}}"' },
    ]);
  });

  it('finds a {{ inside an action, an empty action, an unclosed comment or string', () => {
    expect(messages('{{ .A {{ .B }}')[0]).toContain('"{{" inside an action');
    expect(messages('{{}}')).toEqual(['missing value for command: empty action']);
    expect(messages('{{/* open')).toEqual(['unclosed comment']);
    expect(messages('{{ "open }}')).toEqual(['unterminated quoted string in action']);
  });

  it('balances if/range/with/define/block with end', () => {
    expect(messages('{{ if .A }}x')).toEqual(['unexpected EOF: {{if}} has no matching {{end}}']);
    expect(messages('x{{ end }}')).toEqual(['unexpected {{end}}: nothing to end']);
    expect(messages('{{ else }}')).toEqual([
      'unexpected {{else}} outside {{if}}, {{range}} or {{with}}',
    ]);
    expect(
      messages('{{ define "t" }}{{ if .X }}{{ end }}{{ end }}{{ block "b" . }}{{ end }}'),
    ).toEqual([]);
    expect(messages('{{ end_of_text }}{{ iffy }}')).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintModelfile } from './lint-modelfile';

const codes = (text: string) => lintModelfile(text).map((diagnostic) => diagnostic.code);
const only = (text: string) => {
  const diagnostics = lintModelfile(text);
  expect(diagnostics).toHaveLength(1);
  return diagnostics[0]!;
};

describe('lintModelfile', () => {
  it('finds nothing wrong in a clean Modelfile', () => {
    expect(
      lintModelfile(
        'FROM llama3.2\nPARAMETER temperature 0.7\nPARAMETER stop <|eot_id|>\nPARAMETER stop </s>\nTEMPLATE """{{ if .System }}{{ .System }}{{ end }}"""\nMESSAGE user Hi\n',
      ),
    ).toEqual([]);
  });

  it('reports a syntax error with its range and Ollama text, and goes on after it', () => {
    const diagnostics = lintModelfile('FROM x\nPARAMTER temperature 1\nPARAMETER num_ctx 4k\n');
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toEqual([
      'invalid-instruction',
      'invalid-parameter-value',
    ]);
    const [typo] = diagnostics;
    expect(typo).toMatchObject({
      severity: 'error',
      suggestion: 'PARAMETER',
      ollamaMessage:
        '(line 2): command must be one of "from", "license", "template", "system", "adapter", "draft", "renderer", "parser", "parameter", "message", or "requires"',
      range: { start: { line: 2, column: 1 }, end: { line: 2, column: 9 } },
    });
  });

  it('reports an unknown parameter with a did-you-mean, and names that differ in case', () => {
    const typo = only('FROM x\nPARAMETER temprature 0.5\n');
    expect(typo).toMatchObject({
      code: 'unknown-parameter',
      suggestion: 'temperature',
      ollamaMessage: "unknown parameter 'temprature'",
      range: { start: { line: 2, column: 11 }, end: { line: 2, column: 21 } },
    });
    expect(only('FROM x\nPARAMETER Temperature 0.5\n').message).toContain('case-sensitive');
    expect(only('FROM x\nPARAMETER tfs_z 1\n').message).toContain('no longer supported');
    expect(only('FROM x\nPARAMETER  temperature 0.5\n').message).toContain('two blanks');
  });

  it('reports a wrong value type with the value range', () => {
    const wrong = only('FROM x\nPARAMETER num_ctx 4k\n');
    expect(wrong).toMatchObject({
      code: 'invalid-parameter-value',
      ollamaMessage: 'invalid int value [4k]',
      range: { start: { line: 2, column: 19 }, end: { line: 2, column: 21 } },
    });
  });

  it('reports NaN and Inf, which Go parses but cannot send as JSON', () => {
    expect(only('FROM x\nPARAMETER temperature inf\n')).toMatchObject({
      code: 'invalid-parameter-value',
      ollamaMessage: 'json: unsupported value: +Inf',
    });
  });

  it('warns about deprecated parameters, out-of-range values and duplicates', () => {
    expect(only('FROM x\nPARAMETER mirostat 1\n')).toMatchObject({
      code: 'deprecated-parameter',
      severity: 'warning',
      ollamaMessage: 'warning: parameter mirostat is deprecated',
    });
    expect(only('FROM x\nPARAMETER top_p 1.5\n').code).toBe('value-out-of-range');
    const duplicate = only('FROM x\nSYSTEM a\nPARAMETER stop a\nPARAMETER stop b\nSYSTEM b\n');
    expect(duplicate).toMatchObject({
      code: 'duplicate-command',
      severity: 'warning',
      range: { start: { line: 2 } },
    });
    expect(duplicate.message).toContain('line 5');
    expect(codes('FROM x\nPARAMETER seed 1\nPARAMETER seed 2\nFROM y\n')).toEqual([
      'duplicate-command',
    ]);
  });

  it('reports a missing FROM', () => {
    expect(only('SYSTEM hi\n')).toMatchObject({
      code: 'missing-from',
      ollamaMessage: 'no FROM line',
    });
    expect(only('')).toMatchObject({ code: 'missing-from' });
  });

  it('warns about placeholder FROMs', () => {
    for (const from of [
      '<model>',
      '/path/to/model.gguf',
      'Your phi3-mini gguf location',
      '\u0024{MODEL}',
      '',
    ]) {
      expect(codes(`FROM ${from}\n`), from).toEqual(['placeholder-from']);
    }
    expect(codes('FROM ./models/llama.gguf\n')).toEqual([]);
  });

  it('reports a MESSAGE role case mistake as such', () => {
    const role = only('FROM x\nMESSAGE User hi\n');
    expect(role).toMatchObject({
      code: 'message-role-case',
      suggestion: 'user',
      ollamaMessage: '(line 2): message role must be one of "system", "user", or "assistant"',
    });
    expect(only('FROM x\nMESSAGE wizard hi\n').code).toBe('invalid-message-role');
  });

  it('warns when text after a closing quote makes a value run on', () => {
    const runOn = only('FROM x\nSYSTEM "Be brief." Always.\nPARAMETER seed "1"\n');
    expect(runOn).toMatchObject({
      code: 'run-on-value',
      severity: 'warning',
      range: { start: { line: 2, column: 18 }, end: { line: 3, column: 19 } },
    });
    expect(codes('FROM x\nSYSTEM """a""" b\nc"""\n')).toEqual(['run-on-value']);
    // a deliberate multi-line "…" value with inner quotes is not a run-on
    expect(codes('FROM x\nSYSTEM "You are a bot.\nSay "hi" to users.\n"\n')).toEqual([]);
  });

  it('checks that a TEMPLATE is a Go template at the level of {{ }} actions', () => {
    const template = only('FROM x\nTEMPLATE """{{ if .System }}{{ .System }}"""\n');
    expect(template).toMatchObject({
      code: 'template-syntax',
      range: { start: { line: 2, column: 13 }, end: { line: 2, column: 29 } },
    });
    expect(only('FROM x\nTEMPLATE {{ .Prompt\n').code).toBe('template-syntax');
  });

  it('checks REQUIRES', () => {
    expect(only('FROM x\nREQUIRES soon\n').code).toBe('invalid-requires');
  });

  it('lets options turn codes off or change their severity', () => {
    const text = 'FROM <model>\nPARAMETER mirostat 1\n';
    expect(
      lintModelfile(text, { rules: { 'placeholder-from': 'off' } }).map((d) => d.code),
    ).toEqual(['deprecated-parameter']);
    expect(lintModelfile(text, { rules: { 'deprecated-parameter': 'error' } })[1]?.severity).toBe(
      'error',
    );
  });

  it('lints the deliberately malformed corpus file 024 (a linter demo)', () => {
    const bytes = readFileSync(
      join(import.meta.dirname, '__fixtures__', 'corpus', '024.Modelfile'),
    );
    expect(
      lintModelfile(bytes).map((diagnostic) => [diagnostic.code, diagnostic.range.start.line]),
    ).toMatchInlineSnapshot(`
      [
        [
          "unknown-parameter",
          9,
        ],
        [
          "invalid-parameter-value",
          11,
        ],
        [
          "invalid-message-role",
          15,
        ],
      ]
    `);
  });
});

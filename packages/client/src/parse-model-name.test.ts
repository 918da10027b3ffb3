import { describe, expect, it } from 'vitest';
import {
  isValidModelNamePart,
  MISSING_PART,
  modelNamesEqual,
  parseModelName,
} from './parse-model-name';

interface Expected {
  host?: string;
  namespace?: string;
  model: string;
  tag?: string;
  scheme?: string;
  valid: boolean;
  short?: string;
}

function check(input: string, expected: Expected): void {
  const name = parseModelName(input);
  expect({
    host: name.host,
    namespace: name.namespace,
    model: name.model,
    tag: name.tag,
    scheme: name.scheme,
    valid: name.valid,
  }).toEqual({
    host: expected.host ?? 'registry.ollama.ai',
    namespace: expected.namespace ?? 'library',
    model: expected.model,
    tag: expected.tag ?? 'latest',
    scheme: expected.scheme ?? 'https',
    valid: expected.valid,
  });
  if (expected.short !== undefined) expect(name.short).toBe(expected.short);
}

describe('parseModelName', () => {
  it('fills in the defaults (ollama-api.md §2)', () => {
    const name = parseModelName('llama3');
    expect(name.toString()).toBe('registry.ollama.ai/library/llama3:latest');
    expect(name.short).toBe('llama3:latest');
    expect(String(name)).toBe('registry.ollama.ai/library/llama3:latest');
  });

  const cases: Array<[string, Expected]> = [
    ['llama3', { model: 'llama3', valid: true, short: 'llama3:latest' }],
    ['llama3:8b', { model: 'llama3', tag: '8b', valid: true, short: 'llama3:8b' }],
    ['user/m', { namespace: 'user', model: 'm', valid: true, short: 'user/m:latest' }],
    ['h/n/m:t', { host: 'h', namespace: 'n', model: 'm', tag: 't', valid: true, short: 'h/n/m:t' }],
    [
      'registry.ollama.ai/library/llama3:latest',
      { model: 'llama3', valid: true, short: 'llama3:latest' },
    ],
    [
      'REGISTRY.OLLAMA.AI/Library/Llama3',
      {
        host: 'REGISTRY.OLLAMA.AI',
        namespace: 'Library',
        model: 'Llama3',
        valid: true,
        short: 'Llama3:latest',
      },
    ],
    ['llama3.2:1b', { model: 'llama3.2', tag: '1b', valid: true }],
    [
      'qwen2.5-coder:7b-instruct-q4_K_M',
      { model: 'qwen2.5-coder', tag: '7b-instruct-q4_K_M', valid: true },
    ],
    [
      'hf.co/bartowski/Llama-3.2-1B-Instruct-GGUF:Q4_K_M',
      {
        host: 'hf.co',
        namespace: 'bartowski',
        model: 'Llama-3.2-1B-Instruct-GGUF',
        tag: 'Q4_K_M',
        valid: true,
        short: 'hf.co/bartowski/Llama-3.2-1B-Instruct-GGUF:Q4_K_M',
      },
    ],
    [
      'localhost:5000/ns/m:tag',
      { host: 'localhost:5000', namespace: 'ns', model: 'm', tag: 'tag', valid: true },
    ],
    [
      'http://localhost:5000/ns/m',
      { host: 'localhost:5000', namespace: 'ns', model: 'm', scheme: 'http', valid: true },
    ],
    ['https://h/n/m', { host: 'h', namespace: 'n', model: 'm', valid: true }],
    ['_m', { model: '_m', valid: true }],
    ['m_:t_', { model: 'm_', tag: 't_', valid: true }],
    // the @digest form is no longer parsed: the model becomes `m@sha256`, which is invalid
    ['m@sha256:abc', { model: 'm@sha256', tag: 'abc', valid: false }],
    // empty parts next to a separator become !MISSING!
    ['', { model: '', valid: false }],
    [':', { model: MISSING_PART, tag: MISSING_PART, valid: false }],
    [':tag', { model: MISSING_PART, tag: 'tag', valid: false }],
    ['m:', { model: 'm', tag: MISSING_PART, valid: false }],
    ['/m', { namespace: MISSING_PART, model: 'm', valid: false }],
    ['n/', { namespace: 'n', model: MISSING_PART, valid: false }],
    ['//m', { host: MISSING_PART, namespace: MISSING_PART, model: 'm', valid: false }],
    ['h//m', { host: 'h', namespace: MISSING_PART, model: 'm', valid: false }],
    // four parts: the rest goes to the host, which may not hold '/'
    ['a/b/c/d', { host: 'a/b', namespace: 'c', model: 'd', valid: false }],
    // character rules per part
    ['n.s/m', { namespace: 'n.s', model: 'm', valid: false }],
    ['ns:x/m', { namespace: 'ns:x', model: 'm', valid: false }],
    ['h:1/n/m', { host: 'h:1', namespace: 'n', model: 'm', valid: true }],
    ['-m', { model: '-m', valid: false }],
    ['.m', { model: '.m', valid: false }],
    ['m:-t', { model: 'm', tag: '-t', valid: false }],
    ['m:t.1', { model: 'm', tag: 't.1', valid: true }],
    ['m!', { model: 'm!', valid: false }],
    // what users type: spaces, quotes, non-ASCII
    [' llama3', { model: ' llama3', valid: false }],
    ['llama3 ', { model: 'llama3 ', valid: false }],
    ['"llama3"', { model: '"llama3"', valid: false }],
    ["'llama3'", { model: "'llama3'", valid: false }],
    ['llama 3', { model: 'llama 3', valid: false }],
    ['lláma', { model: 'lláma', valid: false }],
    ['m:ü', { model: 'm', tag: 'ü', valid: false }],
    // a ':' before the last '/' is not a tag separator
    ['h:8080/m', { namespace: 'h:8080', model: 'm', valid: false }],
    // cloud / local suffixes are plain tags for ParseName (the API strips them first)
    ['gpt-oss:20b-cloud', { model: 'gpt-oss', tag: '20b-cloud', valid: true }],
    ['m:cloud', { model: 'm', tag: 'cloud', valid: true }],
  ];

  it.each(cases)('parses %j', (input, expected) => check(input, expected));

  it('limits part lengths (model 80, namespace 80, tag 80, host 350)', () => {
    expect(parseModelName('m'.repeat(80)).valid).toBe(true);
    expect(parseModelName('m'.repeat(81)).valid).toBe(false);
    expect(parseModelName(`${'n'.repeat(80)}/m`).valid).toBe(true);
    expect(parseModelName(`${'n'.repeat(81)}/m`).valid).toBe(false);
    expect(parseModelName(`m:${'t'.repeat(80)}`).valid).toBe(true);
    expect(parseModelName(`m:${'t'.repeat(81)}`).invalidPart).toBe('tag');
    expect(parseModelName(`${'h'.repeat(350)}/n/m`).valid).toBe(true);
    expect(parseModelName(`${'h'.repeat(351)}/n/m`).invalidPart).toBe('host');
  });

  it('names the first invalid part', () => {
    expect(parseModelName('n.s/m').invalidPart).toBe('namespace');
    expect(parseModelName('m:').invalidPart).toBe('tag');
    expect(parseModelName('').invalidPart).toBe('model');
    expect(parseModelName('llama3').invalidPart).toBeUndefined();
  });

  it('compares names case-insensitively with the defaults filled in', () => {
    expect(modelNamesEqual('Llama3', 'registry.ollama.ai/library/llama3:latest')).toBe(true);
    expect(modelNamesEqual('llama3', 'llama3:8b')).toBe(false);
  });

  it('checks single parts', () => {
    expect(isValidModelNamePart('namespace', 'a-b_c')).toBe(true);
    expect(isValidModelNamePart('namespace', 'a.b')).toBe(false);
    expect(isValidModelNamePart('host', 'a.b:1')).toBe(true);
    expect(isValidModelNamePart('model', '')).toBe(false);
  });
});

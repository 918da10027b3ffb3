import { describe, expect, it } from 'vitest';
import {
  displayShortest,
  fullName,
  isValidName,
  parseModelReference,
  parseName,
} from './model-name.js';

describe('parseName', () => {
  it('fills in Ollama defaults', () => {
    expect(fullName(parseName('llama3'))).toBe('registry.ollama.ai/library/llama3:latest');
    expect(fullName(parseName('user/m:t'))).toBe('registry.ollama.ai/user/m:t');
    expect(fullName(parseName('h.example:5000/n/m:t'))).toBe('h.example:5000/n/m:t');
    expect(parseName('https://h/n/m').scheme).toBe('https');
    expect(parseName('http://h/n/m').scheme).toBe('http');
  });

  it('DisplayShortest drops the default host and namespace', () => {
    expect(displayShortest(parseName('llama3'))).toBe('llama3:latest');
    expect(displayShortest(parseName('user/m'))).toBe('user/m:latest');
    expect(displayShortest(parseName('h/n/m:t'))).toBe('h/n/m:t');
  });

  it('validates each part', () => {
    for (const name of ['llama3.2:1b', 'a_b-c.d:e_f', 'user/model', 'host:1234/ns/m:tag']) {
      expect(isValidName(parseName(name)), name).toBe(true);
    }
    for (const name of ['', 'a b', 'm@sha256:abc', '-x', 'x:', '/x', 'ns.dot/m', 'é']) {
      expect(isValidName(parseName(name)), name).toBe(false);
    }
  });
});

describe('parseModelReference', () => {
  it('strips :local and :cloud and -cloud', () => {
    expect(parseModelReference(' llama3:local ')).toMatchObject({
      source: 'local',
      name: { model: 'llama3', tag: 'latest' },
    });
    expect(parseModelReference('gpt-oss:20b-cloud')).toMatchObject({
      source: 'cloud',
      name: { model: 'gpt-oss', tag: '20b' },
    });
    expect(parseModelReference('m:cloud')).toMatchObject({ source: 'cloud' });
    expect(parseModelReference('   ')).toBeUndefined();
    expect(() => parseModelReference('x:cloud:local')).toThrow(
      'use either :local or :cloud, not both: "x:cloud:local"',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { pickDefaultModel } from './pick-model.js';

describe('pickDefaultModel', () => {
  const installed = [
    { name: 'nomic-embed-text:latest', details: { family: 'nomic-bert' } },
    { name: 'all-minilm:latest', details: { family: 'bert' } },
    { name: 'llama3.2:1b', details: { family: 'llama' } },
    { name: 'qwen3:0.6b', details: { family: 'qwen3' } },
  ];
  it('skips embedding models', () => {
    expect(pickDefaultModel(installed)).toBe('llama3.2:1b');
  });
  it('keeps the last used model while it is installed', () => {
    expect(pickDefaultModel(installed, 'qwen3:0.6b')).toBe('qwen3:0.6b');
    expect(pickDefaultModel(installed, 'gone:1b')).toBe('llama3.2:1b');
  });
  it('has nothing to pick from an empty host', () => {
    expect(pickDefaultModel([])).toBeUndefined();
  });
});

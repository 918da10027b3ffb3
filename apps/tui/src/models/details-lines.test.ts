import { describe, expect, it } from 'vitest';
import { detailsLines, highlightModelfile } from './details-lines.js';

describe('highlightModelfile', () => {
  it('colours a Modelfile with the modelfile package tokenizer, one line per source line', () => {
    const lines = highlightModelfile(
      '# base\nFROM llama3.2\nPARAMETER temperature 0.7\nSYSTEM """Be\nbrief"""\n',
    );
    expect(lines).toHaveLength(5);
    expect(lines[0]).toEqual([{ text: '# base', role: 'comment' }]);
    expect(lines[1]?.[0]).toEqual({ text: 'FROM', role: 'keyword' });
    expect(lines[2]?.find((segment) => segment.text === 'temperature')?.role).toBe('parameter');
    expect(lines[2]?.find((segment) => segment.text === '0.7')?.role).toBe('number');
    expect(lines[4]?.map((segment) => segment.text).join('')).toBe('brief"""');
  });
});

describe('detailsLines', () => {
  it('lists facts, capabilities, parameters, template, model info and the Modelfile', () => {
    const lines = detailsLines('qwen3:0.6b', {
      details: { family: 'qwen3', parameter_size: '751.63M', quantization_level: 'Q4_K_M' },
      capabilities: ['completion', 'tools', 'thinking'],
      parameters: 'temperature 0.6',
      template: '{{ .Prompt }}',
      model_info: { 'general.architecture': 'qwen3', 'qwen3.context_length': 40960 },
      license: 'Apache 2.0',
      modelfile: 'FROM qwen3:0.6b\n',
    });
    const text = lines.map((line) => line.map((segment) => segment.text).join('')).join('\n');
    expect(text).toContain('capabilities  completion, tools, thinking');
    expect(text).toContain('quantization  Q4_K_M');
    expect(text).toMatch(/Parameters\n {2}temperature 0\.6/u);
    expect(text).toContain('qwen3.context_length: 40960');
    expect(text).toMatch(/Modelfile\n {2}FROM qwen3:0\.6b/u);
  });
});

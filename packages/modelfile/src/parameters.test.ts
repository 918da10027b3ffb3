import { describe, expect, it } from 'vitest';
import { DEPRECATED_PARAMETERS, PARAMETERS } from './parameters';
import { toCreateRequest } from './to-create-request';

describe('PARAMETERS', () => {
  it('lists the 20 parameters Ollama types, by type (grammar §5)', () => {
    const byType = (type: string) =>
      Object.values(PARAMETERS)
        .filter((info) => info.type === type)
        .map((info) => info.name)
        .sort();
    expect(byType('int')).toEqual(
      [
        'num_ctx',
        'num_batch',
        'num_gpu',
        'main_gpu',
        'num_thread',
        'draft_num_predict',
        'num_keep',
        'seed',
        'num_predict',
        'top_k',
        'repeat_last_n',
      ].sort(),
    );
    expect(byType('float')).toEqual(
      [
        'top_p',
        'min_p',
        'typical_p',
        'temperature',
        'repeat_penalty',
        'presence_penalty',
        'frequency_penalty',
      ].sort(),
    );
    expect(byType('bool')).toEqual(['use_mmap']);
    expect(byType('string[]')).toEqual(['stop']);
    expect(DEPRECATED_PARAMETERS).toHaveLength(9);
  });

  it('types a value of every parameter as toCreateRequest sends it, and its default fits its range', async () => {
    for (const info of Object.values(PARAMETERS)) {
      const value = { int: '3', float: '0.5', bool: 'true', 'string[]': 'END' }[info.type];
      const { request } = await toCreateRequest(`FROM x\nPARAMETER ${info.name} ${value}\n`);
      const expected = { int: 3, float: 0.5, bool: true, 'string[]': ['END'] }[info.type];
      expect(request.parameters?.[info.name], info.name).toEqual(expected);
      expect(info.description.length, info.name).toBeGreaterThan(10);
      if (typeof info.default === 'number' && info.range) {
        expect(info.default >= (info.range.min ?? -Infinity), info.name).toBe(true);
        expect(info.default <= (info.range.max ?? Infinity), info.name).toBe(true);
      }
    }
  });
});

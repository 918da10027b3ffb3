import { describe, expect, it } from 'vitest';
import { decodeRequestBody, goSyntaxError } from './go-json.js';

describe('goSyntaxError', () => {
  it('reports what Go reports', () => {
    expect(goSyntaxError('{"a":1}')).toBeUndefined();
    expect(goSyntaxError('{"a":1} trailing')).toBeUndefined();
    expect(goSyntaxError('{"a":01}')).toBe("invalid character '1' after object key:value pair");
    expect(goSyntaxError('{"a":"\n"}')).toBe("invalid character '\\n' in string literal");
    expect(goSyntaxError('{"a":"\\x"}')).toBe("invalid character 'x' in string escape code");
    expect(goSyntaxError('{"a":-x}')).toBe("invalid character 'x' in numeric literal");
    expect(goSyntaxError('{"a":1.}')).toBe(
      "invalid character '}' after decimal point in numeric literal",
    );
    expect(goSyntaxError('[1 2]')).toBe("invalid character '2' after array element");
    expect(goSyntaxError("{'a':1}")).toBe(
      "invalid character '\\'' looking for beginning of object key string",
    );
    expect(goSyntaxError('{"a":nul')).toBe('unexpected EOF');
  });
});

describe('decodeRequestBody', () => {
  it('ignores unknown fields and accepts null', () => {
    expect(decodeRequestBody('{"model":"m","extra":1}', 'X', { model: 'string' })).toEqual({
      model: 'm',
      extra: 1,
    });
    expect(decodeRequestBody('null', 'X', {})).toEqual({});
    expect(decodeRequestBody('{"model":"m"} junk', 'X', { model: 'string' })).toEqual({
      model: 'm',
    });
  });

  it('names the struct field and Go type of a mismatch', () => {
    expect(() =>
      decodeRequestBody('{"top_logprobs":1.5}', 'ChatRequest', { top_logprobs: 'int' }),
    ).toThrow(
      'json: cannot unmarshal number 1.5 into Go struct field ChatRequest.top_logprobs of type int',
    );
    expect(() =>
      decodeRequestBody('{"options":[]}', 'ChatRequest', { options: 'map[string]interface {}' }),
    ).toThrow(
      'json: cannot unmarshal array into Go struct field ChatRequest.options of type map[string]interface {}',
    );
    expect(() => decodeRequestBody('   ', 'ChatRequest', {})).toThrow('missing request body');
  });
});

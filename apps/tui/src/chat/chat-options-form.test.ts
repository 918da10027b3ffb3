import { describe, expect, it } from 'vitest';
import { fieldsFrom, parseChatOptionsFields } from './chat-options-form.js';

describe('parseChatOptionsFields', () => {
  it('reads numbers and durations, empty meaning the default', () => {
    expect(
      parseChatOptionsFields({
        system: 'Be brief.',
        temperature: '0.3',
        num_ctx: '8192',
        keep_alive: '10m',
      }),
    ).toEqual({
      ok: true,
      system: 'Be brief.',
      options: { temperature: 0.3, num_ctx: 8192, keep_alive: '10m' },
    });
    expect(parseChatOptionsFields(fieldsFrom('', {}))).toEqual({
      ok: true,
      system: '',
      options: {},
    });
  });

  it('names the field that is wrong', () => {
    expect(parseChatOptionsFields({ ...fieldsFrom('', {}), temperature: 'hot' })).toMatchObject({
      ok: false,
      field: 'temperature',
    });
    expect(parseChatOptionsFields({ ...fieldsFrom('', {}), num_ctx: '2.5' })).toMatchObject({
      ok: false,
      field: 'num_ctx',
    });
    expect(parseChatOptionsFields({ ...fieldsFrom('', {}), keep_alive: 'soon' })).toMatchObject({
      ok: false,
      field: 'keep_alive',
      message: 'keep_alive must be a duration such as 5m, 1h or -1 (forever), not "soon"',
    });
  });

  it('round-trips the current settings into the form', () => {
    expect(fieldsFrom('s', { temperature: 1, num_ctx: 2048, keep_alive: '-1' })).toEqual({
      system: 's',
      temperature: '1',
      num_ctx: '2048',
      keep_alive: '-1',
    });
  });
});

import type { ChatOptions } from './chat-state.js';

/** The settings form's fields as text, the way the user edits them. */
export type ChatOptionsFields = {
  system: string;
  temperature: string;
  num_ctx: string;
  keep_alive: string;
};

export const fieldsFrom = (system: string, options: ChatOptions): ChatOptionsFields => ({
  system,
  temperature: options.temperature === undefined ? '' : String(options.temperature),
  num_ctx: options.num_ctx === undefined ? '' : String(options.num_ctx),
  keep_alive: options.keep_alive ?? '',
});

export type ParsedChatOptions =
  | { ok: true; system: string; options: ChatOptions }
  | { ok: false; field: keyof ChatOptionsFields; message: string };

/** Ollama's keep_alive: a Go duration ("5m", "1h30m", "0", "-1") or a number of seconds. */
const keepAlivePattern = /^(-1|0|\d+(\.\d+)?|(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+)$/;

/** Checks the form; an empty field means "the model's default". */
export const parseChatOptionsFields = (fields: ChatOptionsFields): ParsedChatOptions => {
  const options: ChatOptions = {};
  const temperature = fields.temperature.trim();
  if (temperature) {
    const value = Number(temperature);
    if (!Number.isFinite(value) || value < 0 || value > 2)
      return {
        ok: false,
        field: 'temperature',
        message: `temperature must be a number from 0 to 2, not "${temperature}"`,
      };
    options.temperature = value;
  }
  const numCtx = fields.num_ctx.trim();
  if (numCtx) {
    const value = Number(numCtx);
    if (!Number.isInteger(value) || value < 1)
      return {
        ok: false,
        field: 'num_ctx',
        message: `num_ctx must be a whole number of tokens, not "${numCtx}"`,
      };
    options.num_ctx = value;
  }
  const keepAlive = fields.keep_alive.trim();
  if (keepAlive) {
    if (!keepAlivePattern.test(keepAlive))
      return {
        ok: false,
        field: 'keep_alive',
        message: `keep_alive must be a duration such as 5m, 1h or -1 (forever), not "${keepAlive}"`,
      };
    options.keep_alive = keepAlive;
  }
  return { ok: true, system: fields.system, options };
};

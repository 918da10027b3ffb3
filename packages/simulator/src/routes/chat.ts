import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import { type AppContext, jsonResponse, readJson, wantsStream } from '../app-env.js';
import { parseKeepAlive } from '../duration.js';
import type { ToolCall, ToolDefinition } from '../generation.js';
import { createdAt } from '../go-time.js';
import { OllamaHttpError } from '../http-error.js';
import { gatherLogprobs, logprobsFor } from '../logprobs.js';
import { lookupModel } from '../lookup-model.js';
import { ratesFor } from '../rates.js';
import { checkImages, parseThink } from '../request-fields.js';
import { runGeneration } from '../run-generation.js';
import type { SimulatorState } from '../simulator-state.js';
import { countTokens } from '../tokenize.js';
import { checkTopLogprobs, parseGenerationFields, withRunner } from './generation-request.js';

const fields = {
  model: 'string',
  messages: '[]api.Message',
  tools: '[]api.Tool',
  stream: '*bool',
  format: 'json.RawMessage',
  options: 'map[string]interface {}',
  truncate: '*bool',
  shift: '*bool',
  logprobs: 'bool',
  top_logprobs: 'int',
} as const;

interface ChatMessage {
  role: string;
  content: string;
  images: number;
  toolName?: string;
}

function parseMessages(value: unknown): ChatMessage[] {
  if (value === undefined || value === null) return [];
  return (value as unknown[]).map((entry, index) => {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      throw new OllamaHttpError(
        400,
        `json: cannot unmarshal ${Array.isArray(entry) ? 'array' : typeof entry === 'string' ? 'string' : typeof entry} into Go struct field ChatRequest.messages of type api.Message`,
      );
    }
    const message = entry as Record<string, unknown>;
    for (const key of ['role', 'content', 'thinking', 'tool_name']) {
      const field = message[key];
      if (field !== undefined && field !== null && typeof field !== 'string') {
        throw new OllamaHttpError(
          400,
          `json: cannot unmarshal ${typeof field === 'number' ? 'number' : typeof field === 'boolean' ? 'bool' : Array.isArray(field) ? 'array' : 'object'} into Go struct field ChatRequest.messages.${key} of type string`,
        );
      }
    }
    return {
      role: typeof message.role === 'string' ? message.role.toLowerCase() : '',
      content: typeof message.content === 'string' ? message.content : '',
      images: checkImages(message.images, `ChatRequest.messages.images[${index}]`),
      toolName: typeof message.tool_name === 'string' ? message.tool_name : undefined,
    };
  });
}

/** POST /api/chat (ollama-api.md §5). */
export async function handleChat(state: SimulatorState, c: AppContext): Promise<Response> {
  const startedMs = performance.now();
  const body = await readJson(c, 'ChatRequest', fields);
  const keepAliveMs = parseKeepAlive(body.keep_alive);
  const think = parseThink(body.think);
  const messages = parseMessages(body.messages);
  checkTopLogprobs(body.top_logprobs);
  const given = typeof body.model === 'string' ? body.model : '';
  const model = lookupModel(state.store, body.model, {
    empty: [400, 'model is required'],
    notFound: (name) => `model '${name}' not found`,
  });
  const base = { model: given };
  const emptyMessage = { role: 'assistant', content: '' };
  if (messages.length === 0 && keepAliveMs === 0) {
    state.scheduler.unload(model);
    return jsonResponse(200, {
      ...base,
      created_at: createdAt(),
      message: emptyMessage,
      done_reason: 'unload',
      done: true,
    });
  }
  const tools = Array.isArray(body.tools) ? (body.tools as ToolDefinition[]) : [];
  const { options, format, thinking } = parseGenerationFields({
    model,
    given,
    think,
    route: 'chat',
    extra: { capability: 'tools', needed: tools.length > 0 },
    options: body.options,
    format: body.format,
  });

  return withRunner(
    state,
    c,
    { model, keepAliveMs, numCtx: options.numCtx },
    async ({ runner, loadMs, signal }) => {
      if (messages.length === 0) {
        return jsonResponse(200, {
          ...base,
          created_at: createdAt(),
          message: emptyMessage,
          done_reason: 'load',
          done: true,
        });
      }
      const history = [
        ...model.content.messages.map((message) => ({ ...message, images: 0 })),
        ...messages,
      ];
      const system = messages[0]?.role === 'system' ? '' : model.content.system;
      const images = history.reduce((total, message) => total + message.images, 0);
      const promptTokens =
        (system ? countTokens(system) + 4 : 0) +
        history.reduce((total, message) => total + countTokens(message.content) + 4, 0) +
        (tools.length > 0 ? countTokens(JSON.stringify(tools)) : 0) +
        images * 256;
      const last = messages[messages.length - 1] as ChatMessage;
      const lastUser = [...messages].reverse().find((message) => message.role === 'user');
      const modelJson = JSON.stringify(given);
      const logprobs = body.logprobs === true;
      const topLogprobs = typeof body.top_logprobs === 'number' ? body.top_logprobs : 0;
      const result = await runGeneration({
        settings: state.settings,
        rates: ratesFor(state.settings, runner),
        response: c.env.outgoing,
        fault: c.get('fault'),
        signal,
        stream: wantsStream(body),
        startedMs,
        loadMs,
        promptTokens,
        input: {
          prompt: lastUser?.content ?? last.content,
          seed: options.seed,
          temperature: options.temperature,
          numPredict: options.numPredict,
          stop: options.stop,
          think: thinking,
          tools: tools.length > 0 ? tools : undefined,
          toolResult:
            last.role === 'tool'
              ? { name: last.toolName ?? 'tool', content: last.content }
              : undefined,
          format,
          images: last.images,
          responseTokens: state.settings.responseTokens,
        },
        chunk: (token) => {
          if (logprobs && token.kind !== 'tool_calls') {
            const message: Record<string, unknown> = { role: 'assistant', content: '' };
            if (token.kind === 'content') message.content = token.text;
            else message.thinking = token.text;
            return JSON.stringify({
              model: given,
              created_at: createdAt(),
              message,
              done: false,
              logprobs: logprobsFor(token.text, topLogprobs),
            });
          }
          // Serialised by hand: this runs once per token and is the simulator's hot path.
          const head = `{"model":${modelJson},"created_at":"${createdAt()}","message":{"role":"assistant","content":`;
          if (token.kind === 'content')
            return `${head}${JSON.stringify(token.text)}},"done":false}`;
          if (token.kind === 'thinking')
            return `${head}"","thinking":${JSON.stringify(token.text)}},"done":false}`;
          return `${head}"","tool_calls":${JSON.stringify(token.kind === 'tool_calls' ? token.toolCalls : [])}},"done":false}`;
        },
        final: (plan, metrics) => ({
          model: given,
          created_at: createdAt(),
          message: { role: 'assistant', content: '' },
          done_reason: plan.doneReason,
          done: true,
          ...metrics,
        }),
        gather: (tokens, final) => {
          const message: Record<string, unknown> = {
            role: 'assistant',
            content: tokens.map((token) => (token.kind === 'content' ? token.text : '')).join(''),
          };
          const thinkingText = tokens
            .map((token) => (token.kind === 'thinking' ? token.text : ''))
            .join('');
          if (thinkingText) message.thinking = thinkingText;
          const toolCalls: ToolCall[] = tokens.flatMap((token) =>
            token.kind === 'tool_calls' ? token.toolCalls : [],
          );
          if (tools.length > 0 && toolCalls.length > 0) message.tool_calls = toolCalls;
          return {
            ...final,
            message,
            ...(logprobs ? { logprobs: gatherLogprobs(tokens, topLogprobs) } : {}),
          };
        },
      });
      return result ? jsonResponse(200, result) : RESPONSE_ALREADY_SENT;
    },
  );
}

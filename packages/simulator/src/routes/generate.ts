import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import { type AppContext, jsonResponse, readJson, wantsStream } from '../app-env.js';
import { parseKeepAlive } from '../duration.js';
import type { PlannedToken } from '../generation.js';
import { createdAt } from '../go-time.js';
import { OllamaHttpError } from '../http-error.js';
import { gatherLogprobs, logprobsFor } from '../logprobs.js';
import { lookupModel } from '../lookup-model.js';
import { hashString } from '../random.js';
import { ratesFor } from '../rates.js';
import { checkImages, parseThink } from '../request-fields.js';
import { runGeneration } from '../run-generation.js';
import type { SimulatorState } from '../simulator-state.js';
import { countTokens, tokenize } from '../tokenize.js';
import { checkTopLogprobs, parseGenerationFields, withRunner } from './generation-request.js';

const fields = {
  model: 'string',
  prompt: 'string',
  suffix: 'string',
  system: 'string',
  template: 'string',
  context: '[]int',
  stream: '*bool',
  raw: 'bool',
  format: 'json.RawMessage',
  images: '[]api.ImageData',
  options: 'map[string]interface {}',
  truncate: '*bool',
  shift: '*bool',
  logprobs: 'bool',
  top_logprobs: 'int',
} as const;

/** POST /api/generate (ollama-api.md §5, checks in Ollama's order). */
export async function handleGenerate(state: SimulatorState, c: AppContext): Promise<Response> {
  const startedMs = performance.now();
  const body = await readJson(c, 'GenerateRequest', fields);
  const keepAliveMs = parseKeepAlive(body.keep_alive);
  const think = parseThink(body.think);
  const images = checkImages(body.images, 'GenerateRequest.images');
  checkTopLogprobs(body.top_logprobs);
  const given = typeof body.model === 'string' ? body.model : '';
  const model = lookupModel(state.store, body.model, {
    empty: [404, "model '' not found"],
    notFound: (name) => `model '${name}' not found`,
  });
  const prompt = typeof body.prompt === 'string' ? body.prompt : '';
  const base = { model: given, created_at: '' };
  if (prompt === '' && keepAliveMs === 0) {
    state.scheduler.unload(model);
    return jsonResponse(200, {
      ...base,
      created_at: createdAt(),
      response: '',
      done: true,
      done_reason: 'unload',
    });
  }
  if (
    body.raw === true &&
    (body.template || body.system || (Array.isArray(body.context) && body.context.length > 0))
  ) {
    throw new OllamaHttpError(400, 'raw mode does not support template, system, or context');
  }
  const { options, format, thinking } = parseGenerationFields({
    model,
    given,
    think,
    route: 'generate',
    extra: {
      capability: 'insert',
      needed: typeof body.suffix === 'string' && body.suffix !== '',
    },
    options: body.options,
    format: body.format,
  });

  return withRunner(
    state,
    c,
    { model, keepAliveMs, numCtx: options.numCtx },
    async ({ runner, loadMs, signal }) => {
      if (prompt === '') {
        return jsonResponse(200, {
          ...base,
          created_at: createdAt(),
          response: '',
          done: true,
          done_reason: 'load',
        });
      }
      const system = typeof body.system === 'string' ? body.system : model.content.system;
      const raw = body.raw === true;
      const contextTokens = Array.isArray(body.context) ? body.context.length : 0;
      const promptTokens =
        countTokens(prompt) +
        (raw ? 0 : countTokens(system) + 6) +
        countTokens(typeof body.suffix === 'string' ? body.suffix : '') +
        contextTokens +
        images * 256;
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
          prompt,
          seed: options.seed,
          temperature: options.temperature,
          numPredict: options.numPredict,
          stop: options.stop,
          think: thinking,
          format,
          images,
          responseTokens: state.settings.responseTokens,
        },
        chunk: (token) => {
          if (logprobs && token.kind !== 'tool_calls') {
            const chunk: Record<string, unknown> = {
              model: given,
              created_at: createdAt(),
              response: '',
            };
            if (token.kind === 'content') chunk.response = token.text;
            else chunk.thinking = token.text;
            return JSON.stringify({
              ...chunk,
              done: false,
              logprobs: logprobsFor(token.text, topLogprobs),
            });
          }
          // Serialised by hand: this runs once per token and is the simulator's hot path.
          const piece = token.kind === 'tool_calls' ? '' : JSON.stringify(token.text);
          return token.kind === 'thinking'
            ? `{"model":${modelJson},"created_at":"${createdAt()}","response":"","thinking":${piece},"done":false}`
            : `{"model":${modelJson},"created_at":"${createdAt()}","response":${piece || '""'},"done":false}`;
        },
        final: (plan, metrics) => {
          const final: Record<string, unknown> = {
            model: given,
            created_at: createdAt(),
            response: '',
            done: true,
            done_reason: plan.doneReason,
          };
          if (!raw)
            final.context = contextIds(
              prompt,
              plan.tokens,
              contextTokens + (metrics.prompt_eval_count ?? 0),
            );
          return { ...final, ...metrics };
        },
        gather: (tokens, final) => {
          const response = tokens
            .map((token) => (token.kind === 'content' ? token.text : ''))
            .join('');
          const thinkingText = tokens
            .map((token) => (token.kind === 'thinking' ? token.text : ''))
            .join('');
          const { model: name, created_at, response: _empty, done, done_reason, ...rest } = final;
          return {
            model: name,
            created_at,
            response,
            ...(thinkingText ? { thinking: thinkingText } : {}),
            done,
            done_reason,
            ...rest,
            ...(logprobs ? { logprobs: gatherLogprobs(tokens, topLogprobs) } : {}),
          };
        },
      });
      return result ? jsonResponse(200, result) : RESPONSE_ALREADY_SENT;
    },
  );
}

/** Token ids for `context`: prompt tokens then the generated ones, stable per text. */
const tokenIds = new Map<string, number>();

function tokenId(text: string): number {
  let id = tokenIds.get(text);
  if (id === undefined) {
    id = hashString(text) % 128000;
    if (tokenIds.size < 50_000) tokenIds.set(text, id);
  }
  return id;
}

function contextIds(prompt: string, tokens: PlannedToken[], promptCount: number): number[] {
  const ids: number[] = [];
  const promptPieces = tokenize(prompt);
  for (let index = 0; index < promptCount; index++) {
    ids.push(tokenId(promptPieces[index] ?? `#${index}`));
  }
  for (const token of tokens) {
    if (token.kind !== 'tool_calls') ids.push(tokenId(token.text));
  }
  return ids;
}

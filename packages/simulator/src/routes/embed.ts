import { type AppContext, jsonResponse, readJson } from '../app-env.js';
import { parseKeepAlive } from '../duration.js';
import { embeddingVector } from '../embedding-vector.js';
import { OllamaHttpError } from '../http-error.js';
import { lookupModel } from '../lookup-model.js';
import { hashString } from '../random.js';
import { parseOptions } from '../request-fields.js';
import type { SimulatorState } from '../simulator-state.js';
import { sleep } from '../sleep.js';
import { countTokens } from '../tokenize.js';

const msToNs = (ms: number): number => Math.max(1, Math.round(ms * 1e6));

/** POST /api/embed (ollama-api.md §5): L2-normalised vectors, one per input. */
export async function handleEmbed(state: SimulatorState, c: AppContext): Promise<Response> {
  const startedMs = performance.now();
  const body = await readJson(c, 'EmbedRequest', {
    model: 'string',
    truncate: '*bool',
    dimensions: 'int',
    options: 'map[string]interface {}',
  });
  const keepAliveMs = parseKeepAlive(body.keep_alive);
  let inputs: string[];
  if (body.input === undefined || body.input === null) inputs = [];
  else if (typeof body.input === 'string') inputs = body.input === '' ? [] : [body.input];
  else if (Array.isArray(body.input) && body.input.every((item) => typeof item === 'string'))
    inputs = body.input;
  else throw new OllamaHttpError(400, 'invalid input type');
  const given = typeof body.model === 'string' ? body.model : '';
  const model = lookupModel(state.store, body.model, {
    empty: [404, "model '' not found"],
    notFound: (name) => `model "${name}" not found, try pulling it first`,
  });
  if (inputs.length === 0) return jsonResponse(200, { model: given, embeddings: [] });
  const options = parseOptions(
    body.options as Record<string, unknown> | undefined,
    model.content.parameters,
  );
  const { runner, loadMs } = await state.scheduler.acquire(model, {
    keepAliveMs,
    numCtx: options.numCtx,
    signal: c.get('signal'),
  });
  try {
    const counts = inputs.map((input) => countTokens(input));
    if (body.truncate === false && counts.some((count) => count > runner.contextLength)) {
      throw new OllamaHttpError(400, 'the input length exceeds the context length');
    }
    const promptTokens = counts.reduce(
      (total, count) => total + Math.min(count, runner.contextLength),
      0,
    );
    await sleep((promptTokens / state.settings.promptTokensPerSecond) * 1000, c.get('signal'));
    const dimensions = typeof body.dimensions === 'number' ? body.dimensions : undefined;
    const length = model.content.spec.embeddingLength;
    return jsonResponse(200, {
      model: given,
      embeddings: inputs.map((input) => embeddingVector(model.digest, input, length, dimensions)),
      total_duration: msToNs(performance.now() - startedMs),
      load_duration: msToNs(loadMs),
      prompt_eval_count: promptTokens,
    });
  } finally {
    state.scheduler.release(runner, keepAliveMs);
  }
}

/** POST /api/embeddings, the legacy form: one vector, not normalised. */
export async function handleEmbeddings(state: SimulatorState, c: AppContext): Promise<Response> {
  const body = await readJson(c, 'EmbeddingRequest', {
    model: 'string',
    prompt: 'string',
    options: 'map[string]interface {}',
  });
  const keepAliveMs = parseKeepAlive(body.keep_alive);
  const model = lookupModel(state.store, body.model, {
    empty: [400, 'model is required'],
    notFound: (name) => `model "${name}" not found, try pulling it first`,
  });
  const prompt = typeof body.prompt === 'string' ? body.prompt : '';
  const options = parseOptions(
    body.options as Record<string, unknown> | undefined,
    model.content.parameters,
  );
  const { runner } = await state.scheduler.acquire(model, {
    keepAliveMs,
    numCtx: options.numCtx,
    signal: c.get('signal'),
  });
  try {
    if (prompt === '') return jsonResponse(200, { embedding: [] });
    await sleep(
      (countTokens(prompt) / state.settings.promptTokensPerSecond) * 1000,
      c.get('signal'),
    );
    const scale = 1 + (hashString(prompt) % 1000) / 100;
    const vector = embeddingVector(model.digest, prompt, model.content.spec.embeddingLength).map(
      (value) => value * scale,
    );
    return jsonResponse(200, { embedding: vector });
  } finally {
    state.scheduler.release(runner, keepAliveMs);
  }
}

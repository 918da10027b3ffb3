import type { AppContext } from '../app-env.js';
import { goQuote, OllamaHttpError } from '../http-error.js';
import { capabilityName } from '../lookup-model.js';
import type { InstalledModel } from '../model-store.js';
import {
  type GenerationOptions,
  parseFormat,
  parseOptions,
  type ThinkValue,
} from '../request-fields.js';
import type { Runner } from '../scheduler.js';
import type { SimulatorState } from '../simulator-state.js';

/** `top_logprobs` must be 0..20 (generate and chat, ollama-api.md §5). */
export function checkTopLogprobs(value: unknown): void {
  if (typeof value === 'number' && (value < 0 || value > 20)) {
    throw new OllamaHttpError(400, 'top_logprobs must be between 0 and 20');
  }
}

export interface GenerationFieldsInput {
  model: InstalledModel;
  /** The model name as the request spelled it. */
  given: string;
  think: ThinkValue;
  /** The word in `"x" does not support <route>`. */
  route: 'chat' | 'generate';
  /** A capability this request needs beyond completion (chat with tools, generate with a suffix). */
  extra: { capability: 'tools' | 'insert'; needed: boolean };
  options: unknown;
  format: unknown;
}

export interface GenerationFields {
  options: GenerationOptions;
  format: ReturnType<typeof parseFormat>;
  /** Whether the model thinks: the request's `think`, else whether it can. */
  thinking: boolean;
}

/**
 * The checks chat and generate share, in Ollama's order: thinking, completion, the route's extra
 * capability; then `options` and `format`.
 */
export function parseGenerationFields(input: GenerationFieldsInput): GenerationFields {
  const { model, given, think, extra } = input;
  const capabilities = model.content.spec.capabilities;
  if (think !== undefined && think !== false && !capabilities.includes('thinking')) {
    throw new OllamaHttpError(400, `${goQuote(given)} does not support thinking`);
  }
  if (!capabilities.includes('completion')) {
    throw new OllamaHttpError(400, `${goQuote(given)} does not support ${input.route}`);
  }
  if (extra.needed && !capabilities.includes(extra.capability)) {
    throw new OllamaHttpError(400, `${capabilityName(model)} does not support ${extra.capability}`);
  }
  const options = parseOptions(
    input.options as Record<string, unknown> | undefined,
    model.content.parameters,
  );
  const format = parseFormat(input.format);
  const thinking = think === undefined ? capabilities.includes('thinking') : think !== false;
  return { options, format, thinking };
}

export interface Lease {
  runner: Runner;
  loadMs: number;
  /** Aborted when the client goes away; listed in `state.active` while the request runs. */
  signal: AbortSignal;
}

/**
 * Acquires a runner for `model`, runs `work` with an abort signal tied to the client's, and
 * always releases the runner (with the request's keep-alive) and the signal afterwards.
 */
export async function withRunner(
  state: SimulatorState,
  c: AppContext,
  request: { model: InstalledModel; keepAliveMs: number | undefined; numCtx: unknown },
  work: (lease: Lease) => Promise<Response>,
): Promise<Response> {
  const signal = c.get('signal');
  const { runner, loadMs } = await state.scheduler.acquire(request.model, {
    keepAliveMs: request.keepAliveMs,
    numCtx: request.numCtx,
    signal,
  });
  const controller = new AbortController();
  const onAbort = (): void => controller.abort(signal.reason);
  signal.addEventListener('abort', onAbort, { once: true });
  state.active.add(controller);
  try {
    return await work({ runner, loadMs, signal: controller.signal });
  } finally {
    signal.removeEventListener('abort', onAbort);
    state.active.delete(controller);
    state.scheduler.release(runner, request.keepAliveMs);
  }
}

import { Ollama } from 'ollama/browser';
import type { z } from 'zod';
import type {
  ChatResult,
  ChatStream,
  ClientOptions,
  GenerateResult,
  GenerateStream,
  HostHealth,
  LoadOptions,
  OllamaClient,
  ProgressOptions,
} from './client-types';
import { collectChat, collectGenerate } from './collect-response';
import { InvalidArgumentError } from './errors/invalid-argument-error';
import { ModelNotFoundError } from './errors/model-not-found-error';
import { OllamaResponseError } from './errors/ollama-response-error';
import { OllamaStream, type StreamKind } from './ndjson-stream';
import { connectableHost } from './parse-host';
import { createPullProgress } from './pull-progress';
import { type CallOptions, RequestContext } from './request-context';
import { type RetryOptions, withRetry } from './retry';
import {
  type ChatRequest,
  type EmbeddingsRequest,
  type EmbeddingsResponse,
  type EmbedRequest,
  type EmbedResponse,
  embeddingsResponseSchema,
  embedResponseSchema,
  type GenerateRequest,
  generateResponseSchema,
} from './schemas/generation';
import {
  type CopyRequest,
  type CreateRequest,
  type DeleteRequest,
  type ListResponse,
  listResponseSchema,
  type ProgressResponse,
  type PsResponse,
  psResponseSchema,
  type ShowRequest,
  type ShowResponse,
  showResponseSchema,
  type VersionResponse,
  versionResponseSchema,
} from './schemas/models';
import { chatStreamKind, generateStreamKind, progressStreamKind } from './stream-kinds';
import { responseError } from './translate-error';
import { validate } from './validate';
import { VERSION } from './version';

interface OllamaFactoryOptions {
  accept?: string;
  capture?: (response: Response) => void;
  /** For non-streamed calls: how long the body may take after the headers (the idle limit). */
  bodyTimeoutMs?: number;
}

const encoder = new TextEncoder();

function toHex(bytes: ArrayBuffer): string {
  let out = '';
  for (const byte of new Uint8Array(bytes)) out += byte.toString(16).padStart(2, '0');
  return out;
}

/**
 * Create a client for one Ollama host. It runs on the official `ollama` package (its browser
 * entry, so it runs wherever `fetch` does) and adds response validation, typed errors,
 * connect and idle timeouts, retries of idempotent calls and timings on every generation.
 *
 * @example
 * const client = createClient({ host: 'http://127.0.0.1:11434' });
 * const stream = await client.chat({ model: 'llama3.2', messages: [{ role: 'user', content: 'Hi' }], stream: true });
 * for await (const chunk of stream) process.stdout.write(chunk.message.content);
 * console.log(stream.timings.ttftMs, stream.timings.evalTokensPerSecond);
 */
export function createClient(options: ClientOptions = {}): OllamaClient {
  return new Client(options);
}

class Client implements OllamaClient {
  readonly host: string;
  private readonly baseUrl: string;
  private readonly headers: Record<string, string>;
  private readonly fetchImpl: typeof fetch;
  private readonly timeoutMs: number;
  private readonly idleTimeoutMs: number;
  private readonly retry: RetryOptions | false;
  private readonly validateResponses: boolean;
  private readonly userAgent = `ollamamon-client/${VERSION}`;

  constructor(options: ClientOptions) {
    this.host = connectableHost(options.host);
    this.baseUrl = this.host.replace(/\/+$/, '');
    this.headers = { ...options.headers };
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.timeoutMs = options.timeoutMs ?? 300_000;
    this.idleTimeoutMs = options.idleTimeoutMs ?? 60_000;
    this.retry = options.retry ?? {};
    this.validateResponses = options.validate ?? true;
  }

  // ---- plumbing -------------------------------------------------------------------------

  private context(path: string, options: CallOptions | undefined, model?: string): RequestContext {
    return new RequestContext({
      host: this.host,
      path,
      model,
      timeoutMs: options?.timeoutMs ?? this.timeoutMs,
      signal: options?.signal,
    });
  }

  /** An official client bound to one request: its fetch carries our signal and error handling. */
  private ollama(context: RequestContext, factory: OllamaFactoryOptions = {}): Ollama {
    return new Ollama({
      host: this.baseUrl,
      headers: this.headers,
      fetch: async (input, init) => {
        const headers = (init?.headers ?? {}) as Record<string, string>;
        headers['User-Agent'] = `${this.userAgent} ${headers['User-Agent'] ?? ''}`.trim();
        if (factory.accept) headers.Accept = factory.accept;
        const response = await this.fetchImpl(input, { ...init, headers, signal: context.signal });
        context.headersReceived();
        if (!response.ok) throw await responseError(response, context);
        // ollama-js reads a non-streamed body itself, so the watchdog sees no progress: it
        // simply bounds the whole body by the idle limit.
        if (factory.bodyTimeoutMs !== undefined) context.watchIdle(factory.bodyTimeoutMs);
        factory.capture?.(response);
        return response;
      },
    });
  }

  /** A non-streamed call through the official client, validated, retried when idempotent. */
  private call<T>(
    path: string,
    options: CallOptions | undefined,
    idempotent: boolean,
    run: (ollama: Ollama) => Promise<unknown>,
    schema?: z.ZodType<T>,
    model?: string,
  ): Promise<T> {
    const attempt = async (): Promise<T> => {
      const context = this.context(path, options, model);
      try {
        const raw = await run(
          this.ollama(context, { bodyTimeoutMs: options?.idleTimeoutMs ?? this.idleTimeoutMs }),
        );
        return (schema && this.validateResponses ? validate(schema, raw, context) : raw) as T;
      } catch (error) {
        throw context.error(error);
      } finally {
        context.dispose();
      }
    };
    return idempotent
      ? withRetry(attempt, options?.retry ?? this.retry, options?.signal)
      : attempt();
  }

  /**
   * Open a stream through the official client, then read its body with our own NDJSON reader
   * (the hot path, see ndjson-stream.ts). ollama-js builds and sends the request and checks
   * the status; its lazy async generator has not touched the body yet, so we take the body
   * over. Should a future ollama-js read eagerly, we fall back to its iterator.
   */
  private async stream<TChunk>(
    path: string,
    kind: StreamKind<TChunk>,
    options: CallOptions | undefined,
    model: string | undefined,
    start: (ollama: Ollama) => Promise<AsyncIterable<unknown>>,
  ): Promise<OllamaStream<TChunk>> {
    const context = this.context(path, options, model);
    let response: Response | undefined;
    try {
      const iterator = await start(
        this.ollama(context, {
          accept: 'application/x-ndjson',
          capture: (captured) => {
            response = captured;
          },
        }),
      );
      const captured = response?.body as ReadableStream<Uint8Array> | null | undefined;
      const body = captured && !captured.locked ? captured : iterableToNdjson(iterator);
      context.watchIdle(options?.idleTimeoutMs ?? this.idleTimeoutMs);
      return new OllamaStream(body, context, kind, this.validateResponses);
    } catch (error) {
      context.dispose();
      throw context.error(error);
    }
  }

  /** A request the official browser client has no method for (blobs). */
  private async raw(
    method: string,
    path: string,
    options: CallOptions | undefined,
    body?: BodyInit,
    okStatuses: number[] = [],
  ): Promise<Response> {
    const context = this.context(path, options);
    try {
      const response = await this.fetchImpl(`${this.baseUrl}${path}`, {
        method,
        body,
        headers: { 'User-Agent': this.userAgent, ...this.headers },
        signal: context.signal,
      });
      context.headersReceived();
      if (!response.ok && !okStatuses.includes(response.status)) {
        throw await responseError(response, context);
      }
      await response.arrayBuffer();
      return response;
    } catch (error) {
      throw context.error(error);
    } finally {
      context.dispose();
    }
  }

  // ---- models ---------------------------------------------------------------------------

  version(options?: CallOptions): Promise<VersionResponse> {
    return this.call('/api/version', options, true, (o) => o.version(), versionResponseSchema);
  }

  list(options?: CallOptions): Promise<ListResponse> {
    return this.call('/api/tags', options, true, (o) => o.list(), listResponseSchema);
  }

  ps(options?: CallOptions): Promise<PsResponse> {
    return this.call('/api/ps', options, true, (o) => o.ps(), psResponseSchema);
  }

  show(request: ShowRequest, options?: CallOptions): Promise<ShowResponse> {
    return this.call(
      '/api/show',
      options,
      true,
      (o) => o.show(request as Parameters<Ollama['show']>[0]),
      showResponseSchema,
      request.model,
    );
  }

  async copy(request: CopyRequest, options?: CallOptions): Promise<void> {
    await this.call('/api/copy', options, false, (o) => o.copy(request), undefined, request.source);
  }

  async delete(request: DeleteRequest, options?: CallOptions): Promise<void> {
    await this.call(
      '/api/delete',
      options,
      false,
      (o) => o.delete(request),
      undefined,
      request.model,
    );
  }

  embed(request: EmbedRequest, options?: CallOptions): Promise<EmbedResponse> {
    return this.call(
      '/api/embed',
      options,
      true,
      (o) => o.embed(request as Parameters<Ollama['embed']>[0]),
      embedResponseSchema,
      request.model,
    );
  }

  embeddings(request: EmbeddingsRequest, options?: CallOptions): Promise<EmbeddingsResponse> {
    return this.call(
      '/api/embeddings',
      options,
      true,
      (o) => o.embeddings(request as Parameters<Ollama['embeddings']>[0]),
      embeddingsResponseSchema,
      request.model,
    );
  }

  // ---- generation -----------------------------------------------------------------------

  chat(request: ChatRequest & { stream: true }, options?: CallOptions): Promise<ChatStream>;
  chat(request: ChatRequest & { stream?: false }, options?: CallOptions): Promise<ChatResult>;
  chat(request: ChatRequest, options?: CallOptions): Promise<ChatStream | ChatResult>;
  async chat(request: ChatRequest, options?: CallOptions): Promise<ChatStream | ChatResult> {
    requireModel(request.model);
    // ollama-js encodes images in place: copy the messages that carry any.
    const messages = request.messages?.map((message) =>
      message.images ? { ...message, images: [...message.images] } : message,
    );
    const stream = await this.stream('/api/chat', chatStreamKind, options, request.model, (o) =>
      o.chat({ ...request, messages, stream: true } as Parameters<Ollama['chat']>[0] & {
        stream: true;
      }),
    );
    if (request.stream === true) return stream;
    return collectChat(stream);
  }

  generate(
    request: GenerateRequest & { stream: true },
    options?: CallOptions,
  ): Promise<GenerateStream>;
  generate(
    request: GenerateRequest & { stream?: false },
    options?: CallOptions,
  ): Promise<GenerateResult>;
  generate(
    request: GenerateRequest,
    options?: CallOptions,
  ): Promise<GenerateStream | GenerateResult>;
  async generate(
    request: GenerateRequest,
    options?: CallOptions,
  ): Promise<GenerateStream | GenerateResult> {
    requireModel(request.model);
    const images = request.images ? [...request.images] : undefined;
    const stream = await this.stream(
      '/api/generate',
      generateStreamKind,
      options,
      request.model,
      (o) =>
        o.generate({ ...request, prompt: request.prompt ?? '', images, stream: true } as Parameters<
          Ollama['generate']
        >[0] & { stream: true }),
    );
    if (request.stream === true) return stream;
    return collectGenerate(stream);
  }

  // ---- pull / push / create -------------------------------------------------------------

  private async progress(
    path: string,
    model: string,
    options: ProgressOptions | undefined,
    start: (ollama: Ollama) => Promise<AsyncIterable<unknown>>,
  ): Promise<ProgressResponse> {
    // Ollama can be silent for minutes while it verifies a large blob, so progress streams get a
    // generous idle limit unless the caller sets one.
    const stream = await this.stream(
      path,
      progressStreamKind,
      {
        ...options,
        idleTimeoutMs: options?.idleTimeoutMs ?? Math.max(this.idleTimeoutMs, 600_000),
      },
      model,
      start,
    );
    const aggregate = createPullProgress();
    for await (const line of stream) {
      const progress = aggregate.update(line);
      options?.onProgress?.(progress, line);
    }
    return stream.final as ProgressResponse;
  }

  pull(model: string, options?: ProgressOptions): Promise<ProgressResponse> {
    requireModel(model);
    return this.progress('/api/pull', model, options, (o) =>
      o.pull({ model, insecure: options?.insecure, stream: true }),
    );
  }

  push(model: string, options?: ProgressOptions): Promise<ProgressResponse> {
    requireModel(model);
    return this.progress('/api/push', model, options, (o) =>
      o.push({ model, insecure: options?.insecure, stream: true }),
    );
  }

  create(
    request: Omit<CreateRequest, 'stream'>,
    options?: ProgressOptions,
  ): Promise<ProgressResponse> {
    requireModel(request.model);
    return this.progress('/api/create', request.from ?? request.model, options, (o) =>
      o.create({ ...request, stream: true } as Parameters<Ollama['create']>[0] & { stream: true }),
    );
  }

  // ---- blobs ----------------------------------------------------------------------------

  async hasBlob(digest: string, options?: CallOptions): Promise<boolean> {
    const response = await withRetry(
      () => this.raw('HEAD', `/api/blobs/${digest}`, options, undefined, [404]),
      options?.retry ?? this.retry,
      options?.signal,
    );
    return response.ok;
  }

  async uploadBlob(
    data: Uint8Array | Blob,
    options?: CallOptions & { digest?: string },
  ): Promise<string> {
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(await data.arrayBuffer());
    const digest =
      options?.digest ??
      `sha256:${toHex(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>))}`;
    await this.raw('POST', `/api/blobs/${digest}`, options, bytes as Uint8Array<ArrayBuffer>);
    return digest;
  }

  // ---- load / unload / health -----------------------------------------------------------

  async load(model: string, options?: LoadOptions): Promise<void> {
    requireModel(model);
    const keep_alive = options?.keep_alive;
    try {
      await this.emptyGenerate(model, keep_alive, options);
    } catch (error) {
      // An embedding-only model refuses generate (ollama-api.md §5): load it through embed.
      if (
        OllamaResponseError.isInstance(error) &&
        !ModelNotFoundError.isInstance(error) &&
        error.status === 400 &&
        /does not support generate/.test(error.error)
      ) {
        await this.embed({ model, input: [], keep_alive }, options);
        return;
      }
      throw error;
    }
  }

  async unload(model: string, options?: CallOptions): Promise<void> {
    requireModel(model);
    await this.emptyGenerate(model, 0, options);
  }

  /** Ollama's empty-request idiom (ollama-api.md §6): a generate with no prompt loads or unloads. */
  private async emptyGenerate(
    model: string,
    keep_alive: LoadOptions['keep_alive'],
    options: CallOptions | undefined,
  ): Promise<void> {
    await this.call(
      '/api/generate',
      options,
      false,
      (o) => o.generate({ model, prompt: '', keep_alive, stream: false }),
      generateResponseSchema,
      model,
    );
  }

  async health(options?: { timeoutMs?: number; signal?: AbortSignal }): Promise<HostHealth> {
    const started = performance.now();
    try {
      const { version } = await this.call(
        '/api/version',
        { timeoutMs: options?.timeoutMs ?? 5000, signal: options?.signal },
        false,
        (o) => o.version(),
        versionResponseSchema,
      );
      return {
        host: this.host,
        up: true,
        latencyMs: performance.now() - started,
        version,
        error: undefined,
      };
    } catch (error) {
      if (options?.signal?.aborted) throw error;
      return {
        host: this.host,
        up: false,
        latencyMs: undefined,
        version: undefined,
        error: error instanceof Error ? error : new Error(String(error)),
      };
    }
  }
}

function requireModel(model: unknown): void {
  if (typeof model !== 'string' || model.trim() === '') {
    throw new InvalidArgumentError({ argument: 'model', message: 'a model name is required' });
  }
}

/** Fallback when the official client already holds the body: re-encode its parsed objects. */
function iterableToNdjson(iterable: AsyncIterable<unknown>): ReadableStream<Uint8Array> {
  const iterator = iterable[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const result = await iterator.next();
      if (result.done) controller.close();
      else controller.enqueue(encoder.encode(`${JSON.stringify(result.value)}\n`));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

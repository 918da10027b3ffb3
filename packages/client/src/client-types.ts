import type { OllamaStream } from './ndjson-stream';
import type { PullProgress } from './pull-progress';
import type { CallOptions } from './request-context';
import type { RetryOptions } from './retry';
import type { KeepAlive } from './schemas/common';
import type {
  ChatRequest,
  ChatResponse,
  EmbeddingsRequest,
  EmbeddingsResponse,
  EmbedRequest,
  EmbedResponse,
  GenerateRequest,
  GenerateResponse,
} from './schemas/generation';
import type {
  CopyRequest,
  CreateRequest,
  DeleteRequest,
  ListResponse,
  ProgressResponse,
  PsResponse,
  ShowRequest,
  ShowResponse,
  VersionResponse,
} from './schemas/models';
import type { GenerationTimings } from './timings';

/** Options of `createClient`. */
export interface ClientOptions {
  /** Ollama's address in any `OLLAMA_HOST` form (see `parseHost`). @default 'http://127.0.0.1:11434' */
  host?: string;
  /** Extra headers on every request (e.g. `Authorization`). */
  headers?: Record<string, string>;
  /** A fetch implementation (proxies, tracing, tests). @default globalThis.fetch */
  fetch?: typeof fetch;
  /**
   * Connect/first-byte timeout in ms: no response headers within it gives `TimeoutError`
   * (`phase: 'connect'`). A generation's headers come with its first token, after the model
   * loaded, so keep it above the load time. 0 turns it off. @default 300000
   */
  timeoutMs?: number;
  /**
   * Idle-stream timeout in ms: a stream silent for longer gives `TimeoutError` (`phase: 'idle'`);
   * it also bounds a non-streamed body after its headers. Pull, push and create use at least
   * 10 minutes unless a call sets its own (Ollama is silent while it verifies a large blob).
   * 0 = off. @default 60000
   */
  idleTimeoutMs?: number;
  /** Retries of idempotent calls (version, list, ps, show, embed, blob check). `false` = none. @default { retries: 2 } */
  retry?: RetryOptions | false;
  /** Validate responses with the zod schemas. @default true */
  validate?: boolean;
}

/** The result of a non-streamed chat: Ollama's response plus timings. */
export type ChatResult = ChatResponse & { timings: GenerationTimings };
/** The result of a non-streamed generate: Ollama's response plus timings. */
export type GenerateResult = GenerateResponse & { timings: GenerationTimings };
/** A streamed chat: `for await (const chunk of stream)`, plus `stream.timings` and `stream.abort()`. */
export type ChatStream = OllamaStream<ChatResponse>;
/** A streamed generate. */
export type GenerateStream = OllamaStream<GenerateResponse>;

/** Options of pull, push and create. */
export interface ProgressOptions extends CallOptions {
  /** Called for every progress line, with the aggregated figure over all layers. */
  onProgress?: (progress: PullProgress, line: ProgressResponse) => void;
  /** Allow a registry over plain http / with a bad certificate. */
  insecure?: boolean;
}

/** What `health()` reports; it never throws. */
export interface HostHealth {
  host: string;
  up: boolean;
  /** Round trip of GET /api/version in ms (when up). */
  latencyMs: number | undefined;
  version: string | undefined;
  /** Why the host is down. */
  error: Error | undefined;
}

/** Options of load/unload. */
export interface LoadOptions extends CallOptions {
  /** How long the model stays loaded: seconds, or a Go duration such as `'10m'`; negative = forever. */
  keep_alive?: KeepAlive;
}

/** A typed client for one Ollama host. Create it with `createClient`. */
export interface OllamaClient {
  /** The base URL requests go to, e.g. `http://127.0.0.1:11434`. */
  readonly host: string;
  version(options?: CallOptions): Promise<VersionResponse>;
  /** GET /api/tags: installed models. */
  list(options?: CallOptions): Promise<ListResponse>;
  /** GET /api/ps: loaded models. */
  ps(options?: CallOptions): Promise<PsResponse>;
  show(request: ShowRequest, options?: CallOptions): Promise<ShowResponse>;
  chat(request: ChatRequest & { stream: true }, options?: CallOptions): Promise<ChatStream>;
  chat(request: ChatRequest & { stream?: false }, options?: CallOptions): Promise<ChatResult>;
  chat(request: ChatRequest, options?: CallOptions): Promise<ChatStream | ChatResult>;
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
  embed(request: EmbedRequest, options?: CallOptions): Promise<EmbedResponse>;
  /** Legacy POST /api/embeddings. */
  embeddings(request: EmbeddingsRequest, options?: CallOptions): Promise<EmbeddingsResponse>;
  /** Pull a model, reporting aggregated progress; resolves with the final `success` line. */
  pull(model: string, options?: ProgressOptions): Promise<ProgressResponse>;
  push(model: string, options?: ProgressOptions): Promise<ProgressResponse>;
  create(
    request: Omit<CreateRequest, 'stream'>,
    options?: ProgressOptions,
  ): Promise<ProgressResponse>;
  copy(request: CopyRequest, options?: CallOptions): Promise<void>;
  delete(request: DeleteRequest, options?: CallOptions): Promise<void>;
  /** HEAD /api/blobs/:digest — whether the host has the blob. */
  hasBlob(digest: string, options?: CallOptions): Promise<boolean>;
  /** POST /api/blobs/:digest — upload bytes; the digest is computed when not given. Returns it. */
  uploadBlob(data: Uint8Array | Blob, options?: CallOptions & { digest?: string }): Promise<string>;
  /** Load a model into memory (Ollama's empty-request idiom, ollama-api.md §6). */
  load(model: string, options?: LoadOptions): Promise<void>;
  /** Unload a model (`keep_alive: 0`). */
  unload(model: string, options?: CallOptions): Promise<void>;
  /** Up/down, latency and version; never throws. @default timeoutMs 5000 */
  health(options?: { timeoutMs?: number; signal?: AbortSignal }): Promise<HostHealth>;
}

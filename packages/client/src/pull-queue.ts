import PQueue from 'p-queue';
import type { OllamaClient } from './client-types';
import type { PullProgress } from './pull-progress';
import type { ProgressResponse } from './schemas/models';
import { TypedEmitter } from './typed-emitter';

/** State of one queued pull. */
export type PullJobState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

/** One pull in a {@link PullQueue}. */
export interface PullJob {
  readonly id: number;
  /** Base URL of the host it pulls on. */
  readonly host: string;
  readonly model: string;
  readonly state: PullJobState;
  /** Latest aggregated progress. */
  readonly progress: PullProgress | undefined;
  /** The failure, when `failed` or `cancelled`. */
  readonly error: unknown;
  /** Resolves with the final `success` line; rejects on failure or cancel. */
  readonly promise: Promise<ProgressResponse>;
  /** Cancel: a queued job never starts, a running one is aborted. */
  cancel(): void;
}

/** Events of a {@link PullQueue} (kebab-case, noun then action). */
export interface PullQueueEvents extends Record<string, unknown> {
  'pull-queued': PullJob;
  'pull-start': PullJob;
  'pull-progress': PullJob;
  'pull-end': PullJob;
}

/** Options of {@link PullQueue}. */
export interface PullQueueOptions {
  /** Pulls running at once on each host. @default 1 */
  concurrency?: number;
}

interface MutableJob extends PullJob {
  state: PullJobState;
  progress: PullProgress | undefined;
  error: unknown;
}

const noop = (): void => {};

/**
 * A queue of model pulls over one or more hosts (p-queue): per-host concurrency, cancel, and
 * events `pull-queued`, `pull-start`, `pull-progress`, `pull-end`. Adding a model that is
 * already queued or running on the same host returns the existing job.
 *
 * @example
 * const queue = new PullQueue({ concurrency: 1 });
 * queue.on('pull-progress', (job) => console.log(job.model, job.progress?.fraction));
 * await queue.add(client, 'llama3.2:1b').promise;
 */
export class PullQueue extends TypedEmitter<PullQueueEvents> {
  private readonly queues = new Map<string, PQueue>();
  private readonly active = new Map<string, MutableJob>();
  private readonly all: MutableJob[] = [];
  private readonly concurrency: number;
  private nextId = 1;

  constructor(options: PullQueueOptions = {}) {
    super();
    this.concurrency = options.concurrency ?? 1;
  }

  /** Queue a pull of `model` on the client's host. */
  add(client: OllamaClient, model: string, options: { insecure?: boolean } = {}): PullJob {
    const key = `${client.host}\n${model}`;
    const existing = this.active.get(key);
    if (existing) return existing;
    let queue = this.queues.get(client.host);
    if (!queue) {
      queue = new PQueue({ concurrency: this.concurrency });
      this.queues.set(client.host, queue);
    }
    const controller = new AbortController();
    const job = {
      id: this.nextId++,
      host: client.host,
      model,
      state: 'queued',
      progress: undefined,
      error: undefined,
      cancel: () => controller.abort(new DOMException(`Pull of ${model} cancelled`, 'AbortError')),
    } as MutableJob;
    const run = async (): Promise<ProgressResponse> => {
      job.state = 'running';
      this.emit('pull-start', job);
      try {
        const result = await client.pull(model, {
          signal: controller.signal,
          insecure: options.insecure,
          onProgress: (progress) => {
            job.progress = progress;
            this.emit('pull-progress', job);
          },
        });
        job.state = 'done';
        return result;
      } catch (error) {
        job.state = controller.signal.aborted ? 'cancelled' : 'failed';
        job.error = error;
        throw error;
      } finally {
        // Ends before the host's next job starts, so events come in order.
        this.finish(key, job);
      }
    };
    const promise = queue.add(run, { signal: controller.signal }).then(
      (result) => result as ProgressResponse,
      (error: unknown) => {
        if (job.state === 'queued') {
          // Cancelled before it started: p-queue never ran it.
          job.state = 'cancelled';
          job.error = error;
          this.finish(key, job);
        }
        throw error;
      },
    );
    promise.catch(noop); // a caller that never awaits the job must not crash the process
    (job as { promise: Promise<ProgressResponse> }).promise = promise;
    this.active.set(key, job);
    this.all.push(job);
    this.emit('pull-queued', job);
    return job;
  }

  private finish(key: string, job: MutableJob): void {
    if (this.active.get(key) === job) this.active.delete(key);
    this.emit('pull-end', job);
  }

  /** Every job added so far, oldest first. */
  jobs(): readonly PullJob[] {
    return this.all;
  }

  /** Cancel every queued and running job (optionally only on one host). */
  cancelAll(host?: string): void {
    for (const job of this.active.values())
      if (host === undefined || job.host === host) job.cancel();
  }

  /** Resolves when no job is queued or running. */
  async onIdle(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.onIdle()));
  }
}

import { type PullJob, PullQueue } from '@ollamamon/client';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { AppServices } from '../services.js';
import type { PullItem } from './pull-queue-state.js';

export interface PullQueueView {
  readonly items: readonly PullItem[];
  /** Queues pulls on the active host (and in the store, so they survive a restart). */
  enqueue(models: readonly string[]): void;
  /** Cancels the newest queued or running pull. */
  cancelNewest(): void;
  /** Cancels every queued and running pull. */
  cancelAll(): void;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function toItem(job: PullJob): PullItem {
  const progress = job.progress;
  const status = job.state === 'running' ? 'pulling' : job.state;
  return {
    id: job.id,
    model: job.model,
    host: job.host,
    status,
    statusText: job.state === 'running' ? (progress?.status ?? 'starting') : status,
    completedBytes: progress?.completedBytes ?? 0,
    totalBytes: progress?.totalBytes ?? 0,
    bytesPerSecond: progress?.bytesPerSecond,
    etaSeconds: progress?.etaSeconds,
    error: job.state === 'failed' ? errorText(job.error) : undefined,
  };
}

/**
 * The Models tab's pull queue: @ollamamon/client's PullQueue (per-host concurrency, cancel) viewed
 * through React at most every `flushMs`, mirrored into the store's pull queue so unfinished pulls are
 * resumed when the app starts again. `onSettled` runs after each pull ends.
 */
export function usePullQueue(
  services: AppServices,
  options: { concurrency?: number; flushMs?: number; onSettled?: (job: PullJob) => void } = {},
): PullQueueView {
  const queue = useMemo(
    () => new PullQueue({ concurrency: options.concurrency ?? 2 }),
    [options.concurrency],
  );
  const [items, setItems] = useState<readonly PullItem[]>([]);
  const onSettled = useRef(options.onSettled);
  onSettled.current = options.onSettled;
  const storeIds = useRef(new Map<number, number>());
  const flushMs = options.flushMs ?? 100;

  useEffect(() => {
    const store = services.store?.pulls;
    let dirty = false;
    const lastSaved = new Map<number, number>();
    const save = (job: PullJob, change: Parameters<NonNullable<typeof store>['update']>[1]) => {
      const id = storeIds.current.get(job.id);
      if (store && id !== undefined) {
        try {
          store.update(id, change);
        } catch (error) {
          services.log(`pull store: ${errorText(error)}`);
        }
      }
    };
    const offs = [
      queue.on('pull-queued', () => {
        dirty = true;
      }),
      queue.on('pull-start', (job) => {
        dirty = true;
        save(job, { state: 'running' });
      }),
      queue.on('pull-progress', (job) => {
        dirty = true;
        const now = Date.now();
        if (now - (lastSaved.get(job.id) ?? 0) >= 1000 && job.progress) {
          lastSaved.set(job.id, now);
          save(job, {
            completedBytes: job.progress.completedBytes,
            totalBytes: job.progress.totalBytes,
          });
        }
      }),
      queue.on('pull-end', (job) => {
        dirty = true;
        save(job, {
          state: job.state === 'done' ? 'done' : job.state === 'cancelled' ? 'cancelled' : 'failed',
          ...(job.state === 'failed' ? { error: errorText(job.error) } : {}),
        });
        onSettled.current?.(job);
      }),
    ];
    const timer = setInterval(() => {
      if (!dirty) return;
      dirty = false;
      setItems(queue.jobs().map(toItem));
    }, flushMs);
    // Pulls a previous run left unfinished on this host start again.
    if (store) {
      const host = services.activeHost().url;
      for (const saved of store.resumable()) {
        if (saved.host !== host) continue;
        const job = queue.add(services.client(), saved.model);
        storeIds.current.set(job.id, saved.id);
      }
    }
    return () => {
      for (const off of offs) off();
      clearInterval(timer);
      queue.cancelAll();
    };
  }, [queue, services, flushMs]);

  return {
    items,
    enqueue(models) {
      const client = services.client();
      for (const model of models) {
        const job = queue.add(client, model);
        if (services.store && !storeIds.current.has(job.id)) {
          try {
            storeIds.current.set(
              job.id,
              services.store.pulls.enqueue({ host: client.host, model }).id,
            );
          } catch (error) {
            services.log(`pull store: ${errorText(error)}`);
          }
        }
      }
    },
    cancelAll() {
      queue.cancelAll();
    },
    cancelNewest() {
      const active = queue
        .jobs()
        .filter((job) => job.state === 'queued' || job.state === 'running');
      active.at(-1)?.cancel();
    },
  };
}

import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { AppServices } from '../services.js';
import { type PullItem, pullQueueReducer } from './pull-queue-state.js';

interface ProgressLike {
  status?: string;
  completedBytes?: number;
  totalBytes?: number;
  bytesPerSecond?: number;
  etaSeconds?: number;
}

export interface PullQueue {
  readonly items: readonly PullItem[];
  /** Queues pulls on the active host. */
  enqueue(models: readonly string[]): void;
  /** Cancels one pull (or the newest running one). */
  cancel(id?: number): void;
  clearFinished(): void;
}

/**
 * Runs queued pulls `concurrency` at a time per host with progress, rate and ETA; progress is flushed to
 * React at most every `flushMs` so a fast pull does not re-render per chunk. `onSettled` runs after each.
 */
export function usePullQueue(
  services: AppServices,
  options: { concurrency?: number; flushMs?: number; onSettled?: (item: PullItem) => void } = {},
): PullQueue {
  const [items, dispatch] = useReducer(pullQueueReducer, []);
  const itemsRef = useRef(items);
  itemsRef.current = items;
  const nextId = useRef(1);
  const controllers = useRef(new Map<number, AbortController>());
  const optionsRef = useRef(options);
  optionsRef.current = options;
  const concurrency = options.concurrency ?? 2;

  const run = useCallback(
    async (item: PullItem) => {
      const controller = new AbortController();
      controllers.current.set(item.id, controller);
      dispatch({ type: 'start', id: item.id });
      let pending: ProgressLike | undefined;
      const flush = () => {
        if (!pending) return;
        const progress = pending;
        pending = undefined;
        dispatch({
          type: 'progress',
          id: item.id,
          statusText: progress.status ?? 'pulling',
          completedBytes: progress.completedBytes ?? 0,
          totalBytes: progress.totalBytes ?? 0,
          bytesPerSecond: progress.bytesPerSecond,
          etaSeconds: progress.etaSeconds,
        });
      };
      const timer = setInterval(flush, optionsRef.current.flushMs ?? 100);
      try {
        await services.client().pull(item.model, {
          signal: controller.signal,
          onProgress: (progress: ProgressLike) => {
            pending = progress;
          },
        });
        flush();
        dispatch({ type: 'finish', id: item.id });
        optionsRef.current.onSettled?.({ ...item, status: 'done' });
      } catch (error) {
        flush();
        if (controller.signal.aborted) dispatch({ type: 'cancel', id: item.id });
        else {
          dispatch({
            type: 'fail',
            id: item.id,
            error: error instanceof Error ? error.message : String(error),
          });
        }
        optionsRef.current.onSettled?.({
          ...item,
          status: controller.signal.aborted ? 'cancelled' : 'failed',
        });
      } finally {
        clearInterval(timer);
        controllers.current.delete(item.id);
      }
    },
    [services],
  );

  // Start queued items while fewer than `concurrency` run on their host.
  useEffect(() => {
    const running = new Map<string, number>();
    for (const item of items) {
      if (item.status === 'pulling') running.set(item.host, (running.get(item.host) ?? 0) + 1);
    }
    for (const item of items) {
      if (item.status !== 'queued' || controllers.current.has(item.id)) continue;
      const count = running.get(item.host) ?? 0;
      if (count >= concurrency) continue;
      running.set(item.host, count + 1);
      controllers.current.set(item.id, new AbortController());
      void run(item);
    }
  }, [items, concurrency, run]);

  useEffect(
    () => () => {
      for (const controller of controllers.current.values()) controller.abort();
    },
    [],
  );

  return {
    items,
    enqueue(models) {
      const host = services.activeHost().url;
      for (const model of models) {
        dispatch({ type: 'enqueue', id: nextId.current, model, host });
        nextId.current += 1;
      }
    },
    cancel(id) {
      const target =
        id ??
        [...itemsRef.current]
          .reverse()
          .find((item) => item.status === 'pulling' || item.status === 'queued')?.id;
      if (target === undefined) return;
      const controller = controllers.current.get(target);
      if (controller) controller.abort();
      else dispatch({ type: 'cancel', id: target });
    },
    clearFinished() {
      dispatch({ type: 'clear-finished' });
    },
  };
}

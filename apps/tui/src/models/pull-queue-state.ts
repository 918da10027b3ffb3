/** One pull in the queue as the UI shows it. */
export interface PullItem {
  readonly id: number;
  readonly model: string;
  readonly host: string;
  readonly status: 'queued' | 'pulling' | 'done' | 'failed' | 'cancelled';
  readonly statusText: string;
  readonly completedBytes: number;
  readonly totalBytes: number;
  readonly bytesPerSecond: number | undefined;
  readonly etaSeconds: number | undefined;
  readonly error: string | undefined;
}

export type PullAction =
  | { readonly type: 'enqueue'; readonly id: number; readonly model: string; readonly host: string }
  | { readonly type: 'start'; readonly id: number }
  | {
      readonly type: 'progress';
      readonly id: number;
      readonly statusText: string;
      readonly completedBytes: number;
      readonly totalBytes: number;
      readonly bytesPerSecond: number | undefined;
      readonly etaSeconds: number | undefined;
    }
  | { readonly type: 'finish'; readonly id: number }
  | { readonly type: 'fail'; readonly id: number; readonly error: string }
  | { readonly type: 'cancel'; readonly id: number }
  | { readonly type: 'clear-finished' };

function update(items: readonly PullItem[], id: number, change: Partial<PullItem>): PullItem[] {
  return items.map((item) => (item.id === id ? { ...item, ...change } : item));
}

/** The pull queue view state (the pulls themselves run in use-pull-queue.ts). */
export function pullQueueReducer(
  items: readonly PullItem[],
  action: PullAction,
): readonly PullItem[] {
  switch (action.type) {
    case 'enqueue':
      return [
        ...items,
        {
          id: action.id,
          model: action.model,
          host: action.host,
          status: 'queued',
          statusText: 'queued',
          completedBytes: 0,
          totalBytes: 0,
          bytesPerSecond: undefined,
          etaSeconds: undefined,
          error: undefined,
        },
      ];
    case 'start':
      return update(items, action.id, { status: 'pulling', statusText: 'starting' });
    case 'progress': {
      const { type: _type, id, ...change } = action;
      return update(items, id, change);
    }
    case 'finish':
      return update(items, action.id, { status: 'done', statusText: 'success', etaSeconds: 0 });
    case 'fail':
      return update(items, action.id, {
        status: 'failed',
        statusText: 'failed',
        error: action.error,
      });
    case 'cancel':
      return update(items, action.id, { status: 'cancelled', statusText: 'cancelled' });
    case 'clear-finished':
      return items.filter((item) => item.status === 'queued' || item.status === 'pulling');
  }
}

/** Splits what the user typed in the pull prompt into model names: spaces or commas. */
export function parseModelList(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/u).filter((name) => name !== ''))];
}

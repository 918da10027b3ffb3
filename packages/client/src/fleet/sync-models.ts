import type { OllamaClient } from '../client-types';
import { ModelNotFoundError } from '../errors/model-not-found-error';
import { parseModelName } from '../parse-model-name';
import type { PullProgress } from '../pull-progress';
import type { CreateRequest, ModelResponse } from '../schemas/models';
import { parseParameters } from './parse-parameters';

/** What sync does (or would do) for one model. */
export interface SyncItem {
  model: string;
  /** `skip`: already there with the same digest; `pull`: from the registry; `create`: rebuilt from the source's show response on its base; `none`: cannot. */
  action: 'skip' | 'pull' | 'create' | 'none';
  /** Whether it worked (`planned` in a dry run). */
  result: 'planned' | 'synced' | 'skipped' | 'failed';
  reason: string;
}

/** Options of `fleet.sync`. */
export interface SyncOptions {
  /** Source host name. */
  from: string;
  /** Target host name. */
  to: string;
  /** Models to sync. @default every model on the source */
  models?: string[];
  /** Only plan; change nothing. */
  dryRun?: boolean;
  onProgress?: (model: string, progress: PullProgress) => void;
  signal?: AbortSignal;
}

/** The outcome of a sync. */
export interface SyncReport {
  from: string;
  to: string;
  dryRun: boolean;
  items: SyncItem[];
  /** Items that could not be synced, with the reason. */
  failed: SyncItem[];
}

function same(a: string, b: string): boolean {
  return parseModelName(a).toString().toLowerCase() === parseModelName(b).toString().toLowerCase();
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Make `target` have the models `source` has: pull by name from the registry; for a model
 * created locally (its show response names a `parent_model`), recreate it on the target from
 * the show response once its base is there (pulling the base when needed).
 */
export async function syncModels(input: {
  source: OllamaClient;
  target: OllamaClient;
  options: SyncOptions;
}): Promise<SyncReport> {
  const { source, target, options } = input;
  const signal = options.signal;
  const [sourceList, targetList] = await Promise.all([
    source.list({ signal }),
    target.list({ signal }),
  ]);
  const wanted = options.models ?? sourceList.models.map((model) => model.name);
  const items: SyncItem[] = [];
  for (const name of wanted) {
    const local = sourceList.models.find((model) => same(model.name, name));
    if (!local) {
      items.push({
        model: name,
        action: 'none',
        result: 'failed',
        reason: `not on ${options.from}`,
      });
      continue;
    }
    const present = targetList.models.find((model) => same(model.name, name));
    if (present && present.digest === local.digest) {
      items.push({
        model: local.name,
        action: 'skip',
        result: 'skipped',
        reason: `already on ${options.to} with the same digest`,
      });
      continue;
    }
    items.push(
      await syncOne(local, present, { source, target, options, targetList: targetList.models }),
    );
  }
  return {
    from: options.from,
    to: options.to,
    dryRun: options.dryRun ?? false,
    items,
    failed: items.filter((item) => item.result === 'failed'),
  };
}

async function syncOne(
  local: ModelResponse,
  present: ModelResponse | undefined,
  context: {
    source: OllamaClient;
    target: OllamaClient;
    options: SyncOptions;
    targetList: ModelResponse[];
  },
): Promise<SyncItem> {
  const { source, target, options } = context;
  const signal = options.signal;
  const why = present ? `on ${options.to} with another digest` : `missing on ${options.to}`;
  const item = (
    action: SyncItem['action'],
    result: SyncItem['result'],
    reason: string,
  ): SyncItem => ({ model: local.name, action, result, reason });
  let show: Awaited<ReturnType<OllamaClient['show']>>;
  try {
    show = await source.show({ model: local.name }, { signal });
  } catch (error) {
    return item('none', 'failed', `show on ${options.from} failed: ${message(error)}`);
  }
  const parent = show.details?.parent_model || undefined;
  const onProgress = (progress: PullProgress): void => options.onProgress?.(local.name, progress);

  if (!parent) {
    if (options.dryRun) {
      return item('pull', 'planned', `${why}: pull from the registry`);
    }
    try {
      await target.pull(local.name, { signal, onProgress });
      return item('pull', 'synced', `${why}: pulled from the registry`);
    } catch (error) {
      if (signal?.aborted) throw error;
      const reason = ModelNotFoundError.isInstance(error)
        ? 'the registry does not have it and it names no base model to recreate it from'
        : `pull failed: ${message(error)}`;
      return item('pull', 'failed', reason);
    }
  }

  const request: Omit<CreateRequest, 'stream'> = { model: local.name, from: parent };
  if (show.system) request.system = show.system;
  if (show.template) request.template = show.template;
  if (show.license) request.license = show.license;
  const parameters = parseParameters(show.parameters);
  if (Object.keys(parameters).length > 0) request.parameters = parameters;
  if (show.messages && show.messages.length > 0) {
    request.messages = show.messages.map((m) => ({ role: m.role, content: m.content }));
  }
  const hasBase = context.targetList.some((model) => same(model.name, parent));
  if (options.dryRun) {
    return item(
      'create',
      'planned',
      `${why}: created locally from ${parent}; recreate it${hasBase ? '' : ` after pulling ${parent}`}`,
    );
  }
  try {
    if (!hasBase) await target.pull(parent, { signal, onProgress });
  } catch (error) {
    if (signal?.aborted) throw error;
    return item(
      'create',
      'failed',
      `its base ${parent} is not available on ${options.to}: ${message(error)}`,
    );
  }
  try {
    await target.create(request, { signal, onProgress });
    return item('create', 'synced', `${why}: recreated from ${parent}`);
  } catch (error) {
    if (signal?.aborted) throw error;
    return item('create', 'failed', `create failed: ${message(error)}`);
  }
}

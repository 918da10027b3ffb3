import { type AppContext, readJson } from '../app-env.js';
import { OllamaHttpError } from '../http-error.js';
import type { Layer } from '../manifest.js';
import { isValidName, type ModelName, parseModelReference } from '../model-name.js';
import { type Emit, runProgress } from '../run-progress.js';
import type { SimulatorState } from '../simulator-state.js';
import { sleep } from '../sleep.js';

const progressIntervalMs = 60;

/** Reports one layer moving, as Ollama's ~60 ms progress ticks do. */
export async function transferLayer(
  state: SimulatorState,
  layer: Layer,
  verb: 'pulling' | 'pushing',
  emit: Emit,
  signal: AbortSignal,
): Promise<void> {
  const status = `${verb} ${layer.digest.replace('sha256:', '').slice(0, 12)}`;
  const base = { status, digest: layer.digest, total: layer.size };
  const layerMs = (layer.size / state.settings.pullBytesPerSecond) * 1000;
  if (layerMs < 1) {
    await emit({ ...base, completed: layer.size });
    return;
  }
  const steps = Math.min(40, Math.max(2, Math.ceil(layerMs / progressIntervalMs)));
  await emit({ ...base, completed: 0 });
  for (let step = 1; step <= steps; step++) {
    await sleep(layerMs / steps, signal);
    await emit({ ...base, completed: Math.round((layer.size * step) / steps) });
  }
}

/**
 * Pulls `name` from the simulated registry into the store, emitting Ollama's progress
 * (ollama-api.md §5 /api/pull). Used by /api/pull and by /api/create for a missing `from`.
 */
export async function pullModel(
  state: SimulatorState,
  name: ModelName,
  emit: Emit,
  signal: AbortSignal,
): Promise<void> {
  if (name.scheme === 'http') throw new Error('insecure protocol http');
  await emit({ status: 'pulling manifest' });
  const remote = state.registry.lookup(name);
  if (!remote) throw new Error('pull model manifest: file does not exist');
  for (const layer of [...remote.manifest.layers, remote.manifest.config]) {
    if (state.store.hasBlob(layer.digest)) {
      await emit({
        status: `pulling ${layer.digest.slice(7, 19)}`,
        digest: layer.digest,
        total: layer.size,
        completed: layer.size,
      });
    } else {
      await transferLayer(state, layer, 'pulling', emit, signal);
    }
  }
  await emit({ status: 'verifying sha256 digest' });
  await emit({ status: 'writing manifest' });
  const previous = state.store.get(name);
  state.store.put(name, remote.content, remote.digest);
  if (previous && previous.manifest.digest !== remote.manifest.digest) {
    const removed = state.store.prune(previous.manifest);
    if (removed.length > 0) await emit({ status: 'removing unused layers' });
  }
  await emit({ status: 'success' });
}

/** POST /api/pull. */
export async function handlePull(state: SimulatorState, c: AppContext): Promise<Response> {
  const body = await readJson(c, 'PullRequest', {
    model: 'string',
    name: 'string',
    insecure: 'bool',
    stream: '*bool',
  });
  const reference = parseModelReference(String(body.model || body.name || ''));
  if (!reference || !isValidName(reference.name))
    throw new OllamaHttpError(400, 'invalid model name');
  const name = reference.name;
  if (body.insecure === true && name.scheme === 'http') name.scheme = 'https';
  return runProgress(c, body.stream !== false, (emit, signal) =>
    pullModel(state, name, emit, signal),
  );
}

/** POST /api/push. */
export async function handlePush(state: SimulatorState, c: AppContext): Promise<Response> {
  const body = await readJson(c, 'PushRequest', {
    model: 'string',
    name: 'string',
    insecure: 'bool',
    stream: '*bool',
  });
  const given = String(body.model || body.name || '');
  if (given === '') throw new OllamaHttpError(400, 'model is required');
  const reference = parseModelReference(given);
  if (!reference || !isValidName(reference.name))
    throw new OllamaHttpError(400, 'invalid model name');
  const name = reference.name;
  return runProgress(c, body.stream !== false, async (emit, signal) => {
    await emit({ status: 'retrieving manifest' });
    const model = state.store.get(name);
    if (!model) {
      await emit({ status: "couldn't retrieve manifest" });
      throw new Error(
        `open ${state.settings.modelsDir}/manifests/${name.host}/${name.namespace}/${name.model}/${name.tag}: no such file or directory`,
      );
    }
    for (const layer of [...model.manifest.layers, model.manifest.config]) {
      await transferLayer(state, layer, 'pushing', emit, signal);
    }
    await emit({ status: 'pushing manifest' });
    state.registry.publish(name, model.content, model.digest);
    await emit({ status: 'success' });
  });
}

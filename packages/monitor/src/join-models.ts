import type { HostPs } from './sources/ollama-model-source.js';
import type {
  GpuReadingData,
  HostReading,
  LoadedModel,
  OllamaProcess,
  OllamaProcessesData,
  Reading,
} from './types.js';

/** Fills each process's `vramBytes` from the GPU per-process list (by pid). */
export function attachVram(
  processes: OllamaProcess[],
  gpus: Reading<GpuReadingData>,
): OllamaProcess[] {
  if (!gpus.available) return processes;
  return processes.map((process) => ({
    ...process,
    vramBytes: gpus.processes
      .filter((entry) => entry.pid === process.pid)
      .reduce((sum, entry) => sum + entry.usedMemoryBytes, 0),
  }));
}

/**
 * Joins each host's `/api/ps` models with the runner process that serves them and the GPUs that
 * process uses: model → runner (the model's blob path in the runner's `--model` argument, or the
 * only unmatched runner when exactly one model and one runner are left) → GPUs (per-process list).
 * Only hosts marked local are joined with local processes.
 */
export function joinModels(
  hosts: HostPs[],
  processes: Reading<OllamaProcessesData>,
  gpus: Reading<GpuReadingData>,
): HostReading[] {
  const runners = processes.available
    ? processes.processes.filter((process) => process.role === 'runner')
    : [];
  const claimed = new Set<number>();
  return hosts.map((host) => {
    const models: LoadedModel[] = host.models.map((model) => {
      let runner: OllamaProcess | undefined;
      let runnerMatch: LoadedModel['runnerMatch'] = null;
      const path = host.blobPaths.get(model.name);
      if (host.local && path) {
        runner = runners.find(
          (candidate) => !claimed.has(candidate.pid) && candidate.modelPath === path,
        );
        if (runner) runnerMatch = 'model-path';
      }
      if (runner) claimed.add(runner.pid);
      return {
        name: model.name,
        model: model.model,
        digest: model.digest,
        size: model.size,
        size_vram: model.size_vram,
        context_length: model.context_length ?? null,
        expires_at: model.expires_at ?? null,
        parameterSize: model.details?.parameter_size ?? null,
        quantizationLevel: model.details?.quantization_level ?? null,
        cpuShare: model.size > 0 ? Math.max(0, 1 - model.size_vram / model.size) : 0,
        runnerPid: runner?.pid ?? null,
        runnerMatch,
        devices: [],
      };
    });
    if (host.local) {
      const unmatchedModels = models.filter((model) => model.runnerPid === null);
      const unmatchedRunners = runners.filter((runner) => !claimed.has(runner.pid));
      const [onlyModel] = unmatchedModels;
      const [onlyRunner] = unmatchedRunners;
      if (
        unmatchedModels.length === 1 &&
        unmatchedRunners.length === 1 &&
        onlyModel &&
        onlyRunner
      ) {
        onlyModel.runnerPid = onlyRunner.pid;
        onlyModel.runnerMatch = 'only-candidate';
        claimed.add(onlyRunner.pid);
      }
    }
    if (gpus.available) {
      for (const model of models) {
        if (model.runnerPid === null) continue;
        model.devices = gpus.processes
          .filter((entry) => entry.pid === model.runnerPid)
          .map((entry) => ({
            gpuIndex: entry.gpuIndex,
            name: gpus.devices.find((device) => device.index === entry.gpuIndex)?.name ?? 'GPU',
            usedMemoryBytes: entry.usedMemoryBytes,
          }));
      }
    }
    return { name: host.name, local: host.local, up: host.up, error: host.error, models };
  });
}

/** One row of the Models table: the list response joined with ps, the store's notes and update checks. */
export interface ModelRow {
  readonly name: string;
  readonly digest: string;
  readonly sizeBytes: number;
  /** e.g. '8.0B' (details.parameter_size) */
  readonly parameterSize: string;
  /** e.g. 'Q4_K_M' (details.quantization_level) */
  readonly quantization: string;
  readonly family: string;
  /** Epoch milliseconds of modified_at. */
  readonly modifiedAt: number;
  /** Loaded (in /api/ps). */
  readonly loaded: boolean;
  /** Share of the loaded model in GPU memory, 0..1 (size_vram / size), when loaded. */
  readonly gpuShare: number | undefined;
  readonly favourite: boolean;
  readonly tags: readonly string[];
  readonly note: string;
  /** Epoch milliseconds of the last chat with it (store usage), if any. */
  readonly lastUsedAt: number | undefined;
  /** From show(): 'completion', 'vision', 'tools', 'thinking', 'embedding', … (empty until known). */
  readonly capabilities: readonly string[];
  /** The registry has a newer manifest than the local digest. */
  readonly outdated: boolean;
}

interface ListedModel {
  readonly name: string;
  readonly digest?: string | null;
  readonly size?: number | null;
  readonly modified_at?: string | Date | null;
  readonly details?: {
    readonly family?: string | null;
    readonly parameter_size?: string | null;
    readonly quantization_level?: string | null;
  } | null;
}

interface RunningModel {
  readonly name: string;
  readonly size?: number | null;
  readonly size_vram?: number | null;
}

export interface ModelAnnotation {
  readonly favourite?: boolean;
  readonly tags?: readonly string[];
  readonly note?: string;
  readonly lastUsedAt?: number;
}

/** Joins what the host and the store know about each installed model into table rows. */
export function buildModelRows(input: {
  listed: readonly ListedModel[];
  running?: readonly RunningModel[];
  annotations?: ReadonlyMap<string, ModelAnnotation>;
  capabilities?: ReadonlyMap<string, readonly string[]>;
  outdated?: ReadonlySet<string>;
}): ModelRow[] {
  const running = new Map((input.running ?? []).map((model) => [model.name, model]));
  return input.listed.map((model) => {
    const process = running.get(model.name);
    const annotation = input.annotations?.get(model.name);
    const size = process?.size ?? 0;
    return {
      name: model.name,
      digest: model.digest ?? '',
      sizeBytes: model.size ?? 0,
      parameterSize: model.details?.parameter_size ?? '',
      quantization: model.details?.quantization_level ?? '',
      family: model.details?.family ?? '',
      modifiedAt: model.modified_at ? new Date(model.modified_at).getTime() : 0,
      loaded: process !== undefined,
      gpuShare: process && size > 0 ? Math.min(1, (process.size_vram ?? 0) / size) : undefined,
      favourite: annotation?.favourite ?? false,
      tags: annotation?.tags ?? [],
      note: annotation?.note ?? '',
      lastUsedAt: annotation?.lastUsedAt,
      capabilities: input.capabilities?.get(model.name) ?? [],
      outdated: input.outdated?.has(model.name) ?? false,
    };
  });
}

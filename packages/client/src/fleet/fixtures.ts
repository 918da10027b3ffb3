import type { ModelResponse, ProcessModel } from '../schemas/models';
import type { HostInventory } from './types';

/** Small builders for inventory tests (pure data, no network). */
export function installed(name: string, digest = `d-${name}`, size = 1_000): ModelResponse {
  return { name, model: name, modified_at: '2026-01-01T00:00:00Z', size, digest };
}

export function running(name: string, size = 1_000, sizeVram = size): ProcessModel {
  return {
    name,
    model: name,
    size,
    size_vram: sizeVram,
    digest: `d-${name}`,
    expires_at: '2026-01-01T00:05:00Z',
  };
}

export function host(
  name: string,
  models: ModelResponse[],
  loaded: ProcessModel[] = [],
  up = true,
): HostInventory {
  return {
    name,
    url: `http://${name}:11434`,
    up,
    error: up ? undefined : new Error('down'),
    models,
    loaded,
  };
}

import type { ModelAnnotation } from './model-row.js';

/** Favourites, tags, notes and last-used times per model, kept by the store. */
export interface ModelAnnotations {
  all(): Promise<ReadonlyMap<string, ModelAnnotation>>;
  setFavourite(model: string, favourite: boolean): Promise<void>;
  setTags(model: string, tags: readonly string[]): Promise<void>;
  setNote(model: string, note: string): Promise<void>;
}

/** Annotations held in memory (used when no store is available). */
export function createMemoryAnnotations(): ModelAnnotations {
  const annotations = new Map<string, ModelAnnotation>();
  const change = (model: string, update: Partial<ModelAnnotation>) => {
    annotations.set(model, { ...annotations.get(model), ...update });
    return Promise.resolve();
  };
  return {
    all: () => Promise.resolve(new Map(annotations)),
    setFavourite: (model, favourite) => change(model, { favourite }),
    setTags: (model, tags) => change(model, { tags: [...tags] }),
    setNote: (model, note) => change(model, { note }),
  };
}

/** 'a, b  c' → ['a', 'b', 'c'] */
export function parseTags(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/u).filter((tag) => tag !== ''))];
}

import type { Store } from '@ollamamon/store';
import type { ModelAnnotations } from './annotations.js';
import type { ModelAnnotation } from './model-row.js';

/** Favourites, tags and notes from the store's notes, last use from its usage, for one host. */
export function createStoreAnnotations(store: Store, host: () => string): ModelAnnotations {
  return {
    all() {
      const annotations = new Map<string, ModelAnnotation>();
      for (const note of store.notes.list({ host: host() })) {
        annotations.set(note.model, {
          favourite: note.favourite,
          tags: note.tags,
          note: note.note,
        });
      }
      for (const usage of store.usage.list({ host: host() })) {
        annotations.set(usage.model, {
          ...annotations.get(usage.model),
          lastUsedAt: Date.parse(usage.lastUsedAt),
        });
      }
      return Promise.resolve(annotations);
    },
    setFavourite(model, favourite) {
      store.notes.set({ host: host(), model, favourite });
      return Promise.resolve();
    },
    setTags(model, tags) {
      store.notes.set({ host: host(), model, tags: [...tags] });
      return Promise.resolve();
    },
    setNote(model, note) {
      store.notes.set({ host: host(), model, note });
      return Promise.resolve();
    },
  };
}

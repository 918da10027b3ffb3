import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppServices } from '../services.js';
import { buildModelRows, type ModelAnnotation, type ModelRow } from './model-row.js';

export interface ModelRowsResult {
  readonly rows: readonly ModelRow[] | undefined;
  readonly error: string | undefined;
  /** Reloads list + ps (+ annotations) now. */
  readonly refresh: () => Promise<void>;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Installed models joined with what is loaded, the store's notes and each model's capabilities
 * (show(), fetched once per digest in the background), refreshed every `intervalMs`.
 */
export function useModelRows(
  services: AppServices,
  options: {
    intervalMs?: number;
    annotations?: () => Promise<ReadonlyMap<string, ModelAnnotation>>;
    outdated?: ReadonlySet<string>;
  } = {},
): ModelRowsResult {
  const [rows, setRows] = useState<readonly ModelRow[] | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const capabilities = useRef(new Map<string, readonly string[]>());
  const optionsRef = useRef(options);
  optionsRef.current = options;
  const mounted = useRef(true);
  const capabilityFetches = useRef(new Set<string>());
  const latest = useRef<{
    loaded: boolean;
    listed: unknown[];
    running: unknown[];
    annotations: ReadonlyMap<string, ModelAnnotation>;
  }>({ loaded: false, listed: [], running: [], annotations: new Map() });

  const outdated = options.outdated;
  const rebuild = useCallback(() => {
    const { loaded, listed, running, annotations } = latest.current;
    if (!loaded) return;
    setRows(
      buildModelRows({
        listed: listed as Parameters<typeof buildModelRows>[0]['listed'],
        running: running as Parameters<typeof buildModelRows>[0]['running'],
        annotations,
        capabilities: capabilities.current,
        outdated,
      }),
    );
  }, [outdated]);

  const refresh = useCallback(async () => {
    const client = services.client();
    try {
      const [list, ps, annotations] = await Promise.all([
        client.list(),
        client.ps(),
        optionsRef.current.annotations?.() ?? Promise.resolve(new Map<string, ModelAnnotation>()),
      ]);
      if (!mounted.current) return;
      latest.current = {
        loaded: true,
        listed: [...list.models],
        running: [...ps.models],
        annotations,
      };
      setError(undefined);
      rebuild();
      for (const model of list.models) {
        const key = `${model.name}@${String(model.digest ?? '')}`;
        if (capabilityFetches.current.has(key)) continue;
        capabilityFetches.current.add(key);
        client
          .show({ model: model.name })
          .then((show) => {
            const found = show.capabilities;
            capabilities.current.set(model.name, Array.isArray(found) ? found.map(String) : []);
            if (mounted.current) rebuild();
          })
          .catch(() => capabilityFetches.current.delete(key));
      }
    } catch (failure) {
      if (mounted.current) setError(errorText(failure));
    }
  }, [services, rebuild]);

  useEffect(() => {
    mounted.current = true;
    void refresh();
    const timer = setInterval(() => void refresh(), options.intervalMs ?? 5000);
    const unsubscribe = services.subscribe(() => {
      capabilityFetches.current.clear();
      capabilities.current.clear();
      void refresh();
    });
    return () => {
      mounted.current = false;
      clearInterval(timer);
      unsubscribe();
    };
  }, [refresh, services, options.intervalMs]);

  useEffect(() => {
    rebuild();
  }, [rebuild]);

  return { rows, error, refresh };
}

import { checkUpdates } from '@ollamamon/client';
import { useEffect, useRef, useState } from 'react';
import type { ModelRow } from './model-row.js';

/**
 * Names of installed models whose registry manifest differs from the local digest (the client's
 * update check), re-checked whenever the installed names/digests change. Errors leave the set empty:
 * an offline machine simply shows no ⬆ badges.
 */
export function useOutdated(
  rows: readonly ModelRow[] | undefined,
  options: {
    registry?: string | undefined;
    enabled?: boolean;
    onError?: (message: string) => void;
  } = {},
): ReadonlySet<string> {
  const [outdated, setOutdated] = useState<ReadonlySet<string>>(new Set());
  const key = rows?.map((row) => `${row.name}@${row.digest}`).join('\n') ?? '';
  const enabled = options.enabled ?? true;
  const registry = options.registry;
  const onError = useRef(options.onError);
  onError.current = options.onError;
  useEffect(() => {
    if (!enabled || key === '') return;
    const controller = new AbortController();
    const models = key.split('\n').map((entry) => {
      const at = entry.lastIndexOf('@');
      return { name: entry.slice(0, at), digest: entry.slice(at + 1) };
    });
    checkUpdates(models, { signal: controller.signal, ...(registry ? { registry } : {}) })
      .then((checks) => {
        if (controller.signal.aborted) return;
        setOutdated(
          new Set(checks.filter((check) => check.status === 'outdated').map((check) => check.name)),
        );
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) {
          onError.current?.(
            `update check: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
      });
    return () => controller.abort();
  }, [key, registry, enabled]);
  return outdated;
}

import { useEffect, useRef, useState } from 'react';
import type { AppServices } from '../services.js';
import type { HostStatus } from './status-bar.js';

/**
 * Polls the active host's version and loaded models every `intervalMs` (and at once after a host
 * switch), for the status bar and the no-host screen. `lastError` says why the host is down.
 */
export function useHostStatus(
  services: AppServices,
  options: { intervalMs?: number; warnings?: number } = {},
): HostStatus & {
  lastError: string | undefined;
  attempts: number;
  /** Failed checks in a row (0 while up). */
  failures: number;
  /** The host answered at least once since start (or the last switch). */
  everUp: boolean;
  checkNow: () => void;
} {
  const [state, setState] = useState<{
    up: boolean | undefined;
    version: string | undefined;
    loadedModels: number;
    lastError: string | undefined;
    attempts: number;
    failures: number;
    everUp: boolean;
  }>({
    up: undefined,
    version: undefined,
    loadedModels: 0,
    lastError: undefined,
    attempts: 0,
    failures: 0,
    everUp: false,
  });
  const [host, setHost] = useState(services.activeHost().url);
  const hostRef = useRef(host);
  hostRef.current = host;
  const [trigger, setTrigger] = useState(0);
  const intervalMs = options.intervalMs ?? 2000;

  useEffect(
    () =>
      services.subscribe(() => {
        const next = services.activeHost().url;
        // Another host: its history starts afresh.
        if (next !== hostRef.current) {
          setState((state) => ({ ...state, up: undefined, failures: 0, everUp: false }));
        }
        setHost(next);
      }),
    [services],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: `host` and `trigger` restart the loop after a switch or a manual check.
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = async () => {
      const client = services.client();
      try {
        const [version, ps] = await Promise.all([client.version(), client.ps()]);
        if (stopped) return;
        setState((previous) => ({
          up: true,
          version: version.version,
          loadedModels: ps.models.length,
          lastError: undefined,
          attempts: previous.attempts + 1,
          failures: 0,
          everUp: true,
        }));
      } catch (error) {
        if (stopped) return;
        setState((previous) => ({
          ...previous,
          up: false,
          lastError: error instanceof Error ? error.message : String(error),
          attempts: previous.attempts + 1,
          failures: previous.failures + 1,
        }));
      }
      if (!stopped) timer = setTimeout(check, intervalMs);
    };
    void check();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [services, intervalMs, host, trigger]);

  return {
    hostUrl: host,
    up: state.up,
    version: state.version,
    loadedModels: state.loadedModels,
    warnings: options.warnings ?? 0,
    demo: services.demo,
    lastError: state.lastError,
    attempts: state.attempts,
    failures: state.failures,
    everUp: state.everUp,
    checkNow: () => setTrigger((value) => value + 1),
  };
}

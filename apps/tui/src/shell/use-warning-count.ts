import type { Monitor } from '@ollamamon/monitor';
import { useEffect, useState } from 'react';

/**
 * The monitor's current warnings count for the status bar. The monitor is started `startAfterMs`
 * after the first frame (so start-up stays fast); starting it again later is harmless.
 */
export function useWarningCount(monitor: Monitor | undefined, startAfterMs = 1500): number {
  const [count, setCount] = useState(() => monitor?.snapshot()?.warnings.length ?? 0);
  useEffect(() => {
    if (!monitor) return;
    const off = monitor.on('sample', (snapshot) => setCount(snapshot.warnings.length));
    const timer = setTimeout(() => {
      monitor.start().catch(() => undefined);
    }, startAfterMs);
    return () => {
      off();
      clearTimeout(timer);
    };
  }, [monitor, startAfterMs]);
  return count;
}

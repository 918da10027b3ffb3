/**
 * Resolves after `ms` (at once for 0), never early by `performance.now()` (Node timers may fire
 * up to a millisecond early); rejects with the signal's reason when aborted.
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  if (ms <= 0) return Promise.resolve();
  const deadline = performance.now() + ms;
  return new Promise((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout>;
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const wake = (): void => {
      const left = deadline - performance.now();
      if (left > 0) {
        timer = setTimeout(wake, Math.max(1, Math.ceil(left)));
        return;
      }
      signal?.removeEventListener('abort', onAbort);
      resolve();
    };
    timer = setTimeout(wake, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

import type { FitDevices, FitGpu } from './estimate-fit.js';
import type { MonitorSnapshot } from './types.js';

/**
 * The free GPU memory and RAM of a snapshot, as `estimateFit` takes them. Apple's unified memory
 * counts as one Metal GPU with the available RAM.
 */
export function fitDevices(snapshot: MonitorSnapshot): FitDevices {
  const ramFreeBytes = snapshot.memory.available ? snapshot.memory.availableBytes : 0;
  if (!snapshot.gpus.available) return { gpus: [], ramFreeBytes };
  const gpus = snapshot.gpus.devices.flatMap((device): FitGpu[] => {
    if (device.unifiedMemory)
      return [{ freeBytes: ramFreeBytes, library: 'metal' as const, name: device.name }];
    if (device.memoryTotalBytes === null) return [];
    return [
      {
        freeBytes: device.memoryTotalBytes - (device.memoryUsedBytes ?? 0),
        library: device.vendor === 'amd' ? ('rocm' as const) : ('cuda' as const),
        name: device.name,
      },
    ];
  });
  return { gpus, ramFreeBytes };
}

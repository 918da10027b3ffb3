export type { Monitor, MonitorEvents, MonitorOptions, MonitorSources } from './create-monitor.js';
export { createMonitor } from './create-monitor.js';
export { MonitorOptionError } from './errors/monitor-option-error.js';
export type {
  EstimateFitInput,
  FitDevices,
  FitEstimate,
  FitGpu,
  FitVerdict,
  KvCacheType,
  ShowForFit,
} from './estimate-fit.js';
export { estimateFit } from './estimate-fit.js';
export type { WarningThresholds } from './evaluate-warnings.js';
export { defaultWarningThresholds, evaluateWarnings } from './evaluate-warnings.js';
export { fitDevices } from './fit-devices.js';
export type { FitWarningInput } from './fit-warning.js';
export { fitWarning } from './fit-warning.js';
export { formatBytes } from './format-bytes.js';
export type { History, HistoryOptions, Series } from './history.js';
export { createHistory } from './history.js';
export type {
  CommandResult,
  CommandRunner,
  DirectoryReader,
  FileReader,
  LineProcess,
  LineProcessExit,
  LineProcessHandlers,
  LineSpawner,
  SystemIo,
} from './io/system-io.js';
export { createSystemIo } from './io/system-io.js';
export { attachVram, joinModels } from './join-models.js';
export type {
  ModelPerformance,
  ObserveInput,
  OllamaTimings,
  PerformanceObservation,
  PerformanceTracker,
} from './performance-tracker.js';
export { createPerformanceTracker } from './performance-tracker.js';
export type { CpuSourceOptions } from './sources/cpu-source.js';
export { createCpuSource } from './sources/cpu-source.js';
export type { GpuSourceOptions, GraphicsController } from './sources/gpu-source.js';
export { createGpuSource } from './sources/gpu-source.js';
export type { MemorySourceOptions } from './sources/memory-source.js';
export { createMemorySource } from './sources/memory-source.js';
export type { HostPs, MonitorClient, MonitorHost, PsModel } from './sources/ollama-model-source.js';
export {
  blobPathFromModelfile,
  createOllamaModelSource,
  isLoopbackUrl,
} from './sources/ollama-model-source.js';
export type { OllamaProcessSourceOptions } from './sources/ollama-process-source.js';
export { createOllamaProcessSource } from './sources/ollama-process-source.js';
export type { Source } from './sources/source.js';
export type { TemperatureSourceOptions } from './sources/temperature-source.js';
export { createTemperatureSource } from './sources/temperature-source.js';
export { toPrometheus } from './to-prometheus.js';
export type {
  CpuReading,
  GpuDevice,
  GpuProcess,
  GpuReadingData,
  GpuVendor,
  HostReading,
  LoadedModel,
  MemoryPressure,
  MemoryReading,
  MonitorSnapshot,
  MonitorWarning,
  OllamaProcess,
  OllamaProcessesData,
  OllamaProcessRole,
  Reading,
  TemperatureReading,
  TemperatureSensor,
  Unavailable,
  WarningCode,
  WarningLevel,
} from './types.js';

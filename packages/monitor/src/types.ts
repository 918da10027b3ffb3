/** A reading that a source could not take, with the reason (a missing tool is not an error). */
export interface Unavailable {
  available: false;
  reason: string;
}

/** A source's reading: the data, or why there is none. */
export type Reading<TData> = ({ available: true } & TData) | Unavailable;

export interface CpuReading {
  /** Busy share of all cores since the previous sample, 0..100. */
  utilisationPercent: number;
  /** Busy share per core, 0..100, in core order. */
  perCorePercent: number[];
  /** 1, 5 and 15 minute load averages (zeros where the OS has none, e.g. Windows). */
  loadAverage: [number, number, number];
  /** Mean current core frequency in MHz, null where the OS does not expose it. */
  frequencyMhz: number | null;
  cores: number;
}

export interface MemoryPressure {
  /** Share of time (0..100) some task stalled on memory, averaged over 10 s / 60 s. */
  someAvg10: number;
  someAvg60: number;
  /** Share of time all non-idle tasks stalled on memory. */
  fullAvg10: number;
  fullAvg60: number;
}

export interface MemoryReading {
  totalBytes: number;
  /** totalBytes - availableBytes. */
  usedBytes: number;
  /** What can be allocated without swapping (MemAvailable), not just free. */
  availableBytes: number;
  swapTotalBytes: number;
  swapUsedBytes: number;
  /** Swap-in / swap-out rates since the previous sample; null on the first sample or where unknown. */
  swapInBytesPerSecond: number | null;
  swapOutBytesPerSecond: number | null;
  /** Linux PSI (/proc/pressure/memory), null where absent. */
  pressure: MemoryPressure | null;
}

export type GpuVendor = 'nvidia' | 'amd' | 'apple' | 'other';

export interface GpuDevice {
  index: number;
  /** Stable id: NVIDIA UUID, AMD card name, or a synthetic id. */
  id: string;
  vendor: GpuVendor;
  name: string;
  utilisationPercent: number | null;
  memoryUsedBytes: number | null;
  memoryTotalBytes: number | null;
  temperatureCelsius: number | null;
  powerWatts: number | null;
  powerLimitWatts: number | null;
  fanPercent: number | null;
  smClockMhz: number | null;
  memoryClockMhz: number | null;
  /** True for Apple silicon, where GPU memory is the system RAM. */
  unifiedMemory: boolean;
}

export interface GpuProcess {
  pid: number;
  /** Index of the device in `devices`. */
  gpuIndex: number;
  processName: string;
  usedMemoryBytes: number;
}

export interface GpuReadingData {
  /** Which backend produced the reading: 'nvidia-smi', 'rocm-smi', 'apple', 'systeminformation'. */
  backend: string;
  devices: GpuDevice[];
  /** Per-process GPU memory, where the backend reports it. */
  processes: GpuProcess[];
}

export interface TemperatureSensor {
  label: string;
  celsius: number;
}

export interface TemperatureReading {
  /** Hottest CPU package/core sensor, null where the OS exposes none. */
  cpuCelsius: number | null;
  sensors: TemperatureSensor[];
}

export type OllamaProcessRole = 'serve' | 'runner';

export interface OllamaProcess {
  pid: number;
  parentPid: number | null;
  role: OllamaProcessRole;
  command: string;
  /** CPU use since the previous sample, in percent of one core (200 = two cores busy). Null on the first sample. */
  cpuPercent: number | null;
  rssBytes: number;
  /** Sum over GPUs of this process's GPU memory (from the GPU per-process list). */
  vramBytes: number;
  /** Runner only: the model file (`--model`), port, context size and GPU layers from its command line. */
  modelPath: string | null;
  port: number | null;
  contextSize: number | null;
  gpuLayers: number | null;
}

export interface OllamaProcessesData {
  processes: OllamaProcess[];
}

/** A model from `/api/ps` (Ollama's field names) joined with its runner process and GPUs. */
export interface LoadedModel {
  name: string;
  model: string;
  digest: string;
  size: number;
  size_vram: number;
  context_length: number | null;
  expires_at: string | null;
  parameterSize: string | null;
  quantizationLevel: string | null;
  /** Share of the model in system RAM (0..1): 1 - size_vram / size. */
  cpuShare: number;
  /** Runner process, when it runs on this machine and could be matched. */
  runnerPid: number | null;
  /** How the runner was matched: the model blob path in its command line, or the only candidate. */
  runnerMatch: 'model-path' | 'only-candidate' | null;
  /** GPUs holding this model, as reported per process by the GPU tool. */
  devices: Array<{ gpuIndex: number; name: string; usedMemoryBytes: number }>;
}

export interface HostReading {
  name: string;
  /** Whether the host runs on this machine (its runners are joined with local processes). */
  local: boolean;
  up: boolean;
  /** Why the host is down. */
  error: string | null;
  models: LoadedModel[];
}

export type WarningLevel = 'info' | 'warning' | 'critical';

export type WarningCode =
  | 'memory-pressure'
  | 'swap-growing'
  | 'vram-nearly-full'
  | 'model-spilling-to-cpu'
  | 'model-will-not-fit'
  | 'gpu-temperature-high'
  | 'host-down';

/** A warning as data. `subject` tells same-code warnings apart (e.g. `gpu:0`, `host:local`). */
export interface MonitorWarning {
  level: WarningLevel;
  code: WarningCode;
  subject: string;
  message: string;
}

export interface MonitorSnapshot {
  /** Sequence number of the sample, from 1. */
  sequence: number;
  /** Wall-clock time of the sample, ms since the epoch. */
  takenAtMs: number;
  cpu: Reading<CpuReading>;
  memory: Reading<MemoryReading>;
  gpus: Reading<GpuReadingData>;
  temperatures: Reading<TemperatureReading>;
  processes: Reading<OllamaProcessesData>;
  hosts: HostReading[];
  warnings: MonitorWarning[];
}

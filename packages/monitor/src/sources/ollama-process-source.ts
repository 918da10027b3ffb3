import { createSystemIo, describeCommandFailure, type SystemIo } from '../io/system-io.js';
import { parsePidStat } from '../parsers/parse-proc-pid-stat.js';
import { parsePsOutput, psArguments } from '../parsers/parse-ps-output.js';
import { type OllamaCommand, parseOllamaCommand } from '../parsers/parse-runner-args.js';
import type { OllamaProcess, OllamaProcessesData } from '../types.js';
import { errorMessage, type Source, unavailable } from './source.js';

export interface OllamaProcessSourceOptions {
  io?: SystemIo;
  /** @default '/proc' */
  procRoot?: string;
  /** USER_HZ, the unit of /proc/<pid>/stat CPU times. @default 100 */
  clockTicksPerSecond?: number;
  /** @default 4096 */
  pageSizeBytes?: number;
  now?: () => number;
  /**
   * How often /proc is listed for new Ollama processes; in between only the known ones are read.
   * A runner started by a model load shows up within this time. @default 5000
   */
  discoveryIntervalMs?: number;
}

/** comm values (15 characters at most) that may be an Ollama process. */
const candidateComm = /^(ollama|ollama\.exe|ollama_llama_se|ollama_runner)/;

interface Known {
  command: OllamaCommand | null;
  argv: string[];
  previous: { cpuTicks: number; atMs: number } | null;
}

/**
 * The `ollama serve` process and its runners with CPU% and RSS (VRAM is joined from the GPU reading).
 * On Linux it lists /proc, reads `comm` and `cmdline` once per new pid and then only
 * /proc/<pid>/stat of Ollama's own processes: no spawn. Elsewhere it runs `ps` each sample.
 */
export function createOllamaProcessSource(
  options: OllamaProcessSourceOptions = {},
): Source<OllamaProcessesData> {
  const io = options.io ?? createSystemIo();
  const procRoot = options.procRoot ?? '/proc';
  const ticks = options.clockTicksPerSecond ?? 100;
  const pageSizeBytes = options.pageSizeBytes ?? 4096;
  const now = options.now ?? Date.now;
  const known = new Map<number, Known>();
  const discoveryIntervalMs = options.discoveryIntervalMs ?? 5000;
  let listedAtMs: number | null = null;

  const identify = async (pid: number): Promise<Known> => {
    const comm = (await io.readFile(`${procRoot}/${pid}/comm`).catch(() => '')).trim();
    if (!candidateComm.test(comm)) return { command: null, argv: [], previous: null };
    const argv = (await io.readFile(`${procRoot}/${pid}/cmdline`).catch(() => ''))
      .split('\0')
      .filter((part) => part.length > 0);
    return { command: parseOllamaCommand(argv), argv, previous: null };
  };

  const listPids = async (): Promise<number[]> => {
    if (listedAtMs !== null && now() - listedAtMs < discoveryIntervalMs) {
      // Between listings: only Ollama's own processes (a gone one fails its stat read below).
      return [...known]
        .filter(([, entry]) => entry.command !== null)
        .map(([pid]) => pid)
        .sort((left, right) => left - right);
    }
    listedAtMs = now();
    const pids = (await io.readDir(procRoot))
      .filter((name) => /^\d+$/.test(name))
      .map(Number)
      .sort((left, right) => left - right);
    const alive = new Set(pids);
    for (const pid of known.keys()) if (!alive.has(pid)) known.delete(pid);
    return pids;
  };

  const sampleLinux = async (): Promise<OllamaProcess[]> => {
    const pids = await listPids();
    const processes: OllamaProcess[] = [];
    for (const pid of pids) {
      let entry = known.get(pid);
      if (!entry) {
        entry = await identify(pid);
        known.set(pid, entry);
      }
      const command = entry.command;
      if (!command) continue;
      let stat: ReturnType<typeof parsePidStat>;
      try {
        stat = parsePidStat(await io.readFile(`${procRoot}/${pid}/stat`));
      } catch {
        known.delete(pid); // exited between listing and reading
        continue;
      }
      const atMs = now();
      const previous = entry.previous;
      entry.previous = { cpuTicks: stat.cpuTicks, atMs };
      processes.push({
        pid,
        parentPid: stat.parentPid,
        role: command.role,
        command: entry.argv.join(' '),
        cpuPercent:
          previous && atMs > previous.atMs
            ? ((stat.cpuTicks - previous.cpuTicks) / ticks / ((atMs - previous.atMs) / 1000)) * 100
            : null,
        rssBytes: stat.rssPages * pageSizeBytes,
        vramBytes: 0,
        modelPath: command.modelPath,
        port: command.port,
        contextSize: command.contextSize,
        gpuLayers: command.gpuLayers,
      });
    }
    return processes;
  };

  const samplePs = async (): Promise<OllamaProcess[]> => {
    const result = await io.run('ps', psArguments);
    const processes: OllamaProcess[] = [];
    for (const row of parsePsOutput(result.stdout)) {
      // Paths with spaces ("/Applications/Ollama.app/...") are rare for the binary; argv is split on spaces.
      const argv = row.args.split(/\s+/);
      const command = parseOllamaCommand(argv);
      if (!command) continue;
      processes.push({
        pid: row.pid,
        parentPid: row.parentPid,
        role: command.role,
        command: row.args,
        cpuPercent: row.cpuPercent,
        rssBytes: row.rssBytes,
        vramBytes: 0,
        modelPath: command.modelPath,
        port: command.port,
        contextSize: command.contextSize,
        gpuLayers: command.gpuLayers,
      });
    }
    return processes;
  };

  return {
    name: 'processes',
    async sample() {
      try {
        const processes = io.platform === 'linux' ? await sampleLinux() : await samplePs();
        return { available: true, processes };
      } catch (error) {
        return unavailable(
          io.platform === 'linux'
            ? `cannot list ${procRoot}: ${errorMessage(error)}`
            : describeCommandFailure('ps', error),
        );
      }
    },
  };
}

import { describe, expect, it } from 'vitest';
import { parseNvidiaAppLine, parseNvidiaGpuLine } from './parse-nvidia-smi.js';
import { parsePidStat } from './parse-proc-pid-stat.js';
import { parseRocmSmi } from './parse-rocm-smi.js';
import { parseOllamaCommand } from './parse-runner-args.js';

describe('parseNvidiaGpuLine', () => {
  it('reads [N/A] and [Not Supported] cells as null', () => {
    const device = parseNvidiaGpuLine(
      '0, GPU-1, Tesla T4, 0, 0, 15360, [N/A], 9.80, 70.00, [Not Supported], 300, 405',
    );
    expect(device).toMatchObject({
      memoryUsedBytes: 0,
      temperatureCelsius: null,
      fanPercent: null,
      powerWatts: 9.8,
    });
  });

  it('ignores lines that are not rows', () => {
    expect(parseNvidiaGpuLine('No devices were found')).toBeNull();
    expect(parseNvidiaAppLine('No running processes found')).toBeNull();
  });
});

describe('parsePidStat', () => {
  it('reads fields after a comm that holds spaces and parentheses', () => {
    const stat = parsePidStat(
      '77 (weird ) name) S 1 77 77 0 -1 0 0 0 0 0 12 8 0 0 20 0 1 0 5 100 42 0',
    );
    expect(stat).toEqual({
      pid: 77,
      comm: 'weird ) name',
      parentPid: 1,
      cpuTicks: 20,
      rssPages: 42,
    });
  });
});

describe('parseOllamaCommand', () => {
  it('recognises serve, the runner subcommand and the legacy runner binary, and nothing else', () => {
    expect(parseOllamaCommand(['/usr/bin/ollama', 'serve'])?.role).toBe('serve');
    expect(
      parseOllamaCommand([
        'ollama',
        'runner',
        '--ollama-engine',
        '--model',
        '/m/sha256-a',
        '--port',
        '1234',
      ]),
    ).toEqual({
      role: 'runner',
      modelPath: '/m/sha256-a',
      port: 1234,
      contextSize: null,
      gpuLayers: null,
    });
    expect(
      parseOllamaCommand([
        '/tmp/ollama1/runners/cuda_v12/ollama_llama_server',
        '--model',
        '/m',
        '--ctx-size',
        '2048',
        '--n-gpu-layers',
        '33',
      ])?.gpuLayers,
    ).toBe(33);
    expect(parseOllamaCommand(['ollama', 'run', 'llama3.2'])).toBeNull();
    expect(parseOllamaCommand(['/usr/bin/python3', 'serve'])).toBeNull();
  });
});

describe('parseRocmSmi', () => {
  it('rejects output that is not JSON with a SyntaxError', () => {
    expect(() => parseRocmSmi('WARNING: AMD GPU device(s) is/are in a low-power state')).toThrow(
      SyntaxError,
    );
  });
});

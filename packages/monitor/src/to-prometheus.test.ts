import { describe, expect, it } from 'vitest';
import { healthySnapshot, hostPs, runner } from './__fixtures__/snapshots.js';
import { evaluateWarnings } from './evaluate-warnings.js';
import { joinModels } from './join-models.js';
import { toPrometheus } from './to-prometheus.js';

describe('toPrometheus', () => {
  it('writes gauges with HELP and TYPE lines and escaped labels', () => {
    const base = healthySnapshot();
    const hosts = joinModels(
      [hostPs({ name: 'lab "west"' })],
      { available: true, processes: [runner()] },
      base.gpus,
    );
    const snapshot = {
      ...base,
      hosts,
      processes: { available: true as const, processes: [runner()] },
    };
    const text = toPrometheus({ ...snapshot, warnings: evaluateWarnings(snapshot, null) });
    expect(text).toContain(
      '# HELP ollamamon_cpu_utilisation_ratio Busy share of all CPU cores (0..1).\n# TYPE ollamamon_cpu_utilisation_ratio gauge\nollamamon_cpu_utilisation_ratio 0.125\n',
    );
    expect(text).toContain(
      'ollamamon_gpu_memory_used_bytes{gpu="0",name="NVIDIA GeForce RTX 4090"} 4294967296\n',
    );
    expect(text).toContain('ollamamon_host_up{host="lab \\"west\\""} 1\n');
    expect(text).toContain(
      'ollamamon_model_vram_bytes{host="lab \\"west\\"",model="llama3.1:70b"} 29360128000\n',
    );
    expect(text).toContain('ollamamon_process_cpu_ratio{pid="4121",role="runner"} 1\n');
    expect(text).toContain('ollamamon_warnings{level="warning"} 1\n');
    // One HELP/TYPE pair per family, every sample line well formed.
    for (const line of text.trimEnd().split('\n')) {
      expect(line).toMatch(
        /^(# (HELP|TYPE) ollamamon_\w+ .+|ollamamon_\w+(\{[^}]*\})? -?[\d.e+-]+)$/,
      );
    }
    expect(text.match(/# TYPE ollamamon_cpu_core_utilisation_ratio/g)).toHaveLength(1);
  });

  it('leaves unknown values out and says the GPU is unavailable', () => {
    const text = toPrometheus(
      healthySnapshot({ gpus: { available: false, reason: 'no GPU found' } }),
    );
    expect(text).toContain('ollamamon_gpu_available 0\n');
    expect(text).not.toContain('ollamamon_gpu_memory_used_bytes');
  });
});

import { buildModelRows, type ModelRow } from './model-row.js';

/** Rows shaped like a real /api/tags answer, for reducer and component tests. */
export function testRows(): ModelRow[] {
  const day = 86_400_000;
  const now = Date.UTC(2026, 10, 20);
  return buildModelRows({
    listed: [
      {
        name: 'llama3.2:3b',
        digest: 'a80c4f17acd5',
        size: 2_019_393_189,
        modified_at: new Date(now - 2 * day).toISOString(),
        details: { family: 'llama', parameter_size: '3.2B', quantization_level: 'Q4_K_M' },
      },
      {
        name: 'qwen3:8b',
        digest: '500a1f067a9f',
        size: 5_225_376_047,
        modified_at: new Date(now - 10 * day).toISOString(),
        details: { family: 'qwen3', parameter_size: '8.2B', quantization_level: 'Q4_K_M' },
      },
      {
        name: 'llava:7b',
        digest: '8dd30f6b0cb1',
        size: 4_733_363_377,
        modified_at: new Date(now - 30 * day).toISOString(),
        details: { family: 'llama', parameter_size: '7B', quantization_level: 'Q4_0' },
      },
      {
        name: 'nomic-embed-text:latest',
        digest: '0a109f422b47',
        size: 274_302_450,
        modified_at: new Date(now - day).toISOString(),
        details: { family: 'nomic-bert', parameter_size: '137M', quantization_level: 'F16' },
      },
    ],
    running: [{ name: 'qwen3:8b', size: 6_000_000_000, size_vram: 4_500_000_000 }],
    annotations: new Map([['llava:7b', { favourite: true, tags: ['vision', 'work'] }]]),
    capabilities: new Map([
      ['llama3.2:3b', ['completion', 'tools']],
      ['qwen3:8b', ['completion', 'tools', 'thinking']],
      ['llava:7b', ['completion', 'vision']],
      ['nomic-embed-text:latest', ['embedding']],
    ]),
    outdated: new Set(['llama3.2:3b']),
  });
}

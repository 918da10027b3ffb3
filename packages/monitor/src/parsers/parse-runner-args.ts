import type { OllamaProcessRole } from '../types.js';

export interface OllamaCommand {
  role: OllamaProcessRole;
  modelPath: string | null;
  port: number | null;
  contextSize: number | null;
  gpuLayers: number | null;
}

/**
 * Recognises Ollama's processes from their argv: `ollama serve`, the runner subcommand
 * (`ollama runner --model <blob> --port N ...`, Ollama >= 0.5) and the older separate binary
 * (`.../runners/cuda_v12/ollama_llama_server --model <blob> --ctx-size N --n-gpu-layers N --port N`).
 * Returns null for anything else (including the `ollama run` CLI).
 */
export function parseOllamaCommand(argv: string[]): OllamaCommand | null {
  const executable = (argv[0] ?? '').split(/[\\/]/).pop() ?? '';
  const isOllama = /^ollama(\.exe)?$/i.test(executable);
  const isLegacyRunner = /^(ollama_llama_server|ollama_runner)/i.test(executable);
  let role: OllamaProcessRole | null = null;
  if (isLegacyRunner || (isOllama && argv[1] === 'runner')) role = 'runner';
  else if (isOllama && argv[1] === 'serve') role = 'serve';
  if (!role) return null;
  const option = (name: string) => {
    const index = argv.indexOf(name);
    return index >= 0 ? (argv[index + 1] ?? null) : null;
  };
  const number = (name: string) => {
    const value = option(name);
    return value !== null && /^\d+$/.test(value) ? Number(value) : null;
  };
  return {
    role,
    modelPath: role === 'runner' ? option('--model') : null,
    port: number('--port'),
    contextSize: number('--ctx-size'),
    gpuLayers: number('--n-gpu-layers'),
  };
}

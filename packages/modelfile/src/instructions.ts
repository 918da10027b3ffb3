import type { Instruction } from './types';

/** Keywords in the order Ollama's error message lists them. */
export const INSTRUCTIONS: readonly Instruction[] = [
  'FROM',
  'LICENSE',
  'TEMPLATE',
  'SYSTEM',
  'ADAPTER',
  'DRAFT',
  'RENDERER',
  'PARSER',
  'PARAMETER',
  'MESSAGE',
  'REQUIRES',
];

const byLowerCase = new Map<string, Instruction>(
  INSTRUCTIONS.map((instruction) => [instruction.toLowerCase(), instruction]),
);

/** The instruction a keyword names (case-insensitive, as Ollama matches), or undefined. */
export function instructionOf(keyword: string): Instruction | undefined {
  return byLowerCase.get(keyword.toLowerCase());
}

/** `Command.Name` of commands that are not parameters. */
export const NON_PARAMETER_NAMES: ReadonlySet<string> = new Set([
  'model',
  'adapter',
  'license',
  'template',
  'system',
  'draft',
  'renderer',
  'parser',
  'requires',
  'message',
]);

/** Whether a command (by its `name`) is a PARAMETER. */
export function isParameterCommand(name: string): boolean {
  return !NON_PARAMETER_NAMES.has(name);
}

/** The instruction that produces a command name: `model` → FROM, a parameter → PARAMETER. */
export function instructionForName(name: string): Instruction {
  if (name === 'model') return 'FROM';
  if (NON_PARAMETER_NAMES.has(name)) return name.toUpperCase() as Instruction;
  return 'PARAMETER';
}

/** Ollama's message roles (case-sensitive). */
export const MESSAGE_ROLES = ['system', 'user', 'assistant'] as const;

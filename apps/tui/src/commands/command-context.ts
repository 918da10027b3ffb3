import type { CliOptions } from '../cli-options.js';
import type { AppServices } from '../services.js';

/** What every subcommand gets: parsed flags, operands, services and where to write. */
export interface CommandContext {
  readonly options: CliOptions;
  readonly operands: readonly string[];
  readonly services: AppServices;
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

/** Prints a value as pretty JSON followed by a newline. */
export function printJson(context: CommandContext, value: unknown): void {
  context.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

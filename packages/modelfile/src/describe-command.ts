import { instructionForName, isParameterCommand } from './instructions';
import type { CommandLike, ModelfileCommand } from './types';

/** `PARAMETER num_ctx (line 3)`, `SYSTEM`: how messages name a command. */
export function describeCommand(command: CommandLike | ModelfileCommand): string {
  const instruction = instructionForName(command.name);
  let label: string = instruction;
  if (isParameterCommand(command.name)) label = `PARAMETER ${command.name}`;
  else if (command.name === 'message') label = `MESSAGE ${command.args.split(': ')[0]}`;
  const start = (command as Partial<ModelfileCommand>).start;
  return start ? `${label} (line ${start.line})` : label;
}

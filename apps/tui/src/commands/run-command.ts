import type { CliOptions, SubcommandName } from '../cli-options.js';
import { createServices } from '../create-services.js';
import { type CommandContext, errorText } from './command-context.js';
import { runHosts } from './hosts.js';
import { runLs } from './ls.js';
import { runOutdated } from './outdated.js';
import { runPs } from './ps.js';
import { runPull } from './pull.js';
import { runRm } from './rm.js';

const runners: Record<SubcommandName, (context: CommandContext) => Promise<number>> = {
  ls: runLs,
  ps: runPs,
  pull: runPull,
  rm: runRm,
  outdated: runOutdated,
  hosts: runHosts,
};

/** Runs one non-interactive subcommand; a host that does not answer is a one-line error, exit 1. */
export async function runCommand(input: {
  command: SubcommandName;
  options: CliOptions;
  operands: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
}): Promise<number> {
  const services = await createServices({
    host: input.options.host,
    profile: input.options.profile,
    demo: input.options.demo,
    registry: input.options.registry,
    env: input.env,
    monitor: false,
    // ls (notes, last use) and hosts (the hosts list) read the store; the others only need it for
    // the hosts in settings when no host was named.
    openStore:
      input.command === 'ls' ||
      input.command === 'hosts' ||
      (!input.options.host && !input.env.OLLAMA_HOST && !input.options.demo),
  });
  try {
    return await runners[input.command]({
      options: input.options,
      operands: input.operands,
      services,
      stdout: process.stdout,
      stderr: process.stderr,
    });
  } catch (error) {
    process.stderr.write(`ollamamon ${input.command}: ${errorText(error)}\n`);
    return 1;
  } finally {
    await services.close();
  }
}

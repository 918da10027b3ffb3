import { helpText, parseCliArguments, UsageError } from './cli-options.js';

declare const __PACKAGE_VERSION__: string;
const version = typeof __PACKAGE_VERSION__ === 'string' ? __PACKAGE_VERSION__ : '0.0.0-dev';

const minimumNodeMajor = 22;

async function main(): Promise<number> {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < minimumNodeMajor) {
    process.stderr.write(
      `ollamamon needs Node.js ${minimumNodeMajor} or newer (this is ${process.version}). ` +
        'From the repository, bash scripts/start.sh provisions one.\n',
    );
    return 1;
  }
  const env: Record<string, string | undefined> = { ...process.env };
  let parsed: ReturnType<typeof parseCliArguments>;
  try {
    parsed = parseCliArguments(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`ollamamon: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const { options, command, operands } = parsed;
  if (options.help) {
    process.stdout.write(helpText(version));
    return 0;
  }
  if (options.version) {
    process.stdout.write(`${version}\n`);
    return 0;
  }
  if (env.NO_COLOR || options.theme === 'no-color') {
    // Before Ink (and chalk) load: no colour from any component, ours or @inkjs/ui's.
    process.env.FORCE_COLOR = '0';
  }
  if (options.registry) env.OLLAMAMON_REGISTRY = options.registry;
  else if (env.OLLAMAMON_REGISTRY) options.registry = env.OLLAMAMON_REGISTRY;
  // Loaded on demand, so `--help` and subcommands do not pay for React and Ink.
  if (command) {
    const { runCommand } = await import('./commands/run-command.js');
    return runCommand({ command, options, operands, env });
  }
  const { loadInk } = await import('./load-ink.js');
  await loadInk();
  const { runTui } = await import('./run-tui.js');
  return runTui(options, env);
}

main().then(
  (code) => {
    process.exitCode = code;
    // Keep-alive sockets or a stray timer must not hold the process once we are done.
    setTimeout(() => process.exit(code), 50).unref();
  },
  (error: unknown) => {
    // A user mistake (bad flag value, unknown profile, unparsable host) is one line; a crash keeps its stack.
    const known =
      error instanceof UsageError ||
      (typeof error === 'object' && error !== null && Symbol.for('ollamamon.error') in error);
    const text =
      error instanceof Error
        ? known
          ? error.message
          : (error.stack ?? error.message)
        : String(error);
    process.stderr.write(`ollamamon: ${text}\n`);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);

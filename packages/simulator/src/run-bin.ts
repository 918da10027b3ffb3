import { catalogue } from './catalogue.js';
import { helpText, parseArguments, UsageError } from './parse-arguments.js';
import { type Simulator, startSimulator } from './start-simulator.js';

/** Where the bin writes. */
export interface BinOutput {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** The result of {@link runBin}: a running simulator, or an exit code. */
export type BinResult = { simulator: Simulator } | { exitCode: number };

const names = catalogue.map((spec) => spec.name);

/** `ollamamon-sim` without the process: parses flags, starts the simulator, prints where it listens. */
export async function runBin(argv: string[], output: BinOutput): Promise<BinResult> {
  let args: ReturnType<typeof parseArguments>;
  try {
    args = parseArguments(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    output.err(`ollamamon-sim: ${error.message}\n\n${helpText(names)}`);
    return { exitCode: 2 };
  }
  if (args.help) {
    output.out(helpText(names));
    return { exitCode: 0 };
  }
  try {
    const simulator = await startSimulator({
      port: args.port,
      hostname: args.host,
      models: args.models,
      // Model-dependent rates unless a fixed delay is asked for.
      realisticRates: args.tokenDelayMs === undefined,
      tokenDelayMs: args.tokenDelayMs,
      loadDelayMs: args.loadDelayMs ?? 800,
      pullBytesPerSecond: 1024 * 2 ** 20,
      vramBytes: args.vramBytes,
      onRequest: args.verbose
        ? (entry) =>
            output.err(
              `${entry.method} ${entry.path} ${entry.status} ${entry.durationMs.toFixed(1)}ms`,
            )
        : undefined,
    });
    output.out(`ollamamon-sim listening on ${simulator.url}`);
    output.out(`models: ${simulator.installed().join(', ')}`);
    output.out(`try: curl ${simulator.url}/api/tags   (Ctrl+C to stop)`);
    return { simulator };
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (error instanceof TypeError) {
      output.err(`ollamamon-sim: ${error.message}`);
      return { exitCode: 2 };
    }
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
      output.err(
        `ollamamon-sim: cannot listen on ${args.host}:${args.port}: ${code} (try another --port, or --port 0)`,
      );
      return { exitCode: 1 };
    }
    throw error;
  }
}

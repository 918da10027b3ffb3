#!/usr/bin/env node
import { catalogue } from './catalogue.js';
import { helpText, parseArguments, UsageError } from './parse-arguments.js';
import { startSimulator } from './start-simulator.js';

const names = catalogue.map((spec) => spec.name);

async function main(): Promise<void> {
  const args = parseArguments(process.argv.slice(2));
  if (args.help) {
    console.log(helpText(names));
    return;
  }
  const simulator = await startSimulator({
    port: args.port,
    hostname: args.host,
    models: args.models,
    tokenDelayMs: args.tokenDelayMs ?? 20,
    loadDelayMs: args.loadDelayMs ?? 800,
    pullBytesPerSecond: 200 * 2 ** 20,
    vramBytes: args.vramBytes,
    onRequest: args.verbose
      ? (entry) =>
          console.error(
            `${entry.method} ${entry.path} ${entry.status} ${entry.durationMs.toFixed(1)}ms`,
          )
      : undefined,
  });
  console.log(`ollamamon-sim listening on ${simulator.url}`);
  console.log(`models: ${simulator.installed().join(', ')}`);
  console.log(`try: OLLAMA_HOST=${simulator.url} ollama list   (Ctrl+C to stop)`);
  const stop = (): void => {
    void simulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof UsageError || error instanceof TypeError) {
    console.error(`ollamamon-sim: ${error.message}`);
    if (error instanceof UsageError) console.error(`\n${helpText(names)}`);
    process.exit(2);
  }
  const code = (error as { code?: string }).code;
  if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
    console.error(`ollamamon-sim: cannot listen: ${(error as Error).message} (try --port 0)`);
    process.exit(1);
  }
  throw error;
});

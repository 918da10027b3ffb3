#!/usr/bin/env node
import { runBin } from './run-bin.js';

const result = await runBin(process.argv.slice(2), {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
if ('exitCode' in result) {
  process.exitCode = result.exitCode;
} else {
  const { simulator } = result;
  const stop = (): void => {
    void simulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

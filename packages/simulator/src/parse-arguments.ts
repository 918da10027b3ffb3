/** Flags of the `ollamamon-sim` bin. */
export interface BinArguments {
  port: number;
  host: string;
  models?: string[];
  verbose: boolean;
  help: boolean;
  tokenDelayMs?: number;
  loadDelayMs?: number;
  vramBytes?: number;
}

/** One entry per flag: the help text is generated from this list. */
export const flags = [
  ['--port <n>', 'port to listen on (0 = a random free port)', '11434'],
  ['--host <address>', 'address to bind', '127.0.0.1'],
  [
    '--models <a,b,...>',
    'models installed at start, from the catalogue',
    'qwen3:0.6b,gemma3:4b,nomic-embed-text:latest',
  ],
  [
    '--token-delay-ms <n>',
    'fixed delay between generated tokens',
    'by model: ~220 tok/s at 1B, ~63 at 8B, slower when spilled to CPU',
  ],
  ['--load-delay-ms <n>', 'time to load a model', '800'],
  ['--vram-gb <n>', 'simulated GPU memory in GiB', '16'],
  ['--verbose', 'log every request to stderr', 'off'],
  ['--help', 'show this help', ''],
] as const;

/** Thrown for a bad command line; the bin prints the message and the help. */
export class UsageError extends Error {
  override name = 'UsageError';
}

function number(flag: string, value: string | undefined): number {
  const parsed = Number(value);
  if (value === undefined || value === '' || !Number.isFinite(parsed) || parsed < 0) {
    throw new UsageError(
      `${flag} needs a number >= 0, got ${value === undefined ? 'nothing' : JSON.stringify(value)}`,
    );
  }
  return parsed;
}

/** Parses argv (without node and the script). `--flag value` and `--flag=value` both work. */
export function parseArguments(argv: string[]): BinArguments {
  const result: BinArguments = { port: 11434, host: '127.0.0.1', verbose: false, help: false };
  for (let index = 0; index < argv.length; index++) {
    const raw = argv[index] as string;
    const [flag, inline] = raw.includes('=')
      ? [raw.slice(0, raw.indexOf('=')), raw.slice(raw.indexOf('=') + 1)]
      : [raw, undefined];
    const value = (): string | undefined => inline ?? argv[++index];
    switch (flag) {
      case '--port': {
        const port = number('--port', value());
        if (!Number.isInteger(port) || port > 65535)
          throw new UsageError(`--port must be an integer 0-65535, got ${port}`);
        result.port = port;
        break;
      }
      case '--host': {
        const host = value();
        if (!host) throw new UsageError('--host needs an address');
        result.host = host;
        break;
      }
      case '--models': {
        const list = (value() ?? '')
          .split(',')
          .map((name) => name.trim())
          .filter(Boolean);
        if (list.length === 0)
          throw new UsageError('--models needs a comma-separated list of model names');
        result.models = list;
        break;
      }
      case '--token-delay-ms':
        result.tokenDelayMs = number(flag, value());
        break;
      case '--load-delay-ms':
        result.loadDelayMs = number(flag, value());
        break;
      case '--vram-gb':
        result.vramBytes = Math.round(number(flag, value()) * 2 ** 30);
        break;
      case '--verbose':
        result.verbose = true;
        break;
      case '--help':
      case '-h':
        result.help = true;
        break;
      default:
        throw new UsageError(`unknown flag ${JSON.stringify(raw)}`);
    }
  }
  return result;
}

/** The `--help` text. */
export function helpText(catalogueNames: readonly string[]): string {
  const width = Math.max(...flags.map(([flag]) => flag.length)) + 2;
  const lines = [
    'ollamamon-sim: an Ollama-compatible server for tests, demos and CI',
    '',
    'Usage: ollamamon-sim [flags]',
    '',
    ...flags.map(
      ([flag, text, fallback]) =>
        `  ${flag.padEnd(width)}${text}${fallback ? ` (default: ${fallback})` : ''}`,
    ),
    '',
    `Catalogue: ${catalogueNames.join(', ')}`,
  ];
  return lines.join('\n');
}

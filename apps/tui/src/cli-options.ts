import { z } from 'zod';
import { sortColumns } from './models/sort-rows.js';

/**
 * Every flag of the `ollamamon` command, once: parsing, validation and `--help` all come from this
 * object (its `.describe()` texts are the help).
 */
export const cliOptionsSchema = z
  .object({
    host: z
      .string()
      .min(1)
      .optional()
      .describe(
        'Ollama host to use, as OLLAMA_HOST takes it (default: OLLAMA_HOST, settings, 127.0.0.1:11434)',
      ),
    profile: z.string().min(1).optional().describe('Settings profile to use'),
    demo: z
      .boolean()
      .default(false)
      .describe(
        'Start a simulated Ollama in-process with a few models: try everything without Ollama',
      ),
    theme: z
      .enum(['dark', 'light', 'no-color'])
      .optional()
      .describe('Colour theme (NO_COLOR always wins)'),
    json: z.boolean().default(false).describe('Subcommands: print JSON instead of a table'),
    sort: z
      .enum(sortColumns)
      .optional()
      .describe(`ls: sort by ${sortColumns.join('|')}`),
    reverse: z.boolean().default(false).describe('ls: reverse the sort order'),
    filter: z
      .string()
      .optional()
      .describe(
        'ls: filter as in the TUI: "a b" AND, "a|b" OR, size>4g family:x cap:vision is:loaded',
      ),
    registry: z
      .string()
      .optional()
      .describe("outdated: registry to compare with (default: each model name's own registry)"),
    all: z.boolean().default(false).describe('outdated: also list up-to-date models'),
    help: z.boolean().default(false).describe('Show this help'),
    version: z.boolean().default(false).describe('Print the version'),
  })
  .strict();

export type CliOptions = z.infer<typeof cliOptionsSchema>;

export const subcommands = [
  {
    name: 'ls',
    usage: 'ls [--sort c] [--filter q]',
    description: 'List installed models',
  },
  { name: 'ps', usage: 'ps', description: 'List loaded models (CPU/GPU split, until)' },
  { name: 'pull', usage: 'pull <model…>', description: 'Pull models, with progress' },
  { name: 'rm', usage: 'rm <model…>', description: 'Delete models' },
  {
    name: 'outdated',
    usage: 'outdated',
    description: 'Models with a newer version in the registry',
  },
  {
    name: 'hosts',
    usage: 'hosts',
    description: 'Hosts from settings with health, latency, version',
  },
] as const;

export type SubcommandName = (typeof subcommands)[number]['name'];

const shortFlags: Record<string, string> = { h: 'help', v: 'version', V: 'version' };

/** A user mistake on the command line; the CLI prints the message and exits with status 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

function isBooleanFlag(name: string): boolean {
  const shape = cliOptionsSchema.shape as Record<string, z.ZodType>;
  let type: z.ZodType | undefined = shape[name];
  while (type) {
    const definition = (type as unknown as { def: { type: string; innerType?: z.ZodType } }).def;
    if (definition.type === 'boolean') return true;
    type = definition.innerType;
  }
  return false;
}

function kebabToCamel(name: string): string {
  return name.replace(/-([a-z])/gu, (_match, letter: string) => letter.toUpperCase());
}

/** Parses argv (without node and the script): flags anywhere, the first positional is the subcommand. */
export function parseCliArguments(argv: readonly string[]): {
  options: CliOptions;
  command: SubcommandName | undefined;
  operands: string[];
} {
  const raw: Record<string, unknown> = {};
  const positionals: string[] = [];
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index] ?? '';
    if (argument === '--') {
      positionals.push(...argv.slice(index + 1));
      break;
    }
    let name: string | undefined;
    let value: string | undefined;
    if (argument.startsWith('--')) {
      const equals = argument.indexOf('=');
      name = kebabToCamel(equals >= 0 ? argument.slice(2, equals) : argument.slice(2));
      value = equals >= 0 ? argument.slice(equals + 1) : undefined;
    } else if (/^-[a-zA-Z]$/u.test(argument)) {
      name = shortFlags[argument.slice(1)];
      if (!name)
        throw new UsageError(`Unknown option ${argument}. Run "ollamamon --help" for the options.`);
    } else {
      positionals.push(argument);
      continue;
    }
    if (!(name in cliOptionsSchema.shape)) {
      throw new UsageError(`Unknown option --${name}. Run "ollamamon --help" for the options.`);
    }
    if (isBooleanFlag(name)) {
      if (value !== undefined && value !== 'true' && value !== 'false') {
        throw new UsageError(`--${name} takes no value (got "${value}").`);
      }
      raw[name] = value !== 'false';
    } else {
      if (value === undefined) {
        value = argv[index + 1];
        index += 1;
        if (value === undefined || value.startsWith('--'))
          throw new UsageError(`--${name} needs a value.`);
      }
      raw[name] = value;
    }
  }
  const parsed = cliOptionsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`--${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid value'}`);
  }
  const [first, ...operands] = positionals;
  if (first === undefined) return { options: parsed.data, command: undefined, operands: [] };
  const command = subcommands.find((entry) => entry.name === first)?.name;
  if (!command) {
    throw new UsageError(
      `Unknown command "${first}". Commands: ${subcommands.map((entry) => entry.name).join(', ')}.`,
    );
  }
  return { options: parsed.data, command, operands };
}

/** The --help text, generated from the schema's descriptions and the subcommand table. */
export function helpText(version: string): string {
  const lines = [
    `ollamamon ${version}: a terminal UI for Ollama: models, chat, monitor and hosts.`,
    '',
    'Usage:',
    '  ollamamon [options]                  open the terminal UI',
    ...subcommands.map((entry) => `  ollamamon ${entry.usage.padEnd(24)} ${entry.description}`),
    '',
    'Options:',
  ];
  for (const [name, type] of Object.entries(cliOptionsSchema.shape)) {
    const flag = isBooleanFlag(name) ? `--${name}` : `--${name} <value>`;
    lines.push(`  ${flag.padEnd(20)} ${(type as z.ZodType).description ?? ''}`);
  }
  lines.push(
    '',
    'Environment:',
    '  OLLAMA_HOST       host to use when --host is not given (parsed as Ollama does)',
    '  OLLAMAMON_HOME    where settings, chats and notes are kept',
    '  NO_COLOR          any value turns colour off',
    '',
    'In the UI press ? for the keys, : for the command palette, q to quit.',
  );
  return `${lines.join('\n')}\n`;
}

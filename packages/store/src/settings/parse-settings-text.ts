import { parse, TomlError } from 'smol-toml';
import type { z } from 'zod';
import { formatPath } from '../errors/invalid-input-error.ts';
import { SettingsError } from '../errors/settings-error.ts';
import { locateTomlKey } from './locate-toml-key.ts';

/**
 * Parse TOML `text` with `schema`. Any problem becomes a SettingsError naming `file`, the key and
 * its line (syntax errors: line and column from the TOML parser).
 */
export function parseSettingsText<TSchema extends z.ZodType>(
  text: string,
  schema: TSchema,
  file: string,
): z.output<TSchema> {
  let document: unknown;
  try {
    document = parse(text);
  } catch (error) {
    if (error instanceof TomlError) {
      throw new SettingsError({
        file,
        issues: [
          {
            key: '',
            line: error.line,
            column: error.column,
            message: `not valid TOML: ${error.message.split('\n')[0] ?? 'syntax error'}`,
          },
        ],
        cause: error,
      });
    }
    throw error;
  }
  const result = schema.safeParse(document);
  if (result.success) return result.data;
  throw new SettingsError({
    file,
    issues: result.error.issues.map((issue) => {
      const path = issue.path.filter((part): part is string | number => typeof part !== 'symbol');
      const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
      const fullPath = keys.length === 1 ? [...path, keys[0] as string] : path;
      return {
        key: formatPath(fullPath),
        line: locateTomlKey(text, fullPath),
        column: undefined,
        message: issue.message,
      };
    }),
  });
}

import type { z } from 'zod';
import { InvalidResponseError } from './errors/invalid-response-error';

/**
 * Parse a response body with its schema; a body that does not fit raises
 * {@link InvalidResponseError} naming the field paths.
 */
export function validate<TSchema extends z.ZodType>(
  schema: TSchema,
  value: unknown,
  where: { host: string; path: string },
): z.infer<TSchema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new InvalidResponseError({
    host: where.host,
    path: where.path,
    issues: result.error.issues.map((issue) => ({ path: issue.path, message: issue.message })),
    cause: result.error,
  });
}

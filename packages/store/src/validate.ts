import type { z } from 'zod';
import { InvalidInputError } from './errors/index.ts';

/** Parse `value` with `schema`, or throw an InvalidInputError naming `subject` and the path. */
export function validate<TSchema extends z.ZodType>(
  schema: TSchema,
  value: unknown,
  subject: string,
): z.output<TSchema> {
  const result = schema.safeParse(value);
  if (!result.success) throw InvalidInputError.fromZod(subject, result.error);
  return result.data;
}

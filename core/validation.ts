import type { z } from 'zod';
import { type FieldError, ValidationError } from './errors.js';

/**
 * Parses untrusted input with a zod schema; every problem becomes a field error naming its
 * path, and nothing downstream runs.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, root = 'input'): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: FieldError[] = result.error.issues.map((issue) => ({
    path: [root, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  throw new ValidationError(fieldErrors);
}

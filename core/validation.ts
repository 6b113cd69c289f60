import * as z from 'zod';
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

/** "VARIABLE: problem" for each issue of a settings schema. */
export function settingProblems(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

/**
 * Parses settings (environment variables) once at start-up; a missing or malformed one stops
 * the host with a message naming the variable (`invalid <what>: VARIABLE: problem; …`).
 */
export function parseSettings<S extends z.ZodType>(
  schema: S,
  env: Record<string, string | undefined>,
  what: string,
): z.output<S> {
  const result = schema.safeParse(env);
  if (!result.success) throw new Error(`invalid ${what}: ${settingProblems(result.error).join('; ')}`);
  return result.data;
}

/** A whole-number setting within bounds, with its default. */
export const wholeNumberSetting = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

/**
 * A mutation answers with its payload or a typed error (ValidationError with field errors,
 * PreconditionFailedError, ConflictError, NotFoundError). `outcomeOf` splits the two, and maps each
 * field error to the form field it names, so the screen shows it next to that field.
 */
export interface ErrorShape {
  __typename: string;
  message?: string;
  fieldErrors?: readonly { path: string; message: string }[];
}

export type Outcome<T> =
  | { ok: true; value: T }
  | { ok: false; message: string; fields: Record<string, string> };

const ERROR_TYPES = new Set(['ValidationError', 'PreconditionFailedError', 'ConflictError', 'NotFoundError']);

/** `input.items.jobContent` → `items.jobContent`; `input.documentKey` → `documentKey`. */
export function fieldKey(path: string): string {
  return path.replace(/^input\./, '').replace(/^input$/, '');
}

export function outcomeOf<T extends { __typename: string }, E extends string>(
  result: T,
  successType: E,
): Outcome<Extract<T, { __typename: E }>> {
  if (result.__typename === successType) return { ok: true, value: result as Extract<T, { __typename: E }> };
  const error = result as unknown as ErrorShape;
  if (!ERROR_TYPES.has(error.__typename)) return { ok: false, message: error.__typename, fields: {} };
  const fields: Record<string, string> = {};
  for (const f of error.fieldErrors ?? []) {
    const key = fieldKey(f.path);
    fields[key] = fields[key] ? `${fields[key]} / ${f.message}` : f.message;
  }
  return { ok: false, message: error.message ?? error.__typename, fields };
}

/** The field errors no input on the form shows, so the screen lists them above the button. */
export function unplacedErrors(fields: Record<string, string>, placed: readonly string[]): string[] {
  return Object.entries(fields)
    .filter(([key]) => !placed.includes(key))
    .map(([key, message]) => (key ? `${key}: ${message}` : message));
}

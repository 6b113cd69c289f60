/** Small mappings between GraphQL's shapes and core's. */
import { ValidationError } from '../../core/errors.js';
import type { Page } from '../../core/ledger.js';

/** Maps a ledger page onto a Relay connection. */
export function toConnection<T>(page: Page<T>) {
  return {
    edges: page.items.map((node, i) => ({ node, cursor: page.cursors[i] as string })),
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: false,
      startCursor: page.cursors[0] ?? null,
      endCursor: page.endCursor ?? null,
    },
  };
}

/** Connections page forward only (DynamoDB reads a key range in one direction per query). */
export function forwardPage(args: {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}) {
  if (args.last != null || args.before != null) {
    throw new ValidationError([{ path: 'last', message: 'pages go forward only: use first and after' }]);
  }
  return {
    ...(args.first != null ? { first: args.first } : {}),
    ...(args.after ? { after: args.after } : {}),
  };
}

/** GraphQL gives absent optional inputs as null; core treats absent as undefined. Removes nulls at every level. */
export type WithoutNulls<T> = T extends readonly (infer U)[]
  ? WithoutNulls<U>[]
  : T extends object
    ? { [K in keyof T]: WithoutNulls<Exclude<T[K], null>> }
    : T;

export function withoutNulls<T>(value: T): WithoutNulls<T> {
  if (Array.isArray(value)) return value.map(withoutNulls) as WithoutNulls<T>;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== null && v !== undefined)
        .map(([k, v]) => [k, withoutNulls(v)]),
    ) as WithoutNulls<T>;
  }
  return value as WithoutNulls<T>;
}

/**
 * Every GraphQL document of the console is valid against the committed schema.graphql (the
 * type-check proves the result types; this proves what the server will accept, e.g. no two
 * fields of one name with different types in a union's fragments).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  buildSchema,
  type DocumentNode,
  Kind,
  NoUnusedFragmentsRule,
  parse,
  specifiedRules,
  validate,
} from 'graphql';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '..');
const schema = buildSchema(readFileSync(resolve(SRC, '..', '..', 'schema.graphql'), 'utf8'));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : /\.tsx?$/.test(e.name) && !e.name.endsWith('.test.ts')
        ? [join(dir, e.name)]
        : [],
  );
}

const documents: DocumentNode[] = sources(SRC).flatMap((file) =>
  [...readFileSync(file, 'utf8').matchAll(/graphql\(\s*`([^`]*)`/g)].map((m) => parse(m[1] as string)),
);
const fragments = documents.flatMap((d) => d.definitions.filter((x) => x.kind === Kind.FRAGMENT_DEFINITION));
const operations = documents.flatMap((d) =>
  d.definitions.filter((x) => x.kind === Kind.OPERATION_DEFINITION),
);
const rules = specifiedRules.filter((r) => r !== NoUnusedFragmentsRule);

describe('the console’s GraphQL documents', () => {
  it('are found', () => {
    expect(operations.length).toBeGreaterThan(25);
  });

  it.each(operations.map((o) => [o.name?.value ?? '(anonymous)', o] as const))(
    '%s is valid against the schema',
    (_, operation) => {
      const errors = validate(schema, { kind: Kind.DOCUMENT, definitions: [operation, ...fragments] }, rules);
      expect(errors.map((e) => e.message)).toEqual([]);
    },
  );
});

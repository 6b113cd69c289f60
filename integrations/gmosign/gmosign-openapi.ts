/**
 * The project's own OpenAPI document of the GMO Sign operations the hub uses
 * (docs/integrations/gmosign.openapi.json), turned into checks: which operation a request is,
 * whether its path, query, auth and body are as the document says, and whether an answer or a
 * callback body is. The sandbox refuses requests with these checks (dev and tests only); the
 * contract test runs them over every request the adapter makes and every answer the sandbox gives.
 * `strict` also refuses fields the document does not name (for the adapter: it may send only
 * what the definition knows), which the service itself would not.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import formatsPlugin from 'ajv-formats';

type Schema = Record<string, unknown>;
interface Parameter {
  name: string;
  in: 'path' | 'query';
  required?: boolean;
  schema: Schema;
}
interface Operation {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: { 'application/json': { schema: Schema } } };
  responses: Record<string, { $ref?: string; content?: { 'application/json': { schema: Schema } } }>;
  callbacks?: Record<string, Record<string, Record<string, Operation>>>;
}
interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, Schema>;
    responses: Record<string, { content: Operation['responses'][string]['content'] }>;
  };
}

export const GMOSIGN_OPENAPI_FILE = new URL('../../docs/integrations/gmosign.openapi.json', import.meta.url);

export interface GmoRequest {
  method: string;
  /** The path after the service's base path, e.g. `/customer/connect`. */
  path: string;
  query: Record<string, string>;
  authorization?: string | undefined;
  body?: unknown;
}

export interface GmoSignContract {
  /** The operation a method and path are, with the path's parameters. */
  match(
    method: string,
    path: string,
  ): { operationId: string; pathParams: Record<string, string> } | undefined;
  /** Problems with a request (each naming the field), or none; `operationId` when it matched one. */
  checkRequest(request: GmoRequest): { operationId?: string; problems: string[] };
  /** Problems with an answer to `operationId`. */
  checkResponse(operationId: string, status: number, body: unknown): string[];
  /** Problems with a callback body (the definition's notification content). */
  checkCallback(body: unknown): string[];
}

const ID = 'https://dispatch-hub.invalid/gmosign.openapi.json';

/** Every object schema that names its properties refuses others (deep copy). */
function closed(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closed);
  if (!schema || typeof schema !== 'object') return schema;
  const copy: Schema = Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, closed(v)]));
  if (copy.properties && copy.additionalProperties === undefined) copy.additionalProperties = false;
  return copy;
}

const describe = (where: string, errors: ErrorObject[] | null | undefined) =>
  (errors ?? []).map((e) => {
    const field = `${where}${e.instancePath}`;
    if (e.keyword === 'required')
      return `${field}/${(e.params as { missingProperty: string }).missingProperty} is required`;
    if (e.keyword === 'additionalProperties')
      return `${field}/${(e.params as { additionalProperty: string }).additionalProperty} is not in the definition`;
    if (e.keyword === 'enum')
      return `${field} must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
    return `${field} ${e.message ?? 'is invalid'}`;
  });

export function loadGmoSignContract(options: { strict?: boolean } = {}): GmoSignContract {
  const raw = JSON.parse(readFileSync(GMOSIGN_OPENAPI_FILE, 'utf8')) as OpenApiDocument;
  const doc = (options.strict ? closed(raw) : raw) as OpenApiDocument;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  (formatsPlugin as unknown as (a: Ajv2020) => void)(ajv);
  // ajv-formats' `byte` pattern overflows the stack on a document of megabytes: a linear check instead.
  ajv.addFormat('byte', {
    type: 'string',
    validate: (value: string) => value.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(value),
  });
  ajv.addSchema({ $id: ID, components: doc.components });
  const compiled = new Map<string, ValidateFunction>();
  const validator = (schema: Schema): ValidateFunction => {
    const key = JSON.stringify(schema);
    let fn = compiled.get(key);
    if (!fn) {
      const ref = schema.$ref as string | undefined;
      fn = ajv.compile(
        ref ? { $ref: `${ID}${ref}` } : { $id: `${ID}/inline/${compiled.size}`, ...rewriteRefs(schema) },
      );
      compiled.set(key, fn);
    }
    return fn;
  };
  const rewriteRefs = (schema: unknown): Schema =>
    JSON.parse(JSON.stringify(schema), (k, v) =>
      k === '$ref' && typeof v === 'string' && v.startsWith('#') ? `${ID}${v}` : v,
    );
  const check = (schema: Schema, value: unknown, where: string) => {
    const fn = validator(schema);
    return fn(value) ? [] : describe(where, fn.errors);
  };

  const routes = Object.entries(doc.paths).flatMap(([template, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      method: method.toUpperCase(),
      names: [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string),
      pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '([^/]+)')}$`),
      operation,
    })),
  );
  const byId = new Map(routes.map((r) => [r.operation.operationId, r.operation]));

  const match: GmoSignContract['match'] = (method, path) => {
    for (const route of routes) {
      const found = route.method === method.toUpperCase() ? route.pattern.exec(path) : null;
      if (found)
        return {
          operationId: route.operation.operationId,
          pathParams: Object.fromEntries(
            route.names.map((n, i) => [n, decodeURIComponent(found[i + 1] as string)]),
          ),
        };
    }
    return undefined;
  };

  return {
    match,
    checkRequest(request) {
      const matched = match(request.method, request.path);
      if (!matched)
        return { problems: [`${request.method} ${request.path} is not an operation of the definition`] };
      const operation = byId.get(matched.operationId) as Operation;
      const problems: string[] = [];
      if (!/^Basic [A-Za-z0-9+/]+=*$/.test(request.authorization ?? ''))
        problems.push('header/authorization must be HTTP Basic (customer id and secret key)');
      for (const p of operation.parameters ?? []) {
        const given = p.in === 'path' ? matched.pathParams[p.name] : request.query[p.name];
        if (given === undefined) {
          if (p.required) problems.push(`${p.in}/${p.name} is required`);
          continue;
        }
        // Query values are text: an integer parameter takes only digits.
        const value = p.schema.type === 'integer' && /^-?\d+$/.test(given) ? Number(given) : given;
        problems.push(...check(p.schema, value, `${p.in}/${p.name}`));
      }
      if (options.strict) {
        const known = new Set((operation.parameters ?? []).map((p) => p.name));
        for (const name of Object.keys(request.query))
          if (!known.has(name)) problems.push(`query/${name} is not in the definition`);
      }
      if (operation.requestBody) {
        if (request.body === undefined) problems.push('body is required');
        else
          problems.push(
            ...check(operation.requestBody.content['application/json'].schema, request.body, 'body'),
          );
      }
      return { operationId: matched.operationId, problems };
    },
    checkResponse(operationId, status, body) {
      const operation = byId.get(operationId);
      if (!operation) return [`${operationId} is not an operation of the definition`];
      const declared = operation.responses[String(status)];
      if (!declared && status < 400)
        return [`${operationId} answers ${status}, which the definition does not list`];
      const answer = declared ?? operation.responses.default;
      const content = answer?.$ref
        ? doc.components.responses[answer.$ref.split('/').pop() as string]?.content
        : answer?.content;
      const schema = content?.['application/json']?.schema;
      return schema ? check(schema, body, 'answer') : [];
    },
    checkCallback(body) {
      const connect = byId.get('CreateHookEnvelope') as Operation;
      const callback = Object.values(Object.values(connect.callbacks ?? {})[0] ?? {})[0]?.post as Operation;
      return check(callback.requestBody?.content['application/json'].schema as Schema, body, 'callback');
    },
  };
}

/**
 * Expected failures as typed results (docs/architecture.md, "Errors in GraphQL"). Access denied is a
 * top-level FORBIDDEN error instead; everything else is masked.
 */
import {
  ConflictError,
  type DomainError,
  type FieldError,
  NotFoundError,
  PreconditionFailedError,
  REFUSAL_RULES,
  ValidationError,
} from '../../core/errors.js';
import { builder } from '../builder.js';

export const ErrorInterface = builder.interfaceRef<DomainError>('Error').implement({
  description: 'An expected failure: nothing was written.',
  fields: (t) => ({
    message: t.exposeString('message'),
    code: t.exposeString('code', { description: 'Stable machine-readable code.' }),
  }),
});

const FieldErrorRef = builder.objectRef<FieldError>('FieldError').implement({
  description: 'One bad input field.',
  fields: (t) => ({
    path: t.exposeString('path', { description: 'Dotted path of the field, e.g. input.phone.' }),
    message: t.exposeString('message'),
  }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  description: 'Bad input; every offending field is listed.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof ValidationError,
  fields: (t) => ({ fieldErrors: t.field({ type: [FieldErrorRef], resolve: (e) => e.fieldErrors }) }),
});

builder.objectType(ConflictError, {
  name: 'ConflictError',
  description: 'Someone else changed the record first, or it already exists. Reload and try again.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof ConflictError,
  fields: () => ({}),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof NotFoundError,
  fields: (t) => ({ entity: t.exposeString('entity'), id: t.exposeString('id') }),
});

builder.objectType(PreconditionFailedError, {
  name: 'PreconditionFailedError',
  description: 'A business gate refused the operation; `rule` names the gate.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof PreconditionFailedError,
  fields: (t) => ({ rule: t.exposeString('rule') }),
});

/**
 * Why a request was refused: the `rule` of every FORBIDDEN / UNAUTHENTICATED error's extensions
 * is one of these values, so a client can list and handle them.
 */
export const RefusalRuleEnum = builder.enumType('RefusalRule', {
  description:
    'The rule that refused a request; found in `extensions.rule` of a FORBIDDEN or UNAUTHENTICATED error.',
  values: Object.fromEntries(
    Object.entries(REFUSAL_RULES).map(([rule, description]) => [rule, { description }]),
  ) as { [K in keyof typeof REFUSAL_RULES]: { description: string } },
});

builder.queryField('refusalRules', (t) =>
  t.field({
    type: [RefusalRuleEnum],
    description: 'Every rule a refusal may name (the values of `extensions.rule`).',
    authScopes: { authenticated: true },
    resolve: () => Object.keys(REFUSAL_RULES) as (keyof typeof REFUSAL_RULES)[],
  }),
);

/** The errors every mutation may return. */
export const MUTATION_ERRORS = [ValidationError, ConflictError, NotFoundError, PreconditionFailedError];

/** The errors a single-record query may return. */
export const QUERY_ERRORS = [NotFoundError];

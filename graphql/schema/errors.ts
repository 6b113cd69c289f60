/**
 * Expected failures as typed results (architecture.md, "Errors in GraphQL"). Access denied is a
 * top-level FORBIDDEN error instead; everything else is masked.
 */
import {
  ConflictError,
  type DomainError,
  type FieldError,
  NotFoundError,
  PreconditionFailedError,
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

/** The errors every mutation may return. */
export const MUTATION_ERRORS = [ValidationError, ConflictError, NotFoundError, PreconditionFailedError];

/** The errors a single-record query may return. */
export const QUERY_ERRORS = [NotFoundError];

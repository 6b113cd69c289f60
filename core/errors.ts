/**
 * Domain errors. Each has a stable `code` and keeps its `name`, so GraphQL can map it to a
 * typed result and Step Functions `Retry` / `Catch` can match it by name.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

export interface FieldError {
  /** Dotted path of the offending input field, e.g. `input.phone`. */
  path: string;
  message: string;
}

/** X-4: bad input, naming every offending field. Nothing has been written. */
export class ValidationError extends DomainError {
  readonly code = 'VALIDATION_FAILED';
  constructor(readonly fieldErrors: FieldError[]) {
    super(`Invalid input: ${fieldErrors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  }
}

/** Someone else changed the record first (optimistic locking) or it already exists. */
export class ConflictError extends DomainError {
  readonly code = 'CONFLICT';
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`${entity} ${id} was not found`);
  }
}

/** A business gate refused the operation; `rule` names the gate. */
export class PreconditionFailedError extends DomainError {
  readonly code = 'PRECONDITION_FAILED';
  constructor(
    readonly rule: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Why an operation was refused (X-5): a closed list a client can read from the schema
 * (`RefusalRule`), never free text.
 */
export const REFUSAL_RULES = {
  SIGN_IN_REQUIRED: 'The request carries no valid token.',
  ROLE_NOT_ALLOWED: 'The signed-in role may not perform this operation.',
  OTHER_DEPARTMENT: 'The record belongs to another sales department.',
  NO_DEPARTMENT: 'The account has no department, which sales and managers need.',
  NOT_YOUR_NOTIFICATION: 'The notification is addressed to someone else.',
  NOT_THE_CLIENTS_REP: 'Only the client’s rep or a manager of its department may do this.',
  OTHER_APPROVAL_POOL: 'The approval belongs to another pool (role and department).',
  OWN_APPLICATION: 'Nobody decides their own application.',
  ONE_PERSON_PER_STEP: 'Whoever decided the manager step may not decide the director step, and the reverse.',
  NO_ONE_LEFT_TO_DECIDE:
    'The decision would leave a remaining step that nobody in the staff directory may decide; the message names who should decide this step instead.',
  NOT_ACTIVE_STAFF: 'The signed-in person is not an active member of the staff directory.',
  INTROSPECTION_ADMIN_ONLY: 'Only administrators may read the schema by introspection.',
} as const;
export type RefusalRule = keyof typeof REFUSAL_RULES;

/** The actor's role, department or duties do not allow the operation; `rule` says which rule refused it. */
export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN';
  constructor(
    readonly rule: RefusalRule,
    message: string,
  ) {
    super(message);
  }
}

/** An external system failed; adapters translate vendor errors into this, so SDK types never leave `integrations/`. */
export class IntegrationError extends Error {
  readonly code = 'INTEGRATION_FAILED';
  readonly system: string;
  readonly operation: string;
  readonly retryable: boolean;
  readonly status: number | undefined;
  constructor(
    details: { system: string; operation: string; retryable: boolean; status?: number; message: string },
    options?: { cause?: unknown },
  ) {
    super(`${details.system} ${details.operation} failed: ${details.message}`, options);
    this.name = 'IntegrationError';
    this.system = details.system;
    this.operation = details.operation;
    this.retryable = details.retryable;
    this.status = details.status;
  }
}

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

/** The actor's role or department does not allow the operation. */
export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN';
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

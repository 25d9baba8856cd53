import { DOMAIN_ERROR_TYPES, DomainErrorBody, DomainErrorType } from '@app/contracts/common/errors';

/**
 * The one error the services throw for an expected failure. It crosses NATS as its body
 * `{ type, code?, message }` and the gateway turns it into Medusa's HTTP status and body.
 */
export class DomainError extends Error {
  constructor(
    readonly type: DomainErrorType,
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static notFound(message: string, code?: string): DomainError {
    return new DomainError('not_found', message, code);
  }

  static invalidData(message: string, code?: string): DomainError {
    return new DomainError('invalid_data', message, code);
  }

  static notAllowed(message: string, code?: string): DomainError {
    return new DomainError('not_allowed', message, code);
  }

  static conflict(message: string, code?: string): DomainError {
    return new DomainError('conflict', message, code);
  }

  /** Rebuilds the error from a body received over the wire. */
  static fromBody(body: DomainErrorBody): DomainError {
    return new DomainError(body.type, body.message, body.code);
  }

  toBody(): DomainErrorBody {
    return this.code === undefined
      ? { type: this.type, message: this.message }
      : { type: this.type, code: this.code, message: this.message };
  }
}

/** Whether a value received over the wire is a domain error body. */
export function isDomainErrorBody(value: unknown): value is DomainErrorBody {
  if (!value || typeof value !== 'object') return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.message === 'string' &&
    (DOMAIN_ERROR_TYPES as readonly unknown[]).includes(candidate.type) &&
    (candidate.code === undefined || typeof candidate.code === 'string')
  );
}

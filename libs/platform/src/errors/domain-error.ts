import { DOMAIN_ERROR_TYPES, DomainErrorBody, DomainErrorType } from '@app/contracts/common/errors';

/** The code of an error Medusa answers with its `{ errors, message }` body. */
export const REQUEST_ERRORS_CODE = 'request_errors';

/**
 * The one error the services throw for an expected failure. It crosses NATS as its body
 * `{ type, code?, message }` and the gateway turns it into Medusa's HTTP status and body.
 */
export class DomainError extends Error {
  constructor(
    readonly type: DomainErrorType,
    message: string,
    readonly code?: string,
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  /** Not signed in, or not as who the route needs: Medusa's bare 401 `Unauthorized`. */
  static unauthenticated(): DomainError {
    return new DomainError('unauthorized', 'Unauthorized', 'unauthenticated');
  }

  /** Too many attempts: 429 with `Retry-After` (seconds). */
  static throttled(retryAfterSeconds: number): DomainError {
    const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
    return new DomainError(
      'not_allowed',
      `Too many attempts. Try again in ${seconds} seconds.`,
      'too_many_requests',
      seconds,
    );
  }

  /**
   * A request refused by one of Medusa's route checks (a publishable API key's sales channels):
   * 400 with Medusa's `{ errors: [message], message }` body.
   */
  static requestErrors(message: string): DomainError {
    return new DomainError('invalid_data', message, REQUEST_ERRORS_CODE);
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
    return new DomainError(body.type, body.message, body.code, body.retry_after);
  }

  toBody(): DomainErrorBody {
    return {
      type: this.type,
      ...(this.code !== undefined && { code: this.code }),
      message: this.message,
      ...(this.retryAfter !== undefined && { retry_after: this.retryAfter }),
    };
  }
}

/** Whether a value received over the wire is a domain error body. */
export function isDomainErrorBody(value: unknown): value is DomainErrorBody {
  if (!value || typeof value !== 'object') return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.message === 'string' &&
    (DOMAIN_ERROR_TYPES as readonly unknown[]).includes(candidate.type) &&
    (candidate.code === undefined || typeof candidate.code === 'string') &&
    (candidate.retry_after === undefined || typeof candidate.retry_after === 'number')
  );
}

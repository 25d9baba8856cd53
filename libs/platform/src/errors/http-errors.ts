import { DomainErrorBody } from '@app/contracts/common/errors';
import { DomainError, REQUEST_ERRORS_CODE } from './domain-error';
import { CommandTimeoutError, RETRYABLE_ERROR_STATUS, ServiceUnavailableError } from './transport-errors';

/** What the gateway sends for an error: status, Medusa's body, and extra headers. */
export interface HttpError {
  status: number;
  body: DomainErrorBody;
  headers?: Record<string, string>;
  /** Sent instead of the JSON body: Medusa's bare `Unauthorized` for a route that needs a sign-in. */
  text?: string;
  /** Sent instead of `body`: Medusa's `{ errors, message }` of a refused route check. */
  json?: { errors: string[]; message: string };
}

/** Medusa's `message` beside the `errors` its route checks collected (`await-middleware.ts`). */
const REQUEST_ERRORS_MESSAGE =
  'Provided request body contains errors. Please check the data and retry the request';

const CONFLICT_MESSAGE =
  'The request conflicted with another request. You may retry the request with the provided Idempotency-Key.';

export const UNKNOWN_ERROR_BODY: DomainErrorBody = {
  code: 'unknown_error',
  type: 'unknown_error',
  message: 'An unknown error occurred.',
};

/**
 * Medusa v1's error handler as a table: status and body per error type
 * (`packages/medusa/src/api/middlewares/error-handler.ts`), plus our retryable codes:
 * `command_timeout` and `provider_timeout` → 504, `service_unavailable` and `provider_unavailable` → 503,
 * `provider_unverified` → 502. A 409 (retry with the same
 * Idempotency-Key, says Medusa's message) and a 503 carry `Retry-After`; so does a throttled attempt
 * (`too_many_requests` → 429). A route that needs a sign-in answers Medusa's bare `Unauthorized` 401.
 */
export function httpErrorForBody(error: DomainErrorBody): HttpError {
  const { retry_after: retryAfter, ...body } = error;
  if (error.code === 'too_many_requests') {
    return { status: 429, body, headers: { 'retry-after': String(retryAfter ?? 1) } };
  }
  if (error.code === 'unauthenticated') return { status: 401, body, text: 'Unauthorized' };
  if (error.code === REQUEST_ERRORS_CODE) {
    return { status: 400, body, json: { errors: [error.message], message: REQUEST_ERRORS_MESSAGE } };
  }
  switch (error.type) {
    case 'conflict':
      return {
        status: 409,
        body: { ...body, code: 'invalid_state_error', message: CONFLICT_MESSAGE },
        headers: { 'retry-after': '1' },
      };
    case 'unauthorized':
      return { status: 401, body };
    case 'payment_authorization_error':
      return { status: 422, body };
    case 'duplicate_error':
      return { status: 422, body: { ...body, code: 'invalid_request_error' } };
    case 'not_allowed':
    case 'invalid_data':
      return { status: 400, body };
    case 'not_found':
      return { status: 404, body };
    case 'database_error':
      return { status: 500, body: { ...body, code: 'api_error' } };
    case 'unexpected_state': {
      const retryStatus = body.code ? RETRYABLE_ERROR_STATUS[body.code] : undefined;
      if (retryStatus === 503) return { status: 503, body, headers: { 'retry-after': '1' } };
      return { status: retryStatus ?? 500, body };
    }
    case 'invalid_argument':
      return { status: 500, body };
    default:
      return { status: 500, body: UNKNOWN_ERROR_BODY };
  }
}

/** The wire body of any error: domain and transport errors as themselves, the rest as unknown. */
export function errorBodyOf(error: unknown): DomainErrorBody {
  if (error instanceof DomainError) return error.toBody();
  if (error instanceof CommandTimeoutError || error instanceof ServiceUnavailableError) return error.toBody();
  return UNKNOWN_ERROR_BODY;
}

/** Any error the gateway meets, as Medusa's HTTP answer. */
export function httpErrorFor(error: unknown): HttpError {
  return httpErrorForBody(errorBodyOf(error));
}

/** Medusa's error types (`MedusaError.Types`), the `type` of every error body we send. */
export const DOMAIN_ERROR_TYPES = [
  'invalid_data',
  'not_found',
  'not_allowed',
  'duplicate_error',
  'conflict',
  'payment_authorization_error',
  'unauthorized',
  'database_error',
  'unexpected_state',
  'invalid_argument',
  'unknown_error',
] as const;

export type DomainErrorType = (typeof DOMAIN_ERROR_TYPES)[number];

/** The error every command replies with and every HTTP error body carries: `{ type, code?, message }`. */
export interface DomainErrorBody {
  type: DomainErrorType;
  code?: string;
  message: string;
  /** Seconds until a refused attempt may be made again (a throttle): the HTTP `Retry-After`. */
  retry_after?: number;
}

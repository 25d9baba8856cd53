import { DomainErrorBody } from '@app/contracts/common/errors';

/** Error codes (with type `unexpected_state`) that mean "retry later", and their HTTP status. */
export const RETRYABLE_ERROR_STATUS: Readonly<Record<string, number>> = {
  command_timeout: 504,
  service_unavailable: 503,
  /** A payment provider did not answer in time: a retry (same key) settles what it did. */
  provider_timeout: 504,
  /** A payment provider could not be reached: nothing happened there. */
  provider_unavailable: 503,
  /**
   * A payment provider's answer failed its signature check: it is not the provider's (or was changed
   * on the way), so nothing is concluded from it; a retry (same key) asks again.
   */
  provider_unverified: 502,
};

/** A command got no answer within its time budget: it may or may not have taken effect. */
export class CommandTimeoutError extends Error {
  constructor(
    readonly subject: string,
    readonly timeoutMs: number,
  ) {
    super(`No reply to ${subject} within ${timeoutMs} ms`);
    this.name = 'CommandTimeoutError';
  }

  toBody(): DomainErrorBody {
    return {
      type: 'unexpected_state',
      code: 'command_timeout',
      message: 'The service did not answer in time. You may retry the request with the same Idempotency-Key.',
    };
  }
}

/** The owning app, NATS or Postgres cannot be reached right now. */
export class ServiceUnavailableError extends Error {
  constructor(
    readonly resource: string,
    reason: string,
  ) {
    super(`${resource}: ${reason}`);
    this.name = 'ServiceUnavailableError';
  }

  toBody(): DomainErrorBody {
    return {
      type: 'unexpected_state',
      code: 'service_unavailable',
      message: 'The service that handles this request is unavailable. Please retry shortly.',
    };
  }
}

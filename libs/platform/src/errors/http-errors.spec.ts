import { DomainErrorType } from '@app/contracts/common/errors';
import { DomainError } from './domain-error';
import { httpErrorFor, httpErrorForBody, UNKNOWN_ERROR_BODY } from './http-errors';
import { CommandTimeoutError, ServiceUnavailableError } from './transport-errors';

const CONFLICT_MESSAGE =
  'The request conflicted with another request. You may retry the request with the provided Idempotency-Key.';

describe("Medusa's error table", () => {
  it.each<[DomainErrorType, number, object]>([
    ['invalid_data', 400, { type: 'invalid_data', message: 'm' }],
    ['not_allowed', 400, { type: 'not_allowed', message: 'm' }],
    ['not_found', 404, { type: 'not_found', message: 'm' }],
    ['unauthorized', 401, { type: 'unauthorized', message: 'm' }],
    ['payment_authorization_error', 422, { type: 'payment_authorization_error', message: 'm' }],
    ['duplicate_error', 422, { type: 'duplicate_error', code: 'invalid_request_error', message: 'm' }],

    ['database_error', 500, { type: 'database_error', code: 'api_error', message: 'm' }],
    ['unexpected_state', 500, { type: 'unexpected_state', message: 'm' }],
    ['invalid_argument', 500, { type: 'invalid_argument', message: 'm' }],
    ['unknown_error', 500, UNKNOWN_ERROR_BODY],
  ])('%s → %d', (type, status, body) => {
    expect(httpErrorForBody({ type, message: 'm' })).toEqual({ status, body });
  });

  it("a refused route check → 400 with Medusa's `{ errors, message }`", () => {
    const answer = httpErrorFor(DomainError.requestErrors('Product with id: p is not associated'));
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({
      errors: ['Product with id: p is not associated'],
      message: 'Provided request body contains errors. Please check the data and retry the request',
    });
  });

  it("conflict → 409 with Medusa's retry message and Retry-After", () => {
    expect(httpErrorForBody({ type: 'conflict', message: 'in flight' })).toEqual({
      status: 409,
      body: { type: 'conflict', code: 'invalid_state_error', message: CONFLICT_MESSAGE },
      headers: { 'retry-after': '1' },
    });
  });

  it('a throttled attempt → 429 with its Retry-After, which crosses NATS in the body and leaves it', () => {
    const throttled = DomainError.fromBody(DomainError.throttled(41.2).toBody());
    expect(httpErrorFor(throttled)).toEqual({
      status: 429,
      body: {
        type: 'not_allowed',
        code: 'too_many_requests',
        message: 'Too many attempts. Try again in 42 seconds.',
      },
      headers: { 'retry-after': '42' },
    });
  });

  it("a route that needs a sign-in → Medusa's bare 401 Unauthorized", () => {
    expect(httpErrorFor(DomainError.unauthenticated())).toMatchObject({ status: 401, text: 'Unauthorized' });
  });

  it('keeps a Medusa code such as insufficient_inventory', () => {
    const error = new DomainError(
      'not_allowed',
      'Variant with id: v does not have the required inventory',
      'insufficient_inventory',
    );
    expect(httpErrorFor(error)).toEqual({
      status: 400,
      body: { type: 'not_allowed', code: 'insufficient_inventory', message: error.message },
    });
  });

  it('answers a command timeout with 504 and a missing app with 503 + Retry-After', () => {
    expect(httpErrorFor(new CommandTimeoutError('catalog.region.get', 5000))).toMatchObject({
      status: 504,
      body: { type: 'unexpected_state', code: 'command_timeout' },
    });
    expect(httpErrorFor(new ServiceUnavailableError('catalog.region.get', 'no responders'))).toMatchObject({
      status: 503,
      body: { type: 'unexpected_state', code: 'service_unavailable' },
      headers: { 'retry-after': '1' },
    });
  });

  it('keeps the same statuses when a transport error arrives as a body from another app', () => {
    const body = new CommandTimeoutError('catalog.inventory.reserve', 5000).toBody();
    expect(httpErrorForBody(body).status).toBe(504);
  });

  it('answers a payment provider that is slow with 504 and one that is down with 503, both retryable', () => {
    const slow = new DomainError('unexpected_state', 'cashier did not answer in time', 'provider_timeout');
    expect(httpErrorFor(slow)).toMatchObject({ status: 504, body: { code: 'provider_timeout' } });
    const down = new DomainError(
      'unexpected_state',
      'The cashier could not be reached',
      'provider_unavailable',
    );
    expect(httpErrorFor(down)).toMatchObject({ status: 503, headers: { 'retry-after': '1' } });
  });

  it('never shows an unexpected error', () => {
    const answer = httpErrorFor(new TypeError("Cannot read properties of undefined (reading 'secret')"));
    expect(answer).toEqual({ status: 500, body: UNKNOWN_ERROR_BODY });
  });
});

import { Logger } from '@nestjs/common';
import { assertNoTransaction, Backoff, DomainError, sleep } from '@app/platform';

/** A provider API answered with an error (its HTTP status and body). */
export class ProviderApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(`provider answered ${status}: ${body.slice(0, 200)}`);
  }
}

/** Answers that say "not now" (rate limited, or the provider failing): asked again after a while. */
const retryable = (status: number) => status === 429 || status >= 500;

const logger = new Logger('PaymentProvider');

/**
 * One call to a provider's HTTP API within a budget of `timeoutMs`. A 429 or 5xx answer is asked again
 * with backoff (from 100 ms doubling, or the provider's `Retry-After` when it names one) while the
 * budget allows — every call we make is idempotent at the provider by our ids — and then answered as
 * `provider_unavailable` (503, retryable), the provider's own words kept in the log, not shown. No
 * answer in time is `provider_timeout` (504): the request may have arrived, so a retry must settle it;
 * no connection at all is `provider_unavailable`. `init` is a function when each try must be signed
 * anew (a timestamp and nonce per request).
 */
export async function providerFetch(
  url: string,
  init: RequestInit | (() => RequestInit),
  timeoutMs: number,
): Promise<ProviderResponse> {
  assertNoTransaction('A payment provider call');
  const deadline = Date.now() + timeoutMs;
  const backoff = new Backoff(100, 2_000);
  for (;;) {
    const answer = await fetchOnce(url, typeof init === 'function' ? init() : init, deadline, timeoutMs);
    if (answer.status < 400) return answer;
    if (!retryable(answer.status)) throw new ProviderApiError(answer.status, answer.text, answer.headers);
    const wait = retryAfterMs(answer.headers['retry-after']) ?? backoff.next();
    const what = `${new URL(url).host} answered ${answer.status} (${answer.text.slice(0, 200)})`;
    // Worth another try only when it can still answer within the budget after the wait.
    if (Date.now() + wait + 100 >= deadline) {
      logger.warn(`${what}; giving up within the ${timeoutMs} ms budget`);
      throw new DomainError(
        'unexpected_state',
        'The payment provider is unavailable right now. Try again in a moment.',
        'provider_unavailable',
      );
    }
    logger.warn(`${what}; asking again in ${wait} ms`);
    await sleep(wait);
  }
}

async function fetchOnce(
  url: string,
  init: RequestInit,
  deadline: number,
  timeoutMs: number,
): Promise<ProviderResponse> {
  const signal = AbortSignal.timeout(Math.max(1, deadline - Date.now()));
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal });
  } catch (error) {
    if (signal.aborted) {
      throw new DomainError(
        'unexpected_state',
        `The payment provider did not answer within ${timeoutMs} ms`,
        'provider_timeout',
      );
    }
    throw new DomainError(
      'unexpected_state',
      `The payment provider could not be reached: ${(error as Error).message}`,
      'provider_unavailable',
    );
  }
  const text = await response.text();
  return { status: response.status, text, headers: Object.fromEntries(response.headers) };
}

/** `Retry-After` in seconds (a date is not used: clocks differ), as milliseconds. */
function retryAfterMs(header: string | undefined): number | undefined {
  if (!header || !/^\d{1,4}$/.test(header.trim())) return undefined;
  return Number(header.trim()) * 1000;
}

/** A provider's answer: status, body and headers (names in lower case). */
export interface ProviderResponse {
  status: number;
  text: string;
  headers: Record<string, string>;
}

/** A provider's answer whose signature does not check out: nothing may be concluded from it. */
export function unverifiedAnswer(provider: string, why: string): DomainError {
  return new DomainError(
    'unexpected_state',
    `The answer from ${provider} is not signed by it (${why}); nothing was concluded from it`,
    'provider_unverified',
  );
}

/** A provider's expected answer to a notification, in its own protocol. */
export interface ProviderAnswer {
  status: number;
  content_type: string;
  body: string;
}

export const jsonAnswer = (status: number, body: object): ProviderAnswer => ({
  status,
  content_type: 'application/json',
  body: JSON.stringify(body),
});

export const textAnswer = (status: number, body: string): ProviderAnswer => ({
  status,
  content_type: 'text/plain',
  body,
});

import { assertNoTransaction, DomainError } from '@app/platform';

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

/**
 * One call to a provider's HTTP API within a budget: `provider_timeout` (504) when it did not answer
 * in time — the request may have arrived, so a retry must settle it —, `provider_unavailable` (503)
 * when it could not be reached at all.
 */
export async function providerFetch(
  url: string,
  init: RequestInit,
  timeoutMs: number,
): Promise<ProviderResponse> {
  assertNoTransaction('A payment provider call');
  const signal = AbortSignal.timeout(timeoutMs);
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
  const headers = Object.fromEntries(response.headers);
  if (!response.ok) throw new ProviderApiError(response.status, text, headers);
  return { status: response.status, text, headers };
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

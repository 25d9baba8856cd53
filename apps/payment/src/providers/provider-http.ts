import { DomainError } from '@app/platform';

/** A provider API answered with an error (its HTTP status and body). */
export class ProviderApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`provider answered ${status}: ${body.slice(0, 200)}`);
  }
}

/** One call to a provider's HTTP API within a budget; unreachable is `unexpected_state`. */
export async function providerFetch(
  url: string,
  init: RequestInit,
  timeoutMs: number,
): Promise<{ status: number; text: string }> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    throw new DomainError(
      'unexpected_state',
      `The payment provider could not be reached: ${(error as Error).message}`,
      'provider_unavailable',
    );
  }
  const text = await response.text();
  if (!response.ok) throw new ProviderApiError(response.status, text);
  return { status: response.status, text };
}

import { ProviderApiError, providerFetch } from '../provider-http';
import { cashierError } from './cashier-errors';
import { signRequest } from './cashier-signature';

/** A cashier API error the caller said it handles (`tolerated`): its code and description. */
export class CashierApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    description: string,
  ) {
    super(`cashier ${code}: ${description}`);
  }
}

/**
 * The cashier's HTTP API: JSON bodies signed with the merchant's API secret, within a time budget. An
 * error answer is a `CashierApiError` when its code is one the caller handles (`tolerated`), and
 * otherwise the error it means for the shopper (`cashierError`).
 */
export class CashierClient {
  constructor(
    private readonly baseUrl: string,
    private readonly merchantId: string,
    private readonly apiSecret: string,
    private readonly timeoutMs: number,
  ) {}

  async post<T extends Record<string, unknown>>(
    path: string,
    body: Record<string, unknown>,
    tolerated: string[] = [],
  ): Promise<T> {
    const text = JSON.stringify({ merchant_id: this.merchantId, ...body });
    let answer: { error_code?: string; error_description?: string };
    try {
      const response = await providerFetch(
        `${this.baseUrl}${path}`,
        () => ({
          method: 'POST',
          headers: { 'content-type': 'application/json', ...signRequest(this.apiSecret, text, new Date()) },
          body: text,
        }),
        this.timeoutMs,
      );
      answer = parseOr(response.text, {});
    } catch (error) {
      if (!(error instanceof ProviderApiError)) throw error;
      const failed = parseOr<typeof answer>(error.body, {});
      throw failure(
        error.status,
        String(failed.error_code ?? error.status),
        String(failed.error_description ?? ''),
        tolerated,
      );
    }
    if (answer.error_code && answer.error_code !== '0000') {
      throw failure(200, answer.error_code, String(answer.error_description ?? ''), tolerated);
    }
    return answer as T;
  }
}

function failure(status: number, code: string, description: string, tolerated: string[]): Error {
  return tolerated.includes(code)
    ? new CashierApiError(status, code, description)
    : cashierError(status, code, description);
}

function parseOr<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

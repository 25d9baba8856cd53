import { DomainError } from '@app/platform';
import { signRequest } from './cashier-signature';

/** A cashier API error: its code and description, as the API answered them. */
export class CashierApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    description: string,
  ) {
    super(`cashier ${code}: ${description}`);
  }
}

/** The cashier's HTTP API: JSON bodies signed with the merchant's API secret, within a time budget. */
export class CashierClient {
  constructor(
    private readonly baseUrl: string,
    private readonly merchantId: string,
    private readonly apiSecret: string,
    private readonly timeoutMs: number,
  ) {}

  async post<T extends Record<string, unknown>>(path: string, body: Record<string, unknown>): Promise<T> {
    const text = JSON.stringify({ merchant_id: this.merchantId, ...body });
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...signRequest(this.apiSecret, text, new Date()) },
        body: text,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new DomainError(
        'unexpected_state',
        `The cashier could not be reached: ${(error as Error).message}`,
        'provider_unavailable',
      );
    }
    const answer = (await response.json().catch(() => ({}))) as T & {
      error_code?: string;
      error_description?: string;
    };
    if (!response.ok || (answer.error_code && answer.error_code !== '0000')) {
      throw new CashierApiError(
        response.status,
        String(answer.error_code ?? response.status),
        String(answer.error_description ?? ''),
      );
    }
    return answer;
  }
}

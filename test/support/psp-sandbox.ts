import { SANDBOX_KEYS } from '../../tools/psp-sandbox/src/sandbox-keys';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import request from 'supertest';
import { Sandbox, startSandbox } from '../../tools/psp-sandbox/src/sandbox-server';
import { signedHeaders } from '../../tools/psp-sandbox/src/hmac-signature';

export type { Sandbox };

/** The PSP sandbox in this test process, on a free port, retrying notifications quickly. */
export function startTestSandbox(notifyBackoffMs = [300, 600, 1200, 2400, 4800]): Promise<Sandbox> {
  return startSandbox({ port: 0, notifyBackoffMs });
}

/** The test cards of the sandbox's hosted page. */
export const TEST_CARDS = {
  success: '4242424242424242',
  declined: '4000000000000002',
  insufficientFunds: '4000000000009995',
  /** Pays once the shopper passes its 3-D Secure challenge (code `CHALLENGE_CODE`). */
  challenge: '4000002760003184',
} as const;

export { CHALLENGE_CODE } from '../../tools/psp-sandbox/src/cashier/cashier-session';

/** Answers the hosted page's 3-D Secure challenge with `code`, as its form does. */
export function answerChallenge(sessionUrl: string, code: string) {
  const url = new URL(sessionUrl);
  return request(url.origin).post(`${url.pathname}/challenge`).type('form').send({ code }).redirects(0);
}

/** The hosted page's billing address inputs, filled (the page asks for them when the cart has none). */
export const BILLING_FORM = {
  billing_address_line1: '1 Rue de la Paix',
  billing_city: 'Paris',
  billing_postal_code: '75002',
  billing_country: 'FR',
};

/** Pays a hosted cashier page with a card, as the page's form does; returns the sandbox's answer. */
export function payHostedPage(sessionUrl: string, card: string) {
  const url = new URL(sessionUrl);
  return request(url.origin)
    .post(url.pathname)
    .type('form')
    .send({ card_number: card, expiry: '12/30', cvc: '123', ...BILLING_FORM })
    .redirects(0);
}

export interface CashierEvent {
  trans_id: string;
  session_id?: string;
  amount: number;
  currency: string;
  status?: 'SUCCESS' | 'FAILED';
  payment_status?: string;
  merchant_id?: string;
  event_id?: string;
}

/**
 * A cashier transaction notification as the cashier signs it, with every part overridable: the
 * secret, the timestamp (seconds) and the nonce.
 */
export function signedCashierNotification(
  event: CashierEvent,
  options: { secret?: string; timestamp?: number; nonce?: string } = {},
): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify({
    event_id: event.event_id ?? `EV${randomUUID().replace(/-/g, '')}`,
    event_type: 'TRANSACTION',
    merchant_id: event.merchant_id ?? SANDBOX_KEYS.cashier.merchantId,
    trans_id: event.trans_id,
    session_id: event.session_id ?? 'CS-test',
    status: event.status ?? 'SUCCESS',
    payment_status: event.payment_status ?? 'CAPTURED',
    amount: event.amount,
    currency: event.currency,
    capture_method: 'AUTOMATIC',
  });
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const nonce = options.nonce ?? randomBytes(16).toString('hex');
  const signature = createHmac('sha256', options.secret ?? SANDBOX_KEYS.cashier.notifySecret)
    .update(`${timestamp}.${nonce}.${body}`)
    .digest('hex');
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'x-pay-timestamp': timestamp,
      'x-pay-nonce': nonce,
      'x-pay-signature': signature,
    },
  };
}

/** The cards the sandbox's cashier keeps for `shopper` (its signed token query, as a shop asks it). */
export async function cashierTokens(sandboxUrl: string, shopper: string): Promise<{ token: string }[]> {
  const body = JSON.stringify({ merchant_id: SANDBOX_KEYS.cashier.merchantId, shopper_reference: shopper });
  const answer = await request(sandboxUrl)
    .post('/payments/token/query')
    .set({ 'content-type': 'application/json', ...signedHeaders(SANDBOX_KEYS.cashier.apiSecret, body) })
    .send(body)
    .expect(200);
  return answer.body.tokens;
}

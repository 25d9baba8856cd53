import { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { randomInt, randomUUID } from 'node:crypto';
import { hasValidSignature, signedHeaders } from '../hmac-signature';
import { Notifier } from '../notifier';
import { cardOnFile, CardTokens, tokenView } from './card-tokens';
import { CashierRefund, CashierSession, expire } from './cashier-session';
import { registerHostedPage } from './hosted-page-routes';

export interface CashierOptions {
  merchantId: string;
  apiSecret: string;
  notifySecret: string;
  /** The sandbox's own address, for session URLs. */
  publicUrl: () => string;
  notifier: Notifier;
  /** A fault: sessions answered for another amount than the one asked. */
  alterSessions: () => boolean;
}

type Body = Record<string, unknown>;

const OK = { error_code: '0000', error_description: 'Success' };

class CashierError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The PayKKa-style cashier of seed 003: hosted sessions (`POST /payments/session`), their query,
 * capture, void, refund and refund query, the token query and delete of kept cards, all signed with
 * the merchant's API secret; the hosted page at `session_url` (kept cards offered, a new one kept
 * when the shopper ticks it); and signed transaction and refund notifications to the session's `notify_url`.
 */
export function registerCashier(app: FastifyInstance, options: CashierOptions): void {
  const sessions = new Map<string, CashierSession>();
  const byTransId = new Map<string, CashierSession>();
  const refunds = new Map<string, CashierRefund>();
  const tokens = new CardTokens();

  const api = (path: string, handler: (body: Body) => object) =>
    app.post(path, async (request: FastifyRequest, reply: FastifyReply) => {
      try {
        const raw = (request as FastifyRequest & { rawBody?: string }).rawBody ?? '';
        if (!hasValidSignature(options.apiSecret, request.headers, raw, 300)) {
          throw new CashierError(401, '1001', 'Signature verification failed');
        }
        const body = (request.body ?? {}) as Body;
        if (body.merchant_id !== options.merchantId)
          throw new CashierError(400, '1002', 'Unknown merchant_id');
        return reply.send({ ...OK, ...handler(body) });
      } catch (error) {
        if (!(error instanceof CashierError)) throw error;
        return reply.status(error.status).send({ error_code: error.code, error_description: error.message });
      }
    });

  const session = (body: Body): CashierSession => {
    const found =
      typeof body.trans_id === 'string'
        ? byTransId.get(body.trans_id)
        : sessions.get(String(body.session_id));
    if (!found) throw new CashierError(404, '4004', 'Transaction not found');
    expire(found);
    return found;
  };

  const view = (s: CashierSession) => ({
    merchant_id: s.merchant_id,
    trans_id: s.trans_id,
    session_id: s.session_id,
    session_mode: 'HOSTED',
    status: s.status,
    payment_status: s.payment_status,
    amount: options.alterSessions() ? s.amount + 1 : s.amount,
    currency: s.currency,
    refunded_amount: s.refunded_amount,
    expire_time: s.expire_time,
    capture_method: s.capture_method,
    authorisation_type: 'FINAL_AUTH',
    session_url: `${options.publicUrl()}/checkout/${s.session_id}`,
  });

  const notify = (s: CashierSession, payload: Body) => {
    const body = JSON.stringify({
      event_id: `EV${randomUUID().replace(/-/g, '')}`,
      merchant_id: s.merchant_id,
      ...payload,
    });
    options.notifier.send({
      url: s.notify_url,
      eventId: JSON.parse(body).event_id,
      body,
      contentType: 'application/json',
      sign: (text) => signedHeaders(options.notifySecret, text),
      accepted: (status) => status >= 200 && status < 300,
    });
  };

  const transactionEvent = (s: CashierSession, status: 'SUCCESS' | 'FAILED') => ({
    event_type: 'TRANSACTION',
    trans_id: s.trans_id,
    session_id: s.session_id,
    status,
    payment_status: status === 'SUCCESS' ? s.payment_status : 'FAILED',
    amount: s.amount,
    currency: s.currency,
    capture_method: s.capture_method,
    failure_code: s.last_failure?.code ?? null,
    failure_message: s.last_failure?.message ?? null,
    finished_time: new Date().toISOString(),
  });

  api('/payments/session', (body) => {
    const required = ['trans_id', 'amount', 'currency', 'notify_url', 'return_url', 'expire_time'];
    const missing = required.filter((key) => body[key] === undefined || body[key] === '');
    if (missing.length) throw new CashierError(400, '1003', `Missing parameters: ${missing.join(', ')}`);
    if (!Number.isSafeInteger(body.amount) || (body.amount as number) <= 0) {
      throw new CashierError(400, '1004', 'amount must be a positive integer in minor units');
    }
    if (body.session_mode !== undefined && body.session_mode !== 'HOSTED') {
      throw new CashierError(400, '1005', 'Only session_mode HOSTED is supported');
    }
    const expiresAt = Date.parse(String(body.expire_time));
    if (Number.isNaN(expiresAt)) throw new CashierError(400, '1006', 'expire_time is not a date');
    const existing = byTransId.get(String(body.trans_id));
    if (existing) {
      // The same request again (a retry after a timeout) gets the same session.
      if (existing.amount !== body.amount || existing.currency !== body.currency) {
        throw new CashierError(400, '4009', 'trans_id already used for another amount');
      }
      expire(existing);
      return view(existing);
    }
    const created: CashierSession = {
      session_id: `CS${Date.now()}${randomInt(100000, 999999)}`,
      merchant_id: options.merchantId,
      trans_id: String(body.trans_id),
      amount: body.amount as number,
      currency: String(body.currency),
      notify_url: String(body.notify_url),
      return_url: String(body.return_url),
      expire_time: String(body.expire_time),
      expires_at: expiresAt,
      capture_method: body.capture_method === 'MANUAL' ? 'MANUAL' : 'AUTOMATIC',
      display_merchant_name:
        typeof body.display_merchant_name === 'string' ? body.display_merchant_name : 'Merchant',
      goods: Array.isArray(body.goods)
        ? (body.goods as Body[]).map((item) => ({
            name: String(item.name ?? ''),
            price: Number(item.price ?? 0),
            quantity: Number(item.quantity ?? 1),
          }))
        : [],
      status: 'PROCESSING',
      payment_status: 'NONE',
      refunded_amount: 0,
      last_failure: null,
      created_at: new Date().toISOString(),
      request: body,
      challenge_indicator: String((body.authentication as Body | undefined)?.challenge_indicator ?? 'AUTO'),
      challenge: null,
      card_on_file: cardOnFile(body.payment),
      collect_billing: (body.bill as Body | undefined)?.billing_address_collection === 'REQUIRED',
      billing_collected: null,
    };
    sessions.set(created.session_id, created);
    byTransId.set(created.trans_id, created);
    return view(created);
  });

  api('/payments/session/query', (body) => view(session(body)));

  api('/payments/capture', (body) => {
    const s = session(body);
    if (s.payment_status === 'CAPTURED') return view(s);
    if (s.payment_status !== 'AUTHORIZED')
      throw new CashierError(400, '4010', `Cannot capture a ${s.payment_status} payment`);
    s.payment_status = 'CAPTURED';
    return view(s);
  });

  api('/payments/void', (body) => {
    const s = session(body);
    if (s.payment_status === 'CAPTURED' || s.payment_status.endsWith('REFUNDED')) {
      throw new CashierError(400, '4010', 'A captured payment is refunded, not voided');
    }
    if (s.status === 'PROCESSING') s.status = 'CLOSED';
    if (s.payment_status === 'AUTHORIZED') s.payment_status = 'VOIDED';
    return view(s);
  });

  api('/payments/refund', (body) => {
    const s = session(body);
    const refundId = String(body.refund_id ?? '');
    if (!refundId) throw new CashierError(400, '1003', 'Missing parameters: refund_id');
    const existing = refunds.get(refundId);
    if (existing) return existing;
    const amount = body.amount as number;
    if (!['CAPTURED', 'PARTIALLY_REFUNDED'].includes(s.payment_status)) {
      throw new CashierError(400, '4010', `Cannot refund a ${s.payment_status} payment`);
    }
    if (!Number.isSafeInteger(amount) || amount <= 0 || amount > s.amount - s.refunded_amount) {
      throw new CashierError(400, '1004', 'Refund amount exceeds what is left to refund');
    }
    s.refunded_amount += amount;
    s.payment_status = s.refunded_amount === s.amount ? 'REFUNDED' : 'PARTIALLY_REFUNDED';
    const refund: CashierRefund = {
      refund_id: refundId,
      trans_id: s.trans_id,
      amount,
      currency: s.currency,
      status: 'SUCCESS',
      created_at: new Date().toISOString(),
    };
    refunds.set(refundId, refund);
    notify(s, { event_type: 'REFUND', ...refund });
    return refund;
  });

  api('/payments/token/query', (body) => {
    const shopper = String(body.shopper_reference ?? '');
    if (!shopper) throw new CashierError(400, '1003', 'Missing parameters: shopper_reference');
    return { shopper_reference: shopper, tokens: tokens.of(shopper).map(tokenView) };
  });

  api('/payments/token/remove', (body) => {
    const shopper = String(body.shopper_reference ?? '');
    if (!tokens.remove(shopper, body.token)) throw new CashierError(404, '4004', 'Token not found');
    return { token: body.token, shopper_reference: shopper, status: 'REMOVED' };
  });

  api('/payments/refund/query', (body) => {
    const refund = refunds.get(String(body.refund_id));
    if (!refund) throw new CashierError(404, '4004', 'Refund not found');
    return refund;
  });

  /**
   * What a shop sent: a session with its create request as it arrived (headers aside), by session id
   * or by the shop's `trans_id` (`?trans_id=`), for tests and for a developer checking an integration.
   */
  const inspected = (s: CashierSession) => ({
    session_id: s.session_id,
    trans_id: s.trans_id,
    status: s.status,
    payment_status: s.payment_status,
    request: s.request,
    billing_collected: s.billing_collected,
  });
  app.get('/sandbox/cashier/sessions/:id', async (request, reply) => {
    const s = sessions.get((request.params as { id: string }).id);
    if (!s) return reply.status(404).send({ error_code: '4004', error_description: 'Session not found' });
    return inspected(s);
  });
  app.get('/sandbox/cashier/sessions', async (request) => {
    const s = byTransId.get(String((request.query as { trans_id?: string }).trans_id));
    return { sessions: s ? [inspected(s)] : [] };
  });

  registerHostedPage(app, { sessions, tokens, notify, transactionEvent });
}

import { Inject, Injectable, Logger } from '@nestjs/common';
import { CatalogCommands, CustomerCommands, CustomerHistory, PaymentGoods } from '@app/contracts';
import { CommandClient, DomainError, PLATFORM_CONFIG, PlatformConfig } from '@app/platform';
import { PaymentConfig } from '../../config/payment-config';
import { PAYMENT_CONFIG } from '../../config/payment-config.token';
import {
  Attempt,
  InitiateInput,
  Initiated,
  NotificationRejected,
  PaymentProvider,
  ProviderStatus,
  RefundStatus,
  StoredCard,
  VerifiedNotification,
} from '../payment-provider';
import { jsonAnswer } from '../provider-http';
import { CashierApiError, CashierClient } from './cashier-client';
import { cashierSessionRequest, ExpandedProduct, GoodsFacts, goodsFactsOf } from './cashier-session-request';
import { cashierSignature, sameSignature } from './cashier-signature';

interface CashierView extends Record<string, unknown> {
  trans_id: string;
  amount: number;
  currency: string;
  session_id: string;
  session_url: string;
  status: 'PROCESSING' | 'SUCCESS' | 'CLOSED' | 'EXPIRED';
  payment_status: string;
  expire_time: string;
}

/** A card the cashier keeps for a shopper, as its token query answers it. */
interface CashierToken {
  token: string;
  shopper_reference: string;
  card?: { card_brand?: string; masked_card_number?: string; expiry_month?: string; expiry_year?: string };
  created_time?: string;
}

/**
 * How long the customer's history and the goods' catalog facts are waited for: they only feed the
 * cashier's fraud checks, so a slow app must not hold up, or time out, the shopper's payment page.
 */
const EXTRAS_TIMEOUT_MS = 1_000;

/** The cashier's "transaction not found". */
const NOT_FOUND = '4004';

/**
 * The hosted cashier of seed 003 (PayKKa style): a hosted session per attempt (`trans_id` = our
 * attempt id, so a retried create returns the same session), the shopper pays on `session_url`,
 * and the cashier's signed notification says paid or failed. Query, capture, void and refund go
 * through the same API.
 */
@Injectable()
export class CashierProvider implements PaymentProvider {
  readonly id = 'cashier' as const;
  private readonly client: CashierClient;
  private readonly logger = new Logger(CashierProvider.name);

  constructor(
    @Inject(PAYMENT_CONFIG) private readonly config: PaymentConfig,
    @Inject(PLATFORM_CONFIG) platform: PlatformConfig,
    private readonly commands: CommandClient,
  ) {
    this.client = new CashierClient(
      config.cashier.baseUrl,
      config.cashier.merchantId,
      config.cashier.apiSecret,
      platform.providerTimeoutMs,
    );
  }

  async initiate({ attempt, context }: InitiateInput): Promise<Initiated> {
    const [history, products] = await Promise.all([
      context.customer_id ? this.historyOf(context.customer_id) : null,
      this.goodsFacts(context.goods),
    ]);
    const session = await this.client.post<CashierView>(
      '/payments/session',
      cashierSessionRequest(this.config, attempt, context, history, products),
    );
    await this.checkAnswer(attempt, session);
    const paid = session.status === 'SUCCESS';
    return {
      status: paid ? 'authorized' : 'requires_more',
      provider_reference: session.session_id,
      data: { session_url: session.session_url, trans_id: attempt.id, expire_time: session.expire_time },
    };
  }

  /**
   * What the customer app knows of the signed-in customer, for the cashier's fraud checks. They are
   * extra: when the customer app cannot say, the session is opened without them (and it is logged).
   */
  private async historyOf(customerId: string): Promise<CustomerHistory | null> {
    try {
      return await this.commands.request(
        CustomerCommands.history,
        { customer_id: customerId },
        { timeoutMs: EXTRAS_TIMEOUT_MS },
      );
    } catch (error) {
      this.logger.warn(`no order history of ${customerId} for the cashier: ${String(error)}`);
      return null;
    }
  }

  /**
   * The goods' category (the product's first category, else its type) and brand (its collection),
   * from the catalog in one request; extra like the customer's history, so left out when it cannot say.
   */
  private async goodsFacts(goods: PaymentGoods[]): Promise<Map<string, GoodsFacts>> {
    const ids = [...new Set(goods.map((item) => item.product_id).filter((id): id is string => !!id))];
    if (!ids.length) return new Map();
    try {
      const { products } = await this.commands.request(
        CatalogCommands.listProducts,
        { id: ids, expand: 'categories,collection,type', limit: ids.length },
        { timeoutMs: EXTRAS_TIMEOUT_MS },
      );
      return goodsFactsOf(products as ExpandedProduct[]);
    } catch (error) {
      this.logger.warn(`no catalog facts of ${ids.join(', ')} for the cashier: ${String(error)}`);
      return new Map();
    }
  }

  /**
   * A session answered for another transaction, amount or currency is not ours to show a shopper:
   * what the cashier holds under our transaction id is voided, and the payment refused.
   */
  private async checkAnswer(attempt: Attempt, session: CashierView): Promise<void> {
    const currency = attempt.currency_code.toUpperCase();
    if (
      session.trans_id === attempt.id &&
      session.amount === attempt.amount &&
      session.currency === currency
    ) {
      return;
    }
    this.logger.error(
      `cashier answered session ${session.session_id} for ${session.trans_id} ${session.amount} ${session.currency}, asked ${attempt.id} ${attempt.amount} ${currency}: voiding it`,
    );
    await this.cancel(attempt).catch((error: unknown) =>
      this.logger.error(`voiding ${attempt.id} failed (${String(error)}); the expiry sweep voids it`),
    );
    throw new DomainError(
      'unexpected_state',
      'The payment provider answered for another payment; nothing was charged',
      'provider_mismatch',
    );
  }

  async cancel(attempt: Attempt): Promise<void> {
    try {
      await this.client.post('/payments/void', { trans_id: attempt.id }, [NOT_FOUND]);
    } catch (error) {
      // Never created at the cashier (the create timed out before it arrived): nothing to void.
      if (error instanceof CashierApiError && error.code === NOT_FOUND) return;
      throw error;
    }
  }

  async status(attempt: Attempt): Promise<ProviderStatus> {
    try {
      const session = await this.client.post<CashierView>(
        '/payments/session/query',
        { trans_id: attempt.id },
        [NOT_FOUND],
      );
      const byPayment: Record<string, ProviderStatus> = {
        AUTHORIZED: 'authorized',
        CAPTURED: 'captured',
        VOIDED: 'voided',
        REFUNDED: 'captured',
        PARTIALLY_REFUNDED: 'captured',
      };
      if (byPayment[session.payment_status]) return byPayment[session.payment_status];
      return session.status === 'EXPIRED' ? 'expired' : session.status === 'CLOSED' ? 'voided' : 'open';
    } catch (error) {
      if (error instanceof CashierApiError && error.code === NOT_FOUND) return 'unknown';
      throw error;
    }
  }

  /** Paid or not is what the provider's query says. */
  authorize(attempt: Attempt): Promise<ProviderStatus> {
    return this.status(attempt);
  }

  async capture(attempt: Attempt): Promise<void> {
    await this.client.post('/payments/capture', { trans_id: attempt.id, amount: attempt.amount });
  }

  async refund(attempt: Attempt, amount: number, refundId: string): Promise<void> {
    await this.client.post('/payments/refund', {
      trans_id: attempt.id,
      refund_id: refundId,
      amount,
      notify_url: `${this.config.publicBaseUrl}/hooks/payments/cashier`,
    });
  }

  async refundStatus(attempt: Attempt, refundId: string): Promise<RefundStatus> {
    try {
      const refund = await this.client.post<{ status?: string }>(
        '/payments/refund/query',
        { trans_id: attempt.id, refund_id: refundId },
        [NOT_FOUND],
      );
      return refund.status === 'SUCCESS' ? 'succeeded' : 'pending';
    } catch (error) {
      if (error instanceof CashierApiError && error.code === NOT_FOUND) return 'unknown';
      throw error;
    }
  }

  /**
   * The seed's token query, by `shopper_reference` = our customer id; only that shopper's tokens
   * count. A shop that keeps no cards (CASHIER_CARDS_ON_FILE=false) has none to ask for.
   */
  async savedCards(customerId: string): Promise<StoredCard[]> {
    if (!this.config.cashier.cardsOnFile) return [];
    const answer = await this.client.post<{ tokens?: CashierToken[] }>('/payments/token/query', {
      shopper_reference: customerId,
    });
    return (answer.tokens ?? [])
      .filter((token) => token.shopper_reference === customerId && typeof token.token === 'string')
      .map((token) => ({
        token: token.token,
        brand: String(token.card?.card_brand ?? 'card').toLowerCase(),
        last4: String(token.card?.masked_card_number ?? '').slice(-4),
        exp_month: Number(token.card?.expiry_month ?? 0),
        exp_year: Number(token.card?.expiry_year ?? 0),
        created_at: token.created_time ?? null,
      }));
  }

  /** The seed's token delete; a token the cashier no longer has is forgotten already. */
  async removeSavedCard(customerId: string, token: string): Promise<void> {
    try {
      await this.client.post('/payments/token/remove', { shopper_reference: customerId, token }, [NOT_FOUND]);
    } catch (error) {
      if (error instanceof CashierApiError && error.code === NOT_FOUND) return;
      throw error;
    }
  }

  updateData(): never {
    throw DomainError.notAllowed('The cashier session takes no data from the storefront');
  }

  /**
   * `X-Pay-Timestamp`, `X-Pay-Nonce`, `X-Pay-Signature` = hex HMAC-SHA256 over
   * `timestamp.nonce.body` with the notify secret; the timestamp within the tolerance both ways; the
   * merchant ours.
   */
  verify(body: Buffer, headers: Record<string, string>, now: Date): VerifiedNotification {
    const timestamp = headers['x-pay-timestamp'] ?? '';
    const nonce = headers['x-pay-nonce'] ?? '';
    const signature = headers['x-pay-signature'] ?? '';
    if (!/^\d{1,12}$/.test(timestamp) || !nonce || !signature) throw new NotificationRejected('unsigned');
    const expected = cashierSignature(this.config.cashier.notifySecret, timestamp, nonce, body);
    if (!sameSignature(signature, expected)) throw new NotificationRejected('bad signature');
    if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > this.config.notificationToleranceSeconds) {
      throw new NotificationRejected('timestamp outside the tolerance');
    }
    let event: Record<string, unknown>;
    try {
      event = JSON.parse(body.toString('utf8'));
    } catch {
      throw new NotificationRejected('not JSON');
    }
    if (event.merchant_id !== this.config.cashier.merchantId)
      throw new NotificationRejected('another merchant');
    if (typeof event.event_id !== 'string' || typeof event.trans_id !== 'string') {
      throw new NotificationRejected('no event or transaction id');
    }
    const outcome =
      event.event_type === 'REFUND'
        ? 'refunded'
        : event.status === 'FAILED'
          ? 'failed'
          : event.status === 'SUCCESS'
            ? event.payment_status === 'AUTHORIZED'
              ? 'authorized'
              : 'captured'
            : 'other';
    return {
      event_id: event.event_id,
      nonce,
      attempt_id: event.trans_id,
      provider_reference: typeof event.session_id === 'string' ? event.session_id : null,
      outcome,
      amount: Number(event.amount),
      currency_code: String(event.currency ?? '').toLowerCase(),
      refund_id: typeof event.refund_id === 'string' ? event.refund_id : undefined,
    };
  }

  acknowledge() {
    return jsonAnswer(200, { code: 'SUCCESS', message: 'OK' });
  }

  refuse() {
    return jsonAnswer(400, { code: 'FAIL', message: 'rejected' });
  }
}

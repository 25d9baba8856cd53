import { Inject, Injectable } from '@nestjs/common';
import {
  assertNoTransaction,
  DomainError,
  fromMinorUnits,
  PLATFORM_CONFIG,
  PlatformConfig,
  toMinorUnits,
} from '@app/platform';
import { AlipayRequestError, AlipaySdk } from 'alipay-sdk';
import { PaymentConfig } from '../../config/payment-config';
import { PAYMENT_CONFIG } from '../../config/payment-config.token';
import {
  Attempt,
  InitiateInput,
  Initiated,
  NotificationRejected,
  PaymentProvider,
  ProviderStatus,
  VerifiedNotification,
} from '../payment-provider';
import { textAnswer, unverifiedAnswer } from '../provider-http';
import { alipayTime } from './alipay-time';

/** Alipay settles in yuan only; its amounts are yuan strings (`"20.40"`). */
const ALIPAY_CURRENCY = 'cny';

/** A notification's yuan string in fen, exactly (never through a float); NaN when it is not one. */
function yuanAmount(text: string | undefined): number {
  try {
    return toMinorUnits(text ?? '', ALIPAY_CURRENCY);
  } catch {
    return Number.NaN;
  }
}

/**
 * Alipay (app payments): seed 002's signed order string per attempt (`out_trade_no` = our attempt
 * id, amounts in yuan at this edge only); the shopper pays in Alipay, whose asynchronous
 * notification — RSA2 over the sorted parameters, answered `success` — says it is paid. Alipay signs
 * no delivery time, so replays are stopped by the notification id and idempotent state changes.
 * Signing, `gateway.do` calls and the checks of Alipay's signatures — on its answers and its
 * notifications — are Alipay's own SDK (`alipay-sdk`).
 */
@Injectable()
export class AlipayProvider implements PaymentProvider {
  readonly id = 'alipay' as const;
  private readonly sdk: AlipaySdk;

  constructor(
    @Inject(PAYMENT_CONFIG) private readonly config: PaymentConfig,
    @Inject(PLATFORM_CONFIG) platform: PlatformConfig,
  ) {
    this.sdk = new AlipaySdk({
      appId: config.alipay.appId,
      privateKey: config.alipay.appPrivateKey,
      alipayPublicKey: config.alipay.platformPublicKey,
      gateway: config.alipay.gatewayUrl,
      signType: 'RSA2',
      keyType: 'PKCS8',
      camelcase: false,
      timeout: platform.providerTimeoutMs,
    });
  }

  async initiate({ attempt, context }: InitiateInput): Promise<Initiated> {
    if (attempt.currency_code !== 'cny') throw DomainError.notAllowed('Alipay takes payments in CNY only');
    const subject =
      context.goods
        .map((item) => item.name)
        .join(', ')
        .slice(0, 256) || 'Order';
    const order = this.signed('alipay.trade.app.pay', {
      out_trade_no: attempt.id,
      total_amount: fromMinorUnits(attempt.amount, ALIPAY_CURRENCY),
      subject,
      product_code: 'QUICK_MSECURITY_PAY',
      time_expire: alipayTime(attempt.expires_at).slice(0, 16),
    });
    return {
      status: 'requires_more',
      provider_reference: null,
      data: { pay_param: order, out_trade_no: attempt.id },
    };
  }

  async cancel(attempt: Attempt): Promise<void> {
    const answer = await this.gateway('alipay.trade.close', { out_trade_no: attempt.id });
    // ACQ.TRADE_NOT_EXIST: never opened at Alipay (the shopper never opened the app): nothing to close.
    if (answer.code !== '10000' && answer.sub_code !== 'ACQ.TRADE_NOT_EXIST') {
      throw DomainError.notAllowed(
        `Alipay refused to close ${attempt.id}: ${answer.sub_code ?? answer.code}`,
      );
    }
  }

  async status(attempt: Attempt): Promise<ProviderStatus> {
    const answer = await this.gateway('alipay.trade.query', { out_trade_no: attempt.id });
    if (answer.code !== '10000') return 'unknown';
    const states: Record<string, ProviderStatus> = {
      WAIT_BUYER_PAY: 'open',
      TRADE_SUCCESS: 'captured',
      TRADE_FINISHED: 'captured',
      TRADE_CLOSED: 'voided',
    };
    return states[String(answer.trade_status)] ?? 'unknown';
  }

  /** Paid or not is what the provider's query says. */
  authorize(attempt: Attempt): Promise<ProviderStatus> {
    return this.status(attempt);
  }

  /** Alipay takes the money when the shopper pays: nothing to capture. */
  async capture(): Promise<void> {}

  async refund(attempt: Attempt, amount: number, refundId: string): Promise<void> {
    const answer = await this.gateway('alipay.trade.refund', {
      out_trade_no: attempt.id,
      refund_amount: fromMinorUnits(amount, ALIPAY_CURRENCY),
      out_request_no: refundId,
    });
    if (answer.code !== '10000') {
      throw DomainError.notAllowed(
        `Alipay refused the refund of ${attempt.id}: ${answer.sub_code ?? answer.code}`,
      );
    }
  }

  updateData(): never {
    throw DomainError.notAllowed('The Alipay session takes no data from the storefront');
  }

  verify(body: Buffer): VerifiedNotification {
    const params = Object.fromEntries(new URLSearchParams(body.toString('utf8')));
    if (!params.sign || !this.sdk.checkNotifySignV2(params)) throw new NotificationRejected('bad signature');
    if (params.app_id !== this.config.alipay.appId || params.seller_id !== this.config.alipay.sellerId) {
      throw new NotificationRejected('another merchant');
    }
    if (!params.notify_id || !params.out_trade_no) throw new NotificationRejected('no ids');
    const paid = params.trade_status === 'TRADE_SUCCESS' || params.trade_status === 'TRADE_FINISHED';
    return {
      event_id: params.notify_id,
      nonce: null,
      attempt_id: params.out_trade_no,
      provider_reference: params.trade_no ?? null,
      outcome: params.refund_fee ? 'refunded' : paid ? 'captured' : 'other',
      amount: yuanAmount(params.total_amount),
      currency_code: ALIPAY_CURRENCY,
    };
  }

  acknowledge() {
    return textAnswer(200, 'success');
  }

  refuse() {
    return textAnswer(400, 'failure');
  }

  /** The signed order string of an app payment: common parameters and `biz_content`. */
  private signed(method: string, biz: Record<string, string>): string {
    return this.sdk.sdkExecute(
      method,
      {
        notify_url: `${this.config.publicBaseUrl}/hooks/payments/alipay`,
        timestamp: alipayTime(new Date()),
        bizContent: biz,
      },
      { bizContentAutoSnakeCase: false },
    );
  }

  /**
   * One call to Alipay's gateway (`gateway.do`): the `<method>_response` object of the answer, taken
   * only when Alipay signed it (`provider_unverified` otherwise); no answer in time is
   * `provider_timeout`, none at all `provider_unavailable`.
   */
  private async gateway(method: string, biz: Record<string, string>): Promise<Record<string, string>> {
    assertNoTransaction('A payment provider call');
    try {
      return (await this.sdk.exec(
        method,
        { timestamp: alipayTime(new Date()), bizContent: biz },
        { validateSign: true },
      )) as unknown as Record<string, string>;
    } catch (error) {
      throw alipayError(error);
    }
  }
}

/**
 * What a failed `gateway.do` call means for the caller: not reached (`provider_unavailable`), no answer
 * in time (`provider_timeout`), or an answer that is not Alipay's, or not readable as one
 * (`provider_unverified`: a missing or wrong `sign` included).
 */
function alipayError(error: unknown): DomainError {
  const message = (error as Error).message ?? String(error);
  if (error instanceof AlipayRequestError && message.startsWith('HttpClient')) {
    const cause = (error as { cause?: { name?: string; code?: string } }).cause;
    const timedOut = /timeout/i.test(`${cause?.name} ${cause?.code} ${message}`);
    return new DomainError(
      'unexpected_state',
      timedOut ? 'Alipay did not answer in time' : `Alipay could not be reached: ${message}`,
      timedOut ? 'provider_timeout' : 'provider_unavailable',
    );
  }
  if (error instanceof AlipayRequestError && message.startsWith('HTTP')) {
    return new DomainError('unexpected_state', `Alipay failed: ${message}`, 'provider_unavailable');
  }
  return unverifiedAnswer('Alipay', /验签/.test(message) ? 'bad sign' : 'missing sign or unreadable answer');
}

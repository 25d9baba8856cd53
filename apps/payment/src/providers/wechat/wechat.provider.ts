import { Inject, Injectable } from '@nestjs/common';
import { DomainError, PLATFORM_CONFIG, PlatformConfig } from '@app/platform';
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
import {
  jsonAnswer,
  ProviderApiError,
  providerFetch,
  ProviderResponse,
  unverifiedAnswer,
} from '../provider-http';
import { rsaSign } from '../rsa-signature';
import { authorization, decryptResource, nonceString, platformSignatureProblem } from './wechat-signature';

interface Transaction {
  appid: string;
  mchid: string;
  out_trade_no: string;
  transaction_id: string;
  trade_state: string;
  amount: { total: number; currency: string };
}

/**
 * WeChat Pay (APIv3, app payments): a prepay order per attempt (`out_trade_no` = our attempt id),
 * and seed 002's app-pay parameters signed with the merchant key; the shopper pays in WeChat, and
 * WeChat Pay's notification — signed with its platform key over `timestamp\nnonce\nbody\n`, the
 * transaction encrypted with AES-256-GCM under the APIv3 key — says it is paid.
 */
@Injectable()
export class WechatProvider implements PaymentProvider {
  readonly id = 'wechat' as const;

  constructor(
    @Inject(PAYMENT_CONFIG) private readonly config: PaymentConfig,
    @Inject(PLATFORM_CONFIG) private readonly platform: PlatformConfig,
  ) {}

  async initiate({ attempt, context }: InitiateInput): Promise<Initiated> {
    const wechat = this.config.wechat;
    const description =
      context.goods
        .map((item) => item.name)
        .join(', ')
        .slice(0, 127) || 'Order';
    const { prepay_id } = await this.call<{ prepay_id: string }>('POST', '/v3/pay/transactions/app', {
      appid: wechat.appId,
      mchid: wechat.merchantId,
      description,
      out_trade_no: attempt.id,
      time_expire: attempt.expires_at.toISOString().replace(/\.\d{3}Z$/, '+00:00'),
      notify_url: `${this.config.publicBaseUrl}/hooks/payments/wechat`,
      amount: { total: attempt.amount, currency: attempt.currency_code.toUpperCase() },
    });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const noncestr = nonceString();
    const sign = rsaSign(
      wechat.merchantPrivateKey,
      `${wechat.appId}\n${timestamp}\n${noncestr}\n${prepay_id}\n`,
    );
    return {
      status: 'requires_more',
      provider_reference: prepay_id,
      data: {
        pay_param: {
          appid: wechat.appId,
          partnerid: wechat.merchantId,
          prepayid: prepay_id,
          package: 'Sign=WXPay',
          noncestr,
          timestamp,
          sign,
        },
        out_trade_no: attempt.id,
      },
    };
  }

  async cancel(attempt: Attempt): Promise<void> {
    try {
      await this.call('POST', `/v3/pay/transactions/out-trade-no/${attempt.id}/close`, {
        mchid: this.config.wechat.merchantId,
      });
    } catch (error) {
      if (error instanceof ProviderApiError && error.status === 404) return;
      throw error;
    }
  }

  async status(attempt: Attempt): Promise<ProviderStatus> {
    try {
      const trade = await this.call<Transaction>(
        'GET',
        `/v3/pay/transactions/out-trade-no/${attempt.id}?mchid=${this.config.wechat.merchantId}`,
      );
      const states: Record<string, ProviderStatus> = {
        SUCCESS: 'captured',
        REFUND: 'captured',
        NOTPAY: 'open',
        USERPAYING: 'open',
        CLOSED: 'voided',
        PAYERROR: 'failed',
      };
      return states[trade.trade_state] ?? 'unknown';
    } catch (error) {
      if (error instanceof ProviderApiError && error.status === 404) return 'unknown';
      throw error;
    }
  }

  /** Paid or not is what the provider's query says. */
  authorize(attempt: Attempt): Promise<ProviderStatus> {
    return this.status(attempt);
  }

  /** WeChat Pay takes the money when the shopper pays: nothing to capture. */
  async capture(): Promise<void> {}

  async refund(attempt: Attempt, amount: number, refundId: string): Promise<void> {
    await this.call('POST', '/v3/refund/domestic/refunds', {
      out_trade_no: attempt.id,
      out_refund_no: refundId,
      notify_url: `${this.config.publicBaseUrl}/hooks/payments/wechat`,
      amount: { refund: amount, total: attempt.amount, currency: attempt.currency_code.toUpperCase() },
    });
  }

  updateData(): never {
    throw DomainError.notAllowed('The WeChat Pay session takes no data from the storefront');
  }

  verify(body: Buffer, headers: Record<string, string>, now: Date): VerifiedNotification {
    const wechat = this.config.wechat;
    const problem = this.signatureProblem(headers, body, now);
    if (problem) throw new NotificationRejected(problem);
    const nonce = headers['wechatpay-nonce'];
    let event: {
      id?: string;
      event_type?: string;
      resource?: { ciphertext: string; nonce: string; associated_data?: string };
    };
    let trade: Transaction;
    try {
      event = JSON.parse(body.toString('utf8'));
      trade = JSON.parse(decryptResource(wechat.apiV3Key, event.resource!));
    } catch {
      throw new NotificationRejected('unreadable or undecryptable resource');
    }
    if (trade.appid !== wechat.appId || trade.mchid !== wechat.merchantId)
      throw new NotificationRejected('another merchant');
    if (typeof event.id !== 'string' || typeof trade.out_trade_no !== 'string')
      throw new NotificationRejected('no ids');
    const outcome = event.event_type?.startsWith('REFUND.')
      ? 'refunded'
      : trade.trade_state === 'SUCCESS'
        ? 'captured'
        : trade.trade_state === 'PAYERROR'
          ? 'failed'
          : 'other';
    return {
      event_id: event.id,
      nonce,
      attempt_id: trade.out_trade_no,
      provider_reference: trade.transaction_id ?? null,
      outcome,
      amount: Number(trade.amount?.total),
      currency_code: String(trade.amount?.currency ?? '').toLowerCase(),
    };
  }

  acknowledge() {
    return jsonAnswer(200, { code: 'SUCCESS', message: '成功' });
  }

  refuse() {
    return jsonAnswer(400, { code: 'FAIL', message: '失败' });
  }

  /** Why a message is not WeChat Pay's (see platformSignatureProblem), or null. */
  private signatureProblem(headers: Record<string, string>, body: Buffer | string, now: Date): string | null {
    const wechat = this.config.wechat;
    return platformSignatureProblem(
      headers,
      body,
      { serial: wechat.platformSerial, publicKey: wechat.platformPublicKey },
      now,
      this.config.notificationToleranceSeconds,
    );
  }

  /**
   * One API call, signed as the merchant; its answer — an error too — is taken only when WeChat Pay
   * signed it (`provider_unverified` otherwise).
   */
  private async call<T>(method: 'GET' | 'POST', path: string, body?: object): Promise<T> {
    let answer: ProviderResponse;
    try {
      answer = await this.send(method, path, body);
    } catch (error) {
      if (error instanceof ProviderApiError) {
        const problem = this.signatureProblem(error.headers, error.body, new Date());
        if (problem) throw unverifiedAnswer('WeChat Pay', problem);
      }
      throw error;
    }
    const problem = this.signatureProblem(answer.headers, answer.text, new Date());
    if (problem) throw unverifiedAnswer('WeChat Pay', problem);
    return (answer.text ? JSON.parse(answer.text) : {}) as T;
  }

  private send(method: 'GET' | 'POST', path: string, body?: object): Promise<ProviderResponse> {
    const text = body ? JSON.stringify(body) : '';
    const wechat = this.config.wechat;
    return providerFetch(
      `${this.config.wechat.baseUrl.replace(/\/$/, '')}${path}`,
      () => ({
        method,
        headers: {
          accept: 'application/json',
          ...(body ? { 'content-type': 'application/json' } : {}),
          authorization: authorization(
            {
              merchantId: wechat.merchantId,
              serial: wechat.merchantSerial,
              privateKey: wechat.merchantPrivateKey,
            },
            method,
            path,
            text,
          ),
        },
        body: body ? text : undefined,
      }),
      this.platform.providerTimeoutMs,
    );
  }
}

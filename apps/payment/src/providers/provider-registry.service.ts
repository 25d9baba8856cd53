import { Injectable } from '@nestjs/common';
import { PaymentProviderId } from '@app/contracts';
import { DomainError } from '@app/platform';
import { AlipayProvider } from './alipay/alipay.provider';
import { CashierProvider } from './cashier/cashier.provider';
import { ManualProvider } from './manual.provider';
import { PaymentProvider } from './payment-provider';
import { WechatProvider } from './wechat/wechat.provider';

/** The providers this app implements, by id. */
@Injectable()
export class ProviderRegistry {
  private readonly providers: Map<string, PaymentProvider>;

  constructor(
    manual: ManualProvider,
    cashier: CashierProvider,
    wechat: WechatProvider,
    alipay: AlipayProvider,
  ) {
    this.providers = new Map<string, PaymentProvider>(
      [manual, cashier, wechat, alipay].map((provider) => [provider.id, provider]),
    );
  }

  all(): PaymentProvider[] {
    return [...this.providers.values()];
  }

  get(id: PaymentProviderId | string): PaymentProvider {
    const provider = this.providers.get(id);
    if (!provider) throw DomainError.notFound(`Payment provider ${id} was not found`);
    return provider;
  }
}

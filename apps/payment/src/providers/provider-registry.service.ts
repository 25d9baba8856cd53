import { Injectable } from '@nestjs/common';
import { PaymentProviderId } from '@app/contracts';
import { DomainError } from '@app/platform';
import { CashierProvider } from './cashier/cashier.provider';
import { ManualProvider } from './manual.provider';
import { PaymentProvider } from './payment-provider';

/** The providers this app implements, by id. */
@Injectable()
export class ProviderRegistry {
  private readonly providers: Map<string, PaymentProvider>;

  constructor(manual: ManualProvider, cashier: CashierProvider) {
    this.providers = new Map<string, PaymentProvider>(
      [manual, cashier].map((provider) => [provider.id, provider]),
    );
  }

  get(id: PaymentProviderId | string): PaymentProvider {
    const provider = this.providers.get(id);
    if (!provider) throw DomainError.notFound(`Payment provider ${id} was not found`);
    return provider;
  }
}

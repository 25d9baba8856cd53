import { Inject, Injectable } from '@nestjs/common';
import {
  SavedMethodRemoval,
  SavedMethodRemoved,
  SavedMethodsQuery,
  SavedMethodsReply,
  SavedPaymentMethod,
} from '@app/contracts';
import { DomainError, PLATFORM_CONFIG, PlatformConfig } from '@app/platform';
import { createHash } from 'node:crypto';
import { PaymentProvider, StoredCard } from '../providers/payment-provider';
import { ProviderRegistry } from '../providers/provider-registry.service';
import { withTimeout } from '../sessions/attempt-release.service';

/**
 * A signed-in customer's cards on file: asked of the providers that keep cards each time, by the
 * customer's id (the cashier's `shopper_reference`), never copied here. A card is shown by an id of
 * ours — a digest of its token — so a storefront never holds the token, and a card is forgotten only
 * when it is among the asking customer's own.
 */
@Injectable()
export class SavedPaymentMethods {
  constructor(
    private readonly providers: ProviderRegistry,
    @Inject(PLATFORM_CONFIG) private readonly platform: PlatformConfig,
  ) {}

  async list(query: SavedMethodsQuery): Promise<SavedMethodsReply> {
    const held = await Promise.all(
      this.keepers().map(async (provider) =>
        (await this.cardsAt(provider, query.customer_id)).map((card) => shown(provider, card)),
      ),
    );
    return { payment_methods: held.flat() };
  }

  async remove(removal: SavedMethodRemoval): Promise<SavedMethodRemoved> {
    for (const provider of this.keepers()) {
      const card = (await this.cardsAt(provider, removal.customer_id)).find(
        (candidate) => savedMethodId(provider.id, candidate.token) === removal.id,
      );
      if (!card) continue;
      await withTimeout(
        provider.removeSavedCard(removal.customer_id, card.token),
        this.platform.providerTimeoutMs,
        `${provider.id} did not answer in time`,
      );
      return { id: removal.id, object: 'payment_method', deleted: true };
    }
    throw DomainError.notFound(`Payment method with id ${removal.id} was not found`);
  }

  private keepers(): CardKeeper[] {
    return this.providers.all().filter(keepsCards);
  }

  private cardsAt(provider: CardKeeper, customerId: string): Promise<StoredCard[]> {
    return withTimeout(
      provider.savedCards(customerId),
      this.platform.providerTimeoutMs,
      `${provider.id} did not answer in time`,
    );
  }
}

/** A provider that keeps cards for customers. */
type CardKeeper = PaymentProvider & Required<Pick<PaymentProvider, 'savedCards' | 'removeSavedCard'>>;

const keepsCards = (provider: PaymentProvider): provider is CardKeeper =>
  Boolean(provider.savedCards && provider.removeSavedCard);

/** Our id of a provider's token: stable, and telling nothing of the token. */
export function savedMethodId(providerId: string, token: string): string {
  return `pm_${createHash('sha256').update(`${providerId}:${token}`).digest('base64url').slice(0, 26)}`;
}

function shown(provider: PaymentProvider, card: StoredCard): SavedPaymentMethod {
  return {
    provider_id: provider.id,
    data: {
      id: savedMethodId(provider.id, card.token),
      object: 'payment_method',
      type: 'card',
      brand: card.brand,
      last4: card.last4,
      exp_month: card.exp_month,
      exp_year: card.exp_year,
      created_at: card.created_at,
    },
  };
}

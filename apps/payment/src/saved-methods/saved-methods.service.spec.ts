import { DomainError, PlatformConfig } from '@app/platform';
import { PaymentProvider, StoredCard } from '../providers/payment-provider';
import { ProviderRegistry } from '../providers/provider-registry.service';
import { savedMethodId, SavedPaymentMethods } from './saved-methods.service';

const card = (token: string, last4: string): StoredCard => ({
  token,
  brand: 'visa',
  last4,
  exp_month: 9,
  exp_year: 2032,
  created_at: '2026-12-01T10:00:00.000Z',
});

/** A provider keeping cards per customer in memory, recording what it was asked to forget. */
function keeper(cards: Record<string, StoredCard[]>, removed: string[]): PaymentProvider {
  return {
    id: 'cashier',
    savedCards: async (customerId: string) => cards[customerId] ?? [],
    removeSavedCard: async (customerId: string, token: string) => {
      removed.push(`${customerId}:${token}`);
    },
  } as unknown as PaymentProvider;
}

describe('SavedPaymentMethods', () => {
  const removed: string[] = [];
  const registry = {
    all: () => [
      keeper(
        { cus_a: [card('TK-a-1', '4242'), card('TK-a-2', '4444')], cus_b: [card('TK-b-1', '5555')] },
        removed,
      ),
      { id: 'manual' } as PaymentProvider,
    ],
  } as unknown as ProviderRegistry;
  const methods = new SavedPaymentMethods(registry, { providerTimeoutMs: 1_000 } as PlatformConfig);

  beforeEach(() => removed.splice(0));

  it('lists the customer’s cards in Medusa’s shape, by an id that is not the token', async () => {
    const { payment_methods } = await methods.list({ customer_id: 'cus_a' });
    expect(payment_methods.map((method) => [method.provider_id, method.data.last4])).toEqual([
      ['cashier', '4242'],
      ['cashier', '4444'],
    ]);
    expect(payment_methods[0].data.id).toBe(savedMethodId('cashier', 'TK-a-1'));
    expect(JSON.stringify(payment_methods)).not.toContain('TK-a-');
  });

  it('forgets a card of the asking customer at its provider, with its token', async () => {
    const id = savedMethodId('cashier', 'TK-a-2');
    expect(await methods.remove({ customer_id: 'cus_a', id })).toEqual({
      id,
      object: 'payment_method',
      deleted: true,
    });
    expect(removed).toEqual(['cus_a:TK-a-2']);
  });

  it('refuses another customer’s card as not found, forgetting nothing', async () => {
    const id = savedMethodId('cashier', 'TK-b-1');
    await expect(methods.remove({ customer_id: 'cus_a', id })).rejects.toMatchObject({
      type: 'not_found',
    } satisfies Partial<DomainError>);
    expect(removed).toEqual([]);
  });

  it('gives each token its own id, stable, and another per provider', () => {
    expect(savedMethodId('cashier', 'TK-1')).toBe(savedMethodId('cashier', 'TK-1'));
    expect(savedMethodId('cashier', 'TK-1')).not.toBe(savedMethodId('cashier', 'TK-2'));
    expect(savedMethodId('cashier', 'TK-1')).not.toBe(savedMethodId('wechat', 'TK-1'));
  });
});

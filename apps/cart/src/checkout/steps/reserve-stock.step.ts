import { Injectable } from '@nestjs/common';
import { CatalogCommands, giftCardShares } from '@app/contracts';
import { CommandClient, DomainError } from '@app/platform';
import { GiftCardLedger } from '../../gift-cards/gift-card-ledger.service';
import { CheckoutSaga } from '../checkout-saga.store';
import { CheckoutStep, frozenCart, StepOutcome } from './checkout-step';

/**
 * Reserves what the order will take: the frozen cart's stock at the catalog, keyed by the cart (the
 * same key again holds exactly these quantities), then what its gift cards pay, in their ledger here
 * (again, exactly these amounts). Both are held until the order is placed or the checkout gives them
 * back; a card spent meanwhile by another checkout refuses this one.
 */
@Injectable()
export class ReserveStockStep implements CheckoutStep {
  readonly name = 'reserve-stock';
  readonly from = 'started' as const;
  readonly to = 'reserved' as const;

  constructor(
    private readonly commands: CommandClient,
    private readonly giftCards: GiftCardLedger,
  ) {}

  async run(saga: CheckoutSaga): Promise<StepOutcome> {
    const cart = frozenCart(saga);
    // A swap's returned lines come back through its return, not out of stock.
    const sold = (cart.items as { variant_id: string; quantity: number; is_return?: boolean }[]).filter(
      (item) => !item.is_return,
    );
    const items = quantitiesByVariant(sold);
    try {
      await this.commands.request(CatalogCommands.reserveInventory, { reservation_key: saga.cart_id, items });
    } catch (error) {
      if (error instanceof DomainError && error.code === 'insufficient_inventory') {
        return { kind: 'refused', error };
      }
      throw error;
    }
    const shares = giftCardShares(cart.gift_cards as { id: string; balance: number }[], cart.gift_card_total);
    // A first attempt without gift cards has nothing to hold, nor anything held before to give back.
    if (shares.length || saga.attempts > 1) await this.giftCards.hold(saga.cart_id, shares);
    return { kind: 'done' };
  }

  /** Gives back whatever the cart holds. */
  async compensate(saga: CheckoutSaga): Promise<void> {
    await this.giftCards.release(saga.cart_id);
    await this.commands.request(CatalogCommands.releaseInventory, { reservation_key: saga.cart_id });
  }
}

/** The cart's quantities per variant (lines of one variant with different metadata are one reservation). */
export function quantitiesByVariant(
  items: { variant_id: string; quantity: number }[],
): { variant_id: string; quantity: number }[] {
  const quantities = new Map<string, number>();
  for (const item of items)
    quantities.set(item.variant_id, (quantities.get(item.variant_id) ?? 0) + item.quantity);
  return [...quantities].map(([variant_id, quantity]) => ({ variant_id, quantity }));
}

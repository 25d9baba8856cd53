import { Injectable } from '@nestjs/common';
import { CatalogCommands } from '@app/contracts';
import { CommandClient, DomainError } from '@app/platform';
import { CheckoutSaga } from '../checkout-saga.store';
import { CheckoutStep, frozenCart, StepOutcome } from './checkout-step';

/**
 * Reserves the frozen cart's stock at the catalog, keyed by the cart (the same key again holds
 * exactly these quantities); held until the order confirms it or the checkout gives it back.
 */
@Injectable()
export class ReserveStockStep implements CheckoutStep {
  readonly name = 'reserve-stock';
  readonly from = 'started' as const;
  readonly to = 'reserved' as const;

  constructor(private readonly commands: CommandClient) {}

  async run(saga: CheckoutSaga): Promise<StepOutcome> {
    const items = quantitiesByVariant(frozenCart(saga).items as { variant_id: string; quantity: number }[]);
    try {
      await this.commands.request(CatalogCommands.reserveInventory, { reservation_key: saga.cart_id, items });
      return { kind: 'done' };
    } catch (error) {
      if (error instanceof DomainError && error.code === 'insufficient_inventory') {
        return { kind: 'refused', error };
      }
      throw error;
    }
  }

  /** Gives back whatever the cart holds. */
  async compensate(saga: CheckoutSaga): Promise<void> {
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

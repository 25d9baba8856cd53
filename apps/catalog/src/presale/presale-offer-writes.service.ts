import { Injectable } from '@nestjs/common';
import { CatalogEvents, PresaleOfferInput } from '@app/contracts';
import { DomainError, Outbox } from '@app/platform';
import { EntityManager } from 'typeorm';

/**
 * The merchant's presale offers (seed 004): a variant put on presale or its terms changed — the
 * units already sold kept, the stock never set below them — or taken off presale while nothing was
 * sold, each with `events.catalog.presale-offer-changed`. Runs inside the caller's transaction.
 */
@Injectable()
export class PresaleOfferWrites {
  constructor(private readonly outbox: Outbox) {}

  async set(manager: EntityManager, variantId: string, offer: PresaleOfferInput): Promise<void> {
    if (new Date(offer.balance_closes_at) <= new Date(offer.balance_opens_at)) {
      throw DomainError.invalidData('A presale balance window must close after it opens');
    }
    const [variant] = await manager.query(
      'SELECT id FROM catalog.product_variant WHERE id = $1 AND deleted_at IS NULL',
      [variantId],
    );
    if (!variant) throw DomainError.notFound(`Variant with id: ${variantId} was not found`);
    const [current] = await manager.query(
      'SELECT sold FROM catalog.presale_offer WHERE variant_id = $1 FOR UPDATE',
      [variantId],
    );
    if (current && current.sold > offer.stock_limit) {
      throw DomainError.invalidData(
        `stock_limit ${offer.stock_limit} is below the ${current.sold} presale units already sold`,
      );
    }
    await manager.query(
      `INSERT INTO catalog.presale_offer (variant_id, currency_code, deposit_amount, balance_opens_at,
         balance_closes_at, stock_limit, buy_limit, expect_arrival_time, deposit_refundable)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (variant_id) DO UPDATE SET currency_code = EXCLUDED.currency_code,
         deposit_amount = EXCLUDED.deposit_amount, balance_opens_at = EXCLUDED.balance_opens_at,
         balance_closes_at = EXCLUDED.balance_closes_at, stock_limit = EXCLUDED.stock_limit,
         buy_limit = EXCLUDED.buy_limit, expect_arrival_time = EXCLUDED.expect_arrival_time,
         deposit_refundable = EXCLUDED.deposit_refundable, updated_at = now()`,
      [
        variantId,
        offer.currency_code,
        offer.deposit_amount,
        offer.balance_opens_at,
        offer.balance_closes_at,
        offer.stock_limit,
        offer.buy_limit,
        offer.expect_arrival_time ?? null,
        offer.deposit_refundable ?? false,
      ],
    );
    await this.changed(manager, variantId);
  }

  /** Takes a variant off presale; refused once units were sold (their orders' balances depend on it). */
  async delete(manager: EntityManager, variantId: string): Promise<void> {
    const [offer] = await manager.query(
      'SELECT sold FROM catalog.presale_offer WHERE variant_id = $1 FOR UPDATE',
      [variantId],
    );
    if (!offer) throw DomainError.notFound(`No presale offer for ${variantId}`);
    if (offer.sold > 0) {
      throw DomainError.notAllowed(
        `${offer.sold} presale units of ${variantId} are sold: set its stock_limit to that to stop selling instead`,
      );
    }
    await manager.query('DELETE FROM catalog.presale_offer WHERE variant_id = $1', [variantId]);
    await this.changed(manager, variantId);
  }

  private async changed(manager: EntityManager, variantId: string): Promise<void> {
    await this.outbox.record(
      manager,
      CatalogEvents.presaleOfferChanged,
      { id: variantId },
      { variant_id: variantId },
    );
  }
}

import { Injectable } from '@nestjs/common';
import { AdjustInventoryRequest, CatalogEvents, VariantInventory } from '@app/contracts';
import { DomainError, newId, Outbox } from '@app/platform';
import { EntityManager } from 'typeorm';

/**
 * The merchant's view and changes of a variant's stock. An adjustment is one statement on the
 * variant's inventory row: Postgres re-checks `stocked + delta >= reserved` on the row it locked, so
 * racing checkouts and adjustments never take the stock a shopper can buy below zero.
 */
@Injectable()
export class InventoryAdjustments {
  constructor(private readonly outbox: Outbox) {}

  /** Runs inside the caller's transaction (see Idempotency). */
  async adjust(manager: EntityManager, request: AdjustInventoryRequest): Promise<VariantInventory> {
    const id = newId('iadj');
    const adjusted: { product_id: string }[] = await manager.query(
      `WITH changed AS (
         UPDATE catalog.inventory_level il SET stocked_quantity = il.stocked_quantity + $2, updated_at = now()
         FROM catalog.product_variant v
         WHERE il.variant_id = $1 AND v.id = il.variant_id AND v.deleted_at IS NULL
           AND il.stocked_quantity + $2 >= il.reserved_quantity AND il.stocked_quantity + $2 >= 0
         RETURNING il.variant_id, il.stocked_quantity, v.product_id)
       INSERT INTO catalog.inventory_adjustment (id, variant_id, adjustment, reason, stocked_quantity)
       SELECT $3, variant_id, $2, $4, stocked_quantity FROM changed
       RETURNING (SELECT product_id FROM changed)`,
      [request.variant_id, request.adjustment, id, request.reason],
    );
    if (!adjusted.length) {
      await this.read(manager, request.variant_id);
      throw new DomainError(
        'not_allowed',
        `Variant with id: ${request.variant_id} has fewer units unreserved than ${-request.adjustment}`,
        'insufficient_inventory',
      );
    }
    const productId = adjusted[0].product_id;
    await this.outbox.record(
      manager,
      CatalogEvents.productUpdated,
      { id: productId },
      { product_id: productId },
    );
    return this.read(manager, request.variant_id);
  }

  async read(manager: EntityManager, variantId: string): Promise<VariantInventory> {
    const [variant] = await manager.query(
      `SELECT v.id, v.sku, v.manage_inventory, v.allow_backorder,
              coalesce(il.stocked_quantity, 0) AS stocked_quantity, coalesce(il.reserved_quantity, 0) AS reserved_quantity,
              coalesce(il.stocked_quantity - il.reserved_quantity, 0) AS inventory_quantity,
              coalesce((SELECT json_agg(json_build_object('id', r.id, 'reservation_key', r.reservation_key,
                          'quantity', r.quantity, 'created_at', r.created_at) ORDER BY r.created_at)
                        FROM catalog.reservation r WHERE r.variant_id = v.id AND r.status = 'reserved'), '[]') AS reservations,
              coalesce((SELECT json_agg(a ORDER BY a.created_at DESC) FROM (
                          SELECT id, adjustment, reason, stocked_quantity, created_at FROM catalog.inventory_adjustment
                          WHERE variant_id = v.id ORDER BY created_at DESC LIMIT 50) a), '[]') AS adjustments
       FROM catalog.product_variant v LEFT JOIN catalog.inventory_level il ON il.variant_id = v.id
       WHERE v.id = $1 AND v.deleted_at IS NULL`,
      [variantId],
    );
    if (!variant) throw DomainError.notFound(`Variant with id: ${variantId} was not found`);
    return variant as VariantInventory;
  }
}

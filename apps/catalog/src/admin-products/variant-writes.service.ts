import { Injectable } from '@nestjs/common';
import { AdminVariantInput, VariantChanges } from '@app/contracts';
import { DomainError, newId, upsertRows } from '@app/platform';
import { EntityManager } from 'typeorm';
import { priceRows } from '../pricing/price-rows';
import { updateGiven } from '../sql/row-writes';

/**
 * Writes a product's variants: the variant, its option values (one per product option, in order), its
 * prices and its stock level. Runs inside the caller's transaction.
 */
@Injectable()
export class VariantWrites {
  /**
   * Adds a variant to product `productId`, whose options are `optionIds` (in rank order); `id` is a
   * fresh one unless a catalog document fixes it.
   */
  async insert(
    manager: EntityManager,
    productId: string,
    optionIds: string[],
    variant: AdminVariantInput,
    rank: number,
    id = newId('variant'),
  ): Promise<string> {
    const values = variant.options ?? [];
    if (values.length !== optionIds.length) {
      throw DomainError.invalidData(
        `Variant "${variant.title}" needs a value for each of the product's ${optionIds.length} options, got ${values.length}`,
      );
    }
    const prices = await priceRows(manager, variant.prices ?? []);
    await upsertRows(manager, 'catalog.product_variant', [
      {
        id,
        title: variant.title,
        product_id: productId,
        sku: variant.sku ?? null,
        barcode: variant.barcode ?? null,
        ean: variant.ean ?? null,
        upc: variant.upc ?? null,
        variant_rank: rank,
        allow_backorder: variant.allow_backorder ?? false,
        manage_inventory: variant.manage_inventory ?? true,
        weight: variant.weight ?? null,
        material: variant.material ?? null,
        origin_country: variant.origin_country ?? null,
        metadata: variant.metadata ?? null,
      },
    ]);
    await upsertRows(
      manager,
      'catalog.product_option_value',
      values.map((value, index) => ({
        id: newId('optval'),
        value: value.value,
        option_id: optionIds[index],
        variant_id: id,
      })),
    );
    await upsertRows(
      manager,
      'catalog.money_amount',
      prices.map((price) => ({ ...price, id: newId('ma'), variant_id: id })),
    );
    await manager.query(
      'INSERT INTO catalog.inventory_level (variant_id, stocked_quantity) VALUES ($1, $2)',
      [id, variant.inventory_quantity ?? 0],
    );
    return id;
  }

  /** Changes a variant of `productId`: the fields given; prices given replace its default prices. */
  async update(
    manager: EntityManager,
    productId: string,
    variantId: string,
    changes: VariantChanges,
  ): Promise<void> {
    const [found] = await manager.query(
      'SELECT id FROM catalog.product_variant WHERE id = $1 AND product_id = $2 AND deleted_at IS NULL FOR UPDATE',
      [variantId, productId],
    );
    if (!found) throw DomainError.notFound(`Variant with id: ${variantId} was not found`);
    await updateGiven(manager, 'catalog.product_variant', variantId, changes, [
      'title',
      'sku',
      'allow_backorder',
      'manage_inventory',
      'metadata',
    ]);
    if (changes.prices) {
      const prices = await priceRows(manager, changes.prices);
      await manager.query(
        'DELETE FROM catalog.money_amount WHERE variant_id = $1 AND price_list_id IS NULL',
        [variantId],
      );
      await upsertRows(
        manager,
        'catalog.money_amount',
        prices.map((price) => ({ ...price, id: newId('ma'), variant_id: variantId })),
      );
    }
    if (changes.inventory_quantity !== undefined) {
      // What the store shows is stocked − reserved: set that to the quantity given.
      await manager.query(
        `UPDATE catalog.inventory_level SET stocked_quantity = reserved_quantity + $2, updated_at = now()
         WHERE variant_id = $1`,
        [variantId, changes.inventory_quantity],
      );
    }
  }
}

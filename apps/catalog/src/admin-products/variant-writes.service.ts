import { Injectable } from '@nestjs/common';
import { AdminPriceInput, AdminVariantInput, VariantChanges } from '@app/contracts';
import { DomainError, newId, upsertRows } from '@app/platform';
import { EntityManager } from 'typeorm';
import { updateGiven } from '../sql/row-writes';

/** A price row: in a currency, or in a region and its currency. */
interface PriceRow {
  id: string;
  variant_id: string;
  currency_code: string;
  region_id: string | null;
  amount: number;
  min_quantity: number | null;
  max_quantity: number | null;
}

/**
 * Writes a product's variants: the variant, its option values (one per product option, in order), its
 * prices and its stock level. Runs inside the caller's transaction.
 */
@Injectable()
export class VariantWrites {
  /** Adds a variant to product `productId`, whose options are `optionIds` (in rank order). */
  async insert(
    manager: EntityManager,
    productId: string,
    optionIds: string[],
    variant: AdminVariantInput,
    rank: number,
  ): Promise<string> {
    const values = variant.options ?? [];
    if (values.length !== optionIds.length) {
      throw DomainError.invalidData(
        `Variant "${variant.title}" needs a value for each of the product's ${optionIds.length} options, got ${values.length}`,
      );
    }
    const prices = await this.priceRows(manager, variant.prices ?? []);
    const id = newId('variant');
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
      const prices = await this.priceRows(manager, changes.prices);
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

  /**
   * The rows of prices given: each in a currency the store knows, or in an existing region (in its
   * currency: another currency is refused).
   */
  private async priceRows(
    manager: EntityManager,
    prices: AdminPriceInput[],
  ): Promise<Omit<PriceRow, 'id' | 'variant_id'>[]> {
    if (!prices.length) return [];
    const regions: { id: string; currency_code: string }[] = await manager.query(
      'SELECT id, currency_code FROM catalog.region WHERE id = ANY($1) AND deleted_at IS NULL',
      [prices.map((price) => price.region_id).filter(Boolean)],
    );
    const currencies: { code: string }[] = await manager.query(
      'SELECT code FROM catalog.currency WHERE code = ANY($1)',
      [prices.map((price) => price.currency_code).filter(Boolean)],
    );
    return prices.map((price) => {
      if (
        price.min_quantity !== undefined &&
        price.max_quantity !== undefined &&
        price.max_quantity < price.min_quantity
      )
        throw DomainError.invalidData('A price’s max_quantity must not be below its min_quantity');
      if (price.region_id) {
        const region = regions.find((candidate) => candidate.id === price.region_id);
        if (!region) throw DomainError.notFound(`Region with id ${price.region_id} was not found`);
        if (price.currency_code && price.currency_code !== region.currency_code) {
          throw DomainError.invalidData(
            `A price in region ${region.id} must be in its currency ${region.currency_code}, not ${price.currency_code}`,
          );
        }
        return this.row(region.currency_code, region.id, price);
      }
      if (!price.currency_code) throw DomainError.invalidData('A price needs a currency_code or a region_id');
      if (!currencies.some((currency) => currency.code === price.currency_code))
        throw DomainError.invalidData(`Currency with code ${price.currency_code} does not exist`);
      return this.row(price.currency_code, null, price);
    });
  }

  private row(
    currency: string,
    region: string | null,
    price: AdminPriceInput,
  ): Omit<PriceRow, 'id' | 'variant_id'> {
    return {
      currency_code: currency,
      region_id: region,
      amount: price.amount,
      min_quantity: price.min_quantity ?? null,
      max_quantity: price.max_quantity ?? null,
    };
  }
}

import { Injectable } from '@nestjs/common';
import { CatalogCommands, PricedItem } from '@app/contracts';
import { CommandClient, DomainError, newId } from '@app/platform';
import { CartCustomers } from '../carts/cart-customers.service';
import { TAX_INCLUSIVE_PRICING } from '../carts/cart-store.service';
import { StoredItem } from '../carts/stored-cart';

/** The columns of a line item that pricing sets. */
export type LineRow = Pick<
  StoredItem,
  | 'id'
  | 'title'
  | 'description'
  | 'thumbnail'
  | 'is_giftcard'
  | 'allow_discounts'
  | 'unit_price'
  | 'variant_id'
  | 'quantity'
  | 'includes_tax'
  | 'variant'
  | 'product_id'
  | 'profile_id'
  | 'product_type_id'
  | 'product_collection_id'
  | 'product_tag_ids'
>;

/**
 * Prices lines through the catalog, for the cart's region and customer: the unit price is the
 * catalog's price for the line's whole quantity (tiers apply), never the client's. Refuses a
 * variant without a price there, and a quantity the stock cannot serve.
 */
@Injectable()
export class LinePricing {
  constructor(
    private readonly commands: CommandClient,
    private readonly customers: CartCustomers,
  ) {}

  /** Prices `items` in the region, for the cart's customer (the price lists of their groups apply). */
  async price(
    regionId: string,
    items: { variant_id: string; quantity: number }[],
    customerId: string | null = null,
  ): Promise<PricedItem[]> {
    const customer_group_ids = customerId ? (await this.customers.profile(customerId)).group_ids : [];
    const { items: priced } = await this.commands.request(CatalogCommands.priceVariants, {
      items,
      region_id: regionId,
      ...(customer_group_ids.length && { customer_group_ids }),
    });
    return priced;
  }

  /**
   * Prices lines the cart already holds, each one's answer in its place: null for a variant no longer
   * sold (deleted, or its product unpublished since), which the caller removes from the cart — a cart
   * holding a withdrawn product stays usable and loses that line at its next repricing.
   */
  async priceHeld(
    regionId: string,
    items: { variant_id: string; quantity: number }[],
    customerId: string | null,
  ): Promise<(PricedItem | null)[]> {
    const customer_group_ids = customerId ? (await this.customers.profile(customerId)).group_ids : [];
    const { items: priced, withdrawn = [] } = await this.commands.request(CatalogCommands.priceVariants, {
      items,
      region_id: regionId,
      skip_withdrawn: true,
      ...(customer_group_ids.length && { customer_group_ids }),
    });
    const answers = [...priced];
    return items.map((item) => (withdrawn.includes(item.variant_id) ? null : answers.shift()!));
  }

  /**
   * A line for one priced variant (Medusa's `generateLineItem`), checking that its product is sold
   * in the cart's sales channel (when it has one), its price and stock.
   */
  line(priced: PricedItem, salesChannelId: string | null, id = newId('item')): LineRow {
    const { variant, pricing, quantity } = priced;
    const product = variant.product as Record<string, string | boolean | null>;
    if (salesChannelId && !priced.sales_channel_ids.includes(salesChannelId)) {
      throw DomainError.invalidData(
        `The product "${String(product.title)}" must belong to the sales channel on which the cart has been created.`,
      );
    }
    if (priced.presale) {
      throw DomainError.invalidData(
        `Variant with id: ${variant.id} is sold in presale only: order it through /store/presale`,
        'presale_only',
      );
    }
    if (pricing.calculated_price === null) {
      throw DomainError.invalidData(
        `Cannot generate line item for variant "${variant.title}" without a price`,
      );
    }
    const sufficient =
      !variant.manage_inventory || variant.allow_backorder || variant.inventory_quantity >= quantity;
    if (!sufficient) {
      throw new DomainError(
        'not_allowed',
        `Variant with id: ${variant.id} does not have the required inventory`,
        'insufficient_inventory',
      );
    }
    return {
      id,
      title: product.title as string,
      description: variant.title,
      thumbnail: (product.thumbnail as string | null) ?? null,
      is_giftcard: product.is_giftcard as boolean,
      allow_discounts: product.discountable as boolean,
      unit_price: pricing.calculated_price,
      variant_id: variant.id,
      quantity,
      includes_tax: TAX_INCLUSIVE_PRICING && !!pricing.calculated_price_includes_tax,
      variant,
      product_id: variant.product_id,
      profile_id: product.profile_id as string,
      product_type_id: (product.type_id as string | null) ?? null,
      product_collection_id: (product.collection_id as string | null) ?? null,
      product_tag_ids: priced.product_tag_ids,
    };
  }
}

import { Injectable } from '@nestjs/common';
import { AddLineItemCommand, CartReply, LineItemRef, UpdateLineItemCommand } from '@app/contracts';
import { DomainError, IdempotentUnit } from '@app/platform';
import { isDeepStrictEqual } from 'node:util';
import { CartStatement, cartEdit, CartWrite } from '../carts/cart-statement';
import { CartStore } from '../carts/cart-store.service';
import { StoredCart, StoredItem } from '../carts/stored-cart';
import { LinePricing, LineRow } from './line-pricing.service';

type Unit = IdempotentUnit<CartReply>;

const LINE_COLUMNS = [
  'id',
  'title',
  'description',
  'thumbnail',
  'is_giftcard',
  'allow_discounts',
  'unit_price',
  'variant_id',
  'quantity',
  'includes_tax',
  'variant',
  'product_id',
  'profile_id',
  'product_type_id',
  'product_collection_id',
  'product_tag_ids',
] as const;

/**
 * Line items, as Medusa's cart keeps them: a variant added again with the same metadata merges into
 * its line; every quantity is priced by the catalog for the whole line (tiers apply) and checked
 * against stock; any change to the lines removes the cart's shipping methods.
 */
@Injectable()
export class LineItemService {
  constructor(
    private readonly store: CartStore,
    private readonly pricing: LinePricing,
  ) {}

  add(unit: Unit, command: AddLineItemCommand): Promise<CartReply> {
    return this.store.change(unit, command.cart_id, async (cart) => {
      const metadata = command.metadata ?? {};
      const existing = cart.items.find(
        (item) =>
          item.variant_id === command.variant_id &&
          item.should_merge &&
          isDeepStrictEqual(item.metadata ?? {}, metadata),
      );
      const quantity = (existing?.quantity ?? 0) + command.quantity;
      const [priced] = await this.pricing.price(
        cart.region_id,
        [{ variant_id: command.variant_id, quantity }],
        cart.customer_id,
      );
      const line = this.pricing.line(priced, cart.sales_channel_id, existing?.id);
      return cartEdit((statement) => {
        if (existing) reprice(statement, existing.id, line);
        else addLines(statement, [line], metadata);
        removeShippingMethods(statement);
      });
    });
  }

  update(unit: Unit, command: UpdateLineItemCommand): Promise<CartReply> {
    return this.store.change(unit, command.cart_id, async (cart) => {
      const item = lineOf(cart, command.line_id);
      if (command.quantity === 0) return removeLine(item);
      const [priced] = await this.pricing.price(
        cart.region_id,
        [{ variant_id: item.variant_id, quantity: command.quantity }],
        cart.customer_id,
      );
      const line = this.pricing.line(priced, cart.sales_channel_id, item.id);
      return cartEdit((statement) => {
        reprice(statement, item.id, line, command.metadata);
        removeShippingMethods(statement);
      });
    });
  }

  remove(unit: Unit, command: LineItemRef): Promise<CartReply> {
    return this.store.change(unit, command.cart_id, async (cart) =>
      removeLine(lineOf(cart, command.line_id)),
    );
  }

  /**
   * Prices every line again for a region and customer (asking the catalog now); the writes set the
   * new prices and remove the lines without a price there (Medusa's rule), or no longer sold.
   */
  async repriceAll(cart: StoredCart, regionId: string, customerId = cart.customer_id): Promise<CartWrite> {
    // A swap's returned lines keep the price the order paid.
    const sold = cart.items.filter((item) => !item.is_return);
    if (!sold.length) return cartEdit(() => undefined);
    const priced = await this.pricing.priceHeld(
      regionId,
      sold.map((item) => ({ variant_id: item.variant_id, quantity: item.quantity })),
      customerId,
    );
    return cartEdit((statement) => {
      const ids = sold.map((item) => item.id);
      const prices = priced.map((line) => line?.pricing.calculated_price ?? null);
      statement.part(
        `DELETE FROM cart.line_item WHERE id = ANY(${statement.param(ids.filter((_, index) => prices[index] === null))})
           AND ${statement.written}`,
      );
      statement.part(
        `UPDATE cart.line_item l SET unit_price = priced.unit_price, updated_at = now()
         FROM unnest(${statement.param(ids)}::text[], ${statement.param(prices)}::int[]) AS priced (id, unit_price)
         WHERE l.id = priced.id AND priced.unit_price IS NOT NULL AND ${statement.written}`,
      );
    });
  }
}

/** Inserts priced lines into the cart (merged by variant before). */
export function addLines(
  statement: CartStatement,
  lines: LineRow[],
  metadata: Record<string, unknown> = {},
): void {
  for (const line of lines) {
    statement.insert('cart.line_item', {
      metadata,
      ...Object.fromEntries(LINE_COLUMNS.map((column) => [column, line[column]])),
    });
  }
}

/** Any change to the lines removes the cart's shipping methods (Medusa's rule). */
export function removeShippingMethods(statement: CartStatement): void {
  statement.part(
    `DELETE FROM cart.shipping_method WHERE cart_id = ${statement.cartId} AND ${statement.written}`,
  );
}

function removeLine(item: StoredItem): CartWrite {
  return cartEdit((statement) => {
    statement.part(
      `DELETE FROM cart.line_item WHERE id = ${statement.param(item.id)} AND ${statement.written}`,
    );
    removeShippingMethods(statement);
  });
}

/** A line's new quantity and price (and metadata, when given). */
function reprice(
  statement: CartStatement,
  id: string,
  line: LineRow,
  metadata?: Record<string, unknown>,
): void {
  const p = (value: unknown) => statement.param(value);
  statement.part(
    `UPDATE cart.line_item SET quantity = ${p(line.quantity)}, unit_price = ${p(line.unit_price)},
       includes_tax = ${p(line.includes_tax)}, variant = ${p(JSON.stringify(line.variant))},
       metadata = coalesce(${p(metadata ?? null)}::jsonb, metadata), updated_at = now()
     WHERE id = ${p(id)} AND ${statement.written}`,
  );
}

function lineOf(cart: StoredCart, lineId: string): StoredItem {
  const item = cart.items.find((candidate) => candidate.id === lineId);
  if (!item) throw DomainError.notFound(`Line item with id: ${lineId} was not found`);
  if (item.is_return) throw DomainError.notAllowed('A line a swap returns cannot be changed');
  return item;
}

import { Injectable } from '@nestjs/common';
import { AddLineItemCommand, CartReply, LineItemRef, UpdateLineItemCommand } from '@app/contracts';
import { DomainError, IdempotentUnit } from '@app/platform';
import { isDeepStrictEqual } from 'node:util';
import { EntityManager } from 'typeorm';
import { CartStore, CartWrite } from '../carts/cart-store.service';
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
      const [priced] = await this.pricing.price(cart.region_id, [
        { variant_id: command.variant_id, quantity },
      ]);
      const line = existing ? this.pricing.line(priced, existing.id) : this.pricing.line(priced);
      return async (manager) => {
        if (existing) await this.reprice(manager, existing.id, line);
        else await this.insertLines(manager, cart.id, [line], metadata);
        await this.removeShippingMethods(manager, cart.id);
      };
    });
  }

  update(unit: Unit, command: UpdateLineItemCommand): Promise<CartReply> {
    return this.store.change(unit, command.cart_id, async (cart) => {
      const item = lineOf(cart, command.line_id);
      if (command.quantity === 0) {
        return async (manager) => {
          await manager.query('DELETE FROM cart.line_item WHERE id = $1', [item.id]);
          await this.removeShippingMethods(manager, cart.id);
        };
      }
      const [priced] = await this.pricing.price(cart.region_id, [
        { variant_id: item.variant_id, quantity: command.quantity },
      ]);
      const line = this.pricing.line(priced, item.id);
      return async (manager) => {
        await this.reprice(manager, item.id, line);
        if (command.metadata) {
          await manager.query('UPDATE cart.line_item SET metadata = $2 WHERE id = $1', [
            item.id,
            command.metadata,
          ]);
        }
        await this.removeShippingMethods(manager, cart.id);
      };
    });
  }

  remove(unit: Unit, command: LineItemRef): Promise<CartReply> {
    return this.store.change(unit, command.cart_id, async (cart) => {
      const item = lineOf(cart, command.line_id);
      return async (manager) => {
        await manager.query('DELETE FROM cart.line_item WHERE id = $1', [item.id]);
        await this.removeShippingMethods(manager, cart.id);
      };
    });
  }

  /**
   * Prices every line again for a region (asking the catalog now); the writes set the new prices and
   * remove the lines without a price there (Medusa's rule).
   */
  async repriceAll(cart: StoredCart, regionId: string): Promise<CartWrite> {
    if (!cart.items.length) return async () => undefined;
    const priced = await this.pricing.price(
      regionId,
      cart.items.map((item) => ({ variant_id: item.variant_id, quantity: item.quantity })),
    );
    return async (manager) => {
      for (const [index, item] of cart.items.entries()) {
        if (priced[index].pricing.calculated_price === null) {
          await manager.query('DELETE FROM cart.line_item WHERE id = $1', [item.id]);
        } else {
          await manager.query('UPDATE cart.line_item SET unit_price = $2, updated_at = now() WHERE id = $1', [
            item.id,
            priced[index].pricing.calculated_price,
          ]);
        }
      }
    };
  }

  /** Adds priced lines to a cart, merging lines of the same variant (cart creation). */
  async insertLines(
    manager: EntityManager,
    cartId: string,
    lines: LineRow[],
    metadata: Record<string, unknown> = {},
  ): Promise<void> {
    for (const line of lines) {
      await manager.query(
        `INSERT INTO cart.line_item (cart_id, metadata, ${LINE_COLUMNS.join(', ')})
         VALUES ($1, $2, ${LINE_COLUMNS.map((_, index) => `$${index + 3}`).join(', ')})`,
        [cartId, metadata, ...LINE_COLUMNS.map((column) => serialize(line[column]))],
      );
    }
  }

  async removeShippingMethods(manager: EntityManager, cartId: string): Promise<void> {
    await manager.query('DELETE FROM cart.shipping_method WHERE cart_id = $1', [cartId]);
  }

  private async reprice(manager: EntityManager, id: string, line: LineRow): Promise<void> {
    await manager.query(
      'UPDATE cart.line_item SET quantity = $2, unit_price = $3, includes_tax = $4, variant = $5, updated_at = now() WHERE id = $1',
      [id, line.quantity, line.unit_price, line.includes_tax, line.variant],
    );
  }
}

function lineOf(cart: StoredCart, lineId: string): StoredItem {
  const item = cart.items.find((candidate) => candidate.id === lineId);
  if (!item) throw DomainError.notFound(`Line item with id: ${lineId} was not found`);
  return item;
}

/** Arrays of text go to Postgres as arrays; objects as JSON. */
function serialize(value: unknown): unknown {
  return value && typeof value === 'object' && !Array.isArray(value) ? JSON.stringify(value) : value;
}

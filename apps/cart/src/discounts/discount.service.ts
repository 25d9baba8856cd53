import { Injectable } from '@nestjs/common';
import {
  CartReply,
  DiscountConditionTargets,
  DiscountConditionTargetsQuery,
  DiscountRef,
} from '@app/contracts';
import { DomainError, IdempotentUnit, PreparedStatements } from '@app/platform';
import { EntityManager } from 'typeorm';
import { CartStore } from '../carts/cart-store.service';
import { DISCOUNT_JSON } from '../carts/cart.sql';
import { StoredCart, StoredDiscount } from '../carts/stored-cart';

/**
 * Discount codes on carts, with Medusa v1's checks and its one rule: a cart holds at most one
 * discount that takes money off lines, plus at most one free-shipping discount; applying another of
 * the same kind replaces it.
 */
@Injectable()
export class DiscountService {
  constructor(
    private readonly store: CartStore,
    private readonly reader: PreparedStatements,
  ) {}

  /**
   * The tags or types a discount condition of that kind names (whatever its operator, as Medusa's
   * `discount_condition_id` filter lists them); none for an unknown condition or one of another kind.
   */
  async conditionTargets(query: DiscountConditionTargetsQuery): Promise<DiscountConditionTargets> {
    const [row] = await this.reader.rows<{ target_ids: string[] }>({
      name: 'cart.discount-condition.targets',
      text: 'SELECT target_ids FROM cart.discount_condition WHERE id = $1 AND type = $2',
      values: [query.discount_condition_id, query.type],
    });
    return { target_ids: row?.target_ids ?? [] };
  }

  /** Makes the cart's discounts exactly these codes (Medusa's `discounts` on a cart update). */
  async replace(manager: EntityManager, cart: StoredCart, codes: string[]): Promise<void> {
    await manager.query('DELETE FROM cart.cart_discounts WHERE cart_id = $1', [cart.id]);
    let applied: StoredDiscount[] = [];
    for (const code of codes) {
      const discount = await this.valid(manager, code, cart);
      applied = [...applied.filter((other) => isFreeShipping(other) !== isFreeShipping(discount)), discount];
    }
    for (const discount of applied) {
      await manager.query('INSERT INTO cart.cart_discounts (cart_id, discount_id) VALUES ($1, $2)', [
        cart.id,
        discount.id,
      ]);
    }
  }

  /** Keeps only the discounts valid in the cart's new region (Medusa's `setRegion_`). */
  async keepRegion(manager: EntityManager, cartId: string, regionId: string): Promise<void> {
    await manager.query(
      `DELETE FROM cart.cart_discounts cd WHERE cd.cart_id = $1
       AND NOT EXISTS (SELECT 1 FROM cart.discount_regions r WHERE r.discount_id = cd.discount_id AND r.region_id = $2)`,
      [cartId, regionId],
    );
  }

  remove(unit: IdempotentUnit<CartReply>, command: DiscountRef): Promise<CartReply> {
    return this.store.change(unit, command.cart_id, async (cart) => {
      const discount = cart.discounts.find(
        (candidate) => candidate.code.toUpperCase() === command.code.toUpperCase(),
      );
      return async (manager) => {
        if (!discount) return;
        await manager.query('DELETE FROM cart.cart_discounts WHERE cart_id = $1 AND discount_id = $2', [
          cart.id,
          discount.id,
        ]);
      };
    });
  }

  /** The discount of `code`, if the cart may use it now (Medusa's `validateDiscountForCartOrThrow`). */
  private async valid(manager: EntityManager, code: string, cart: StoredCart): Promise<StoredDiscount> {
    const [row]: { discount: StoredDiscount }[] = await manager.query(
      `SELECT ${DISCOUNT_JSON} AS discount FROM cart.discount d JOIN cart.discount_rule dr ON dr.id = d.rule_id
       WHERE upper(d.code) = upper($1) AND d.deleted_at IS NULL`,
      [code],
    );
    if (!row) throw DomainError.notFound(`Discount with code ${code} was not found`);
    const discount = row.discount;
    const now = Date.now();
    if (discount.is_disabled) throw DomainError.notAllowed('The discount code is disabled');
    if (Date.parse(discount.starts_at) > now) throw DomainError.notAllowed('Discount is not valid yet');
    if (discount.ends_at && Date.parse(discount.ends_at) < now)
      throw DomainError.notAllowed('Discount is expired');
    if (discount.usage_limit !== null && discount.usage_count >= discount.usage_limit) {
      throw DomainError.notAllowed('Discount has been used maximum allowed times');
    }
    if (!discount.regions.includes(cart.region_id)) {
      throw DomainError.invalidData('The discount is not available in current region');
    }
    const forGroups = discount.rule.conditions.some((condition) => condition.type === 'customer_groups');
    if (forGroups && !cart.customer_id) throw DomainError.notAllowed('Discount is not valid for customer');
    return discount;
  }
}

const isFreeShipping = (discount: StoredDiscount) => discount.rule.type === 'free_shipping';

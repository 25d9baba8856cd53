import { Injectable } from '@nestjs/common';
import { Cart, CartReply } from '@app/contracts';
import { DomainError, SqlReader } from '@app/platform';
import { EntityManager } from 'typeorm';
import { CHECKOUT_ACTIVE_STAGES } from '../checkout/checkout.state';
import { SessionSync } from '../payment-sessions/session-sync.service';
import { RegionDirectory } from '../regions/region-directory.service';
import { cartByIdQuery } from './cart.sql';
import { presentCart, PresentOptions } from './cart.presenter';
import { StoredCart } from './stored-cart';

/** Medusa's tax-inclusive pricing feature flag: off, as by default in Medusa v1 (and in the catalog). */
export const TAX_INCLUSIVE_PRICING = false;

/**
 * Loads carts, and runs every change to one: in the caller's transaction, with the cart row locked
 * (so concurrent changes to one cart run one after the other and none is lost), refused on a
 * completed cart or one whose checkout is under way, its payment sessions then brought to the new
 * total, and answered with the cart as it is after the change.
 */
@Injectable()
export class CartStore {
  constructor(
    private readonly reader: SqlReader,
    private readonly regions: RegionDirectory,
    private readonly sessions: SessionSync,
  ) {}

  /** The stored cart (`not_found` as Medusa words it), read in `manager`'s transaction if given. */
  async load(id: string, manager?: EntityManager): Promise<StoredCart> {
    const query = cartByIdQuery(id);
    const rows: { cart: StoredCart }[] = manager
      ? await manager.query(query.text, query.values)
      : await this.reader.rows(query);
    if (!rows.length) throw DomainError.notFound(`Cart with ${id} was not found`);
    return rows[0].cart;
  }

  /** The cart as the store API shows it. */
  async present(cart: StoredCart, options: Omit<PresentOptions, 'taxInclusivePricing'> = {}): Promise<Cart> {
    const region = await this.regions.get(cart.region_id);
    return presentCart(cart, region, { ...options, taxInclusivePricing: TAX_INCLUSIVE_PRICING });
  }

  async reply(id: string, options: Omit<PresentOptions, 'taxInclusivePricing'> = {}): Promise<CartReply> {
    return { cart: await this.present(await this.load(id), options) };
  }

  /**
   * Applies `change` to the cart under a row lock in `manager`'s transaction, then answers with the
   * cart as changed. `not_found` for an unknown cart; `not_allowed` / `cart_incompatible_state` for
   * a completed one.
   */
  async change(
    manager: EntityManager,
    id: string,
    change: (cart: StoredCart) => Promise<void>,
  ): Promise<CartReply> {
    const [locked] = await manager.query(
      `SELECT c.completed_at, coalesce(k.stage = ANY($2), false) AS checking_out
       FROM cart.cart c LEFT JOIN cart.checkout k ON k.cart_id = c.id
       WHERE c.id = $1 AND c.deleted_at IS NULL FOR UPDATE OF c`,
      [id, CHECKOUT_ACTIVE_STAGES],
    );
    if (!locked) throw DomainError.notFound(`Cart with ${id} was not found`);
    if (locked.completed_at) {
      throw new DomainError('not_allowed', `Cart ${id} is already completed`, 'cart_incompatible_state');
    }
    if (locked.checking_out) throw DomainError.conflict(`Cart ${id} is being completed`);
    await change(await this.load(id, manager));
    await manager.query('UPDATE cart.cart SET updated_at = now() WHERE id = $1', [id]);
    let cart = await this.load(id, manager);
    if (cart.payment_sessions.length) {
      const region = await this.regions.get(cart.region_id);
      const shown = await this.present(cart, { forceTaxes: true });
      if (await this.sessions.follow(manager, cart, shown, region)) cart = await this.load(id, manager);
    }
    return { cart: await this.present(cart) };
  }
}

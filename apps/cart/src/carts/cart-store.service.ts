import { Injectable } from '@nestjs/common';
import { Cart, CartReply, Region } from '@app/contracts';
import { DomainError, IdempotentUnit, KeyedQueue, PreparedStatements } from '@app/platform';
import { DataSource, EntityManager } from 'typeorm';
import { CHECKOUT_ACTIVE_STAGES } from '../checkout/checkout.state';
import { PaymentSessionFollower } from '../payment-sessions/payment-session-follower.service';
import { RegionDirectory } from '../regions/region-directory.service';
import { assertVisible } from './cart-owner';
import { CartStatement, CartWrite, isEdit, runIn } from './cart-statement';
import { cartByIdQuery } from './cart.sql';
import { presentCart, PresentOptions } from './cart.presenter';
import { StoredCart } from './stored-cart';

/** Medusa's tax-inclusive pricing feature flag: off, as by default in Medusa v1 (and in the catalog). */
export const TAX_INCLUSIVE_PRICING = false;

/**
 * A change to a cart: given the cart as it stands and its region, asks other apps what it needs
 * (prices, quotes, provider sessions) and returns the writes that make it.
 */
export type CartChange = (cart: StoredCart, region: Region) => Promise<CartWrite>;

/** How often a change prepared against a cart that another replica changed meanwhile is prepared again. */
const MAX_ATTEMPTS = 5;

/** The cart changed between a change's preparation and its writes. */
class CartChanged extends Error {}

/** How many carts this process keeps as it last wrote them, to prepare the next change without a read. */
const RECENT_CARTS = 200;

/**
 * Loads carts, and runs every change to one without holding a transaction while another app is
 * asked anything: the change is prepared against the cart as read, then written in a short
 * transaction with the cart row locked — only if the cart's version is still the one prepared
 * against (else prepared again) — and answered with the cart as changed, its payment sessions then
 * brought to the new total. Changes to one cart in this process run one after the other. Refused on
 * a completed cart, and on one whose checkout is under way.
 */
@Injectable()
export class CartStore {
  private readonly queue = new KeyedQueue();
  /** Carts as this process last wrote them; a stale one is caught by the version check. */
  private readonly recent = new Map<string, StoredCart>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly reader: PreparedStatements,
    private readonly regions: RegionDirectory,
    private readonly sessions: PaymentSessionFollower,
  ) {}

  /**
   * The stored cart (`not_found` as Medusa words it, also for another customer's cart), read in
   * `manager`'s transaction if given.
   */
  async load(id: string, manager?: EntityManager): Promise<StoredCart> {
    const rows = await this.reader.rows<{ cart: StoredCart }>(cartByIdQuery(id), manager);
    if (!rows.length) throw DomainError.notFound(`Cart with ${id} was not found`);
    assertVisible(rows[0].cart);
    return rows[0].cart;
  }

  /** The cart as the store API shows it. */
  async present(cart: StoredCart, options: Omit<PresentOptions, 'taxInclusivePricing'> = {}): Promise<Cart> {
    return this.presentIn(cart, await this.regions.get(cart.region_id), options);
  }

  async reply(id: string, options: Omit<PresentOptions, 'taxInclusivePricing'> = {}): Promise<CartReply> {
    return { cart: await this.present(await this.load(id), options) };
  }

  /**
   * Prepares `change` on the cart, writes it (recording the reply with `unit`), then brings the
   * payment sessions to the new total and answers the cart as it then is. `not_found` for an unknown
   * cart; `not_allowed` / `cart_incompatible_state` for a completed one; `conflict` while it is
   * being completed.
   */
  change(unit: IdempotentUnit<CartReply>, id: string, change: CartChange): Promise<CartReply> {
    return this.queue.run(id, async () => {
      try {
        const { reply, cart } = await this.write(unit, id, change);
        this.remember(cart);
        return cart.payment_sessions.length ? await this.followSessions(unit, cart, reply) : reply;
      } catch (error) {
        this.recent.delete(id);
        throw error;
      }
    });
  }

  private async write(
    unit: IdempotentUnit<CartReply>,
    id: string,
    change: CartChange,
  ): Promise<{ reply: CartReply; cart: StoredCart }> {
    for (let attempt = 1; ; attempt += 1) {
      const remembered = attempt === 1 ? this.recent.get(id) : undefined;
      const before = remembered ?? (await this.load(id));
      let writes: CartWrite;
      try {
        assertVisible(before);
        if (before.completed_at) throw completed(id);
        writes = await change(before, await this.regions.get(before.region_id));
      } catch (error) {
        // The cart as this process last wrote it may be stale (another replica changed it since):
        // a refusal counts only against the cart as stored.
        if (!remembered) throw error;
        this.recent.delete(id);
        continue;
      }
      let after: StoredCart | undefined;
      const answer = async (manager: EntityManager) => {
        after = await this.load(id, manager);
        return { cart: this.presentIn(after, this.regions.known(after.region_id)) };
      };
      try {
        const reply = isEdit(writes)
          ? await unit.commitStatement(async (manager) => {
              const statement = new CartStatement(id);
              writes.edit(statement);
              const [{ written }] = await this.reader.rows<{ written: number }>(
                statement.checked(before.version, CHECKOUT_ACTIVE_STAGES),
                manager,
              );
              if (!written) await this.refuse(before);
              return answer(manager);
            })
          : await unit.commit(async (manager) => {
              await this.lockVersion(manager, before);
              await runIn(manager, id, writes);
              return answer(manager);
            });
        return { reply, cart: after as StoredCart };
      } catch (error) {
        if (!(error instanceof CartChanged) || attempt === MAX_ATTEMPTS) throw error;
      }
    }
  }

  /**
   * Locks the cart row by raising its version, refusing if the cart moved on from `before` (the
   * change is then prepared again), is completed, or is being completed.
   */
  private async lockVersion(manager: EntityManager, before: StoredCart): Promise<void> {
    const [[locked]] = await manager.query(
      `UPDATE cart.cart c SET version = c.version + 1, updated_at = now()
       WHERE c.id = $1 AND c.deleted_at IS NULL
       RETURNING c.completed_at, c.version - 1 AS version,
         coalesce((SELECT k.stage = ANY($2) FROM cart.checkout k WHERE k.cart_id = c.id), false) AS checking_out`,
      [before.id, CHECKOUT_ACTIVE_STAGES],
    );
    refusal(before, locked);
  }

  /** Why a change's statement wrote nothing: the cart is gone, completed, being completed, or moved on. */
  private async refuse(before: StoredCart): Promise<never> {
    const [found] = await this.dataSource.query(
      `SELECT c.completed_at, c.version,
         coalesce((SELECT k.stage = ANY($2) FROM cart.checkout k WHERE k.cart_id = c.id), false) AS checking_out
       FROM cart.cart c WHERE c.id = $1 AND c.deleted_at IS NULL`,
      [before.id, CHECKOUT_ACTIVE_STAGES],
    );
    refusal(before, found);
    throw new CartChanged();
  }

  /** Keeps the cart as just written, so that its next change is prepared without reading it. */
  remember(cart: StoredCart): void {
    this.recent.delete(cart.id);
    this.recent.set(cart.id, cart);
    if (this.recent.size > RECENT_CARTS) this.recent.delete(this.recent.keys().next().value as string);
  }

  /**
   * Brings the cart's payment sessions to its total at the payment app (after the change
   * committed, holding nothing), records what the payment app said, and makes that the answer.
   */
  private async followSessions(
    unit: IdempotentUnit<CartReply>,
    cart: StoredCart,
    reply: CartReply,
  ): Promise<CartReply> {
    const region = this.regions.known(cart.region_id);
    const writes = await this.sessions.followTotal(
      cart,
      this.presentIn(cart, region, { forceTaxes: true }),
      region,
    );
    if (!writes) return reply;
    if (isEdit(writes)) {
      const statement = new CartStatement(cart.id);
      writes.edit(statement);
      await this.reader.rows(statement.unchecked());
    } else {
      await this.dataSource.transaction(async (manager) => {
        await runIn(manager, cart.id, writes);
        await manager.query('UPDATE cart.cart SET version = version + 1 WHERE id = $1', [cart.id]);
      });
    }
    const synced = await this.load(cart.id);
    this.remember(synced);
    const followed = { cart: this.presentIn(synced, region) };
    await unit.answer(followed);
    return followed;
  }

  /** The cart as the store API shows it, in a region the caller has at hand. */
  presentIn(cart: StoredCart, region: Region, options: Omit<PresentOptions, 'taxInclusivePricing'> = {}) {
    return presentCart(cart, region, { ...options, taxInclusivePricing: TAX_INCLUSIVE_PRICING });
  }
}

/** Refuses a change to a cart found so (none: gone), unless it is still as `before`. */
function refusal(
  before: StoredCart,
  found: { completed_at: Date | null; version: number; checking_out: boolean } | undefined,
): void {
  if (!found) throw DomainError.notFound(`Cart with ${before.id} was not found`);
  if (found.completed_at) throw completed(before.id);
  if (found.checking_out) throw DomainError.conflict(`Cart ${before.id} is being completed`);
  if (found.version !== before.version) throw new CartChanged();
}

function completed(id: string): DomainError {
  return new DomainError('not_allowed', `Cart ${id} is already completed`, 'cart_incompatible_state');
}

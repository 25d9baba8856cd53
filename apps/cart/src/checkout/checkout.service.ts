import { Injectable } from '@nestjs/common';
import {
  Cart,
  CartEvents,
  CatalogCommands,
  CompleteCartReply,
  OrderCommands,
  OrderPaymentInput,
  PaymentCommands,
} from '@app/contracts';
import { CommandClient, DomainError, Outbox } from '@app/platform';
import { EntityManager } from 'typeorm';
import { CartStore } from '../carts/cart-store.service';
import { StoredCart } from '../carts/stored-cart';
import { SessionSync } from '../payment-sessions/session-sync.service';
import { RegionDirectory } from '../regions/region-directory.service';

/** Postgres: the row is locked by another transaction (`FOR UPDATE NOWAIT`). */
const LOCK_NOT_AVAILABLE = '55P03';

/**
 * Completes a cart exactly once (DESIGN "Checkout"), as a saga whose every step is idempotent at
 * the app that owns it, so a retry or a resumed checkout picks up where the last one stopped instead
 * of repeating it: lock the cart (a second completion in flight answers the order if it already
 * exists, else a 409 the client retries),
 * validate and freeze the totals, reserve the stock (keyed by the cart), have the payment
 * authorized (keyed by the session; not paid yet → Medusa's `requires_more` answer, the reservation
 * kept), check the money matches, place the order (one per cart), sell the stock, mark the cart
 * completed and announce it. Insufficient stock releases the reservation, gives back any money the
 * session already took, and answers Medusa's 409.
 */
@Injectable()
export class CheckoutService {
  constructor(
    private readonly store: CartStore,
    private readonly regions: RegionDirectory,
    private readonly commands: CommandClient,
    private readonly outbox: Outbox,
    private readonly sessions: SessionSync,
  ) {}

  async complete(manager: EntityManager, cartId: string): Promise<CompleteCartReply> {
    const locked = await this.lock(manager, cartId);
    if (locked === 'busy') {
      // Another completion holds the cart: its order may already exist (a notification placing it
      // while the shopper comes back), else the client retries the 409.
      const placed = await this.placed(cartId).catch(() => null);
      if (placed) return placed;
      throw DomainError.conflict(`Cart ${cartId} is being completed`);
    }
    if (!locked) throw DomainError.notFound(`Cart with ${cartId} was not found`);
    if (locked.completed_at) return this.placed(cartId);

    const cart = await this.store.load(cartId, manager);
    const frozen = await this.store.present(cart, { forceTaxes: true });
    const region = await this.regions.get(cart.region_id);
    const total = frozen.total as number;
    const session = cart.payment_sessions.find((candidate) => candidate.is_selected) ?? null;
    validate(cart, total, session !== null);
    await this.stage(manager, cart, 'started', total, region.currency_code, session?.id ?? null);

    const items = mergeByVariant(cart);
    try {
      await this.commands.request(CatalogCommands.reserveInventory, { reservation_key: cart.id, items });
    } catch (error) {
      if (error instanceof DomainError && error.code === 'insufficient_inventory') {
        await this.commands.request(CatalogCommands.releaseInventory, { reservation_key: cart.id });
        // As Medusa cancels the payment: money already taken for this cart goes back (refunded or
        // voided, with its event), and the shopper pays again once the cart fits the stock.
        if (session?.is_initiated) {
          await this.commands.request(PaymentCommands.cancelSession, { session_id: session.id });
          await this.sessions.reset(manager, session.id, session.amount);
        }
        return {
          status: 409,
          body: { errors: [{ message: error.message, type: 'not_allowed', code: 'insufficient_inventory' }] },
        };
      }
      throw error;
    }
    await this.stage(manager, cart, 'reserved');

    let payment: OrderPaymentInput | null = null;
    if (total > 0 && session) {
      const paid = await this.commands.request(PaymentCommands.authorizeSession, { session_id: session.id });
      if (paid.status !== 'authorized') {
        await this.stage(manager, cart, 'awaiting_payment');
        const shown = await this.store.present(await this.store.load(cartId, manager));
        return {
          status: 200,
          body: {
            type: 'cart',
            data: shown,
            payment_status: paid.status === 'pending' ? 'pending' : 'requires_more',
          },
        };
      }
      if (paid.amount !== total || paid.currency_code !== region.currency_code) {
        // The session no longer stands for this cart: give the money back, keep nothing reserved.
        await this.commands.request(PaymentCommands.cancelSession, { session_id: session.id });
        await this.commands.request(CatalogCommands.releaseInventory, { reservation_key: cart.id });
        throw DomainError.notAllowed(
          `The payment (${paid.amount} ${paid.currency_code}) does not match the cart total (${total} ${region.currency_code}); it was given back`,
          'payment_mismatch',
        );
      }
      await manager.query(
        `UPDATE cart.payment_session SET status = 'authorized', payment_authorized_at = coalesce(payment_authorized_at, now())
         WHERE id = $1`,
        [session.id],
      );
      payment = {
        session_id: session.id,
        provider_id: paid.provider_id,
        amount: paid.amount,
        currency_code: paid.currency_code,
        status: paid.captured ? 'captured' : 'authorized',
        data: paid.data,
        provider_reference: paid.provider_reference,
        expires_at: paid.expires_at,
      };
    }

    const { order } = await this.commands.request(OrderCommands.createFromCart, {
      cart: { ...frozen, email: cart.email } as Cart & { id: string },
      payment,
    });
    await this.commands.request(CatalogCommands.confirmInventory, { reservation_key: cart.id });
    await manager.query(
      `UPDATE cart.cart SET completed_at = now(), payment_authorized_at = CASE WHEN $2 THEN now() END, updated_at = now()
       WHERE id = $1`,
      [cart.id, payment !== null || total <= 0],
    );
    await manager.query(
      `UPDATE cart.checkout SET stage = 'completed', order_id = $2, updated_at = now() WHERE cart_id = $1`,
      [cart.id, order.id],
    );
    await this.outbox.record(
      manager,
      CartEvents.completed,
      { id: cart.id },
      {
        cart_id: cart.id,
        order_id: order.id,
        total,
        currency_code: region.currency_code,
      },
    );
    return { status: 200, body: { type: 'order', data: order } };
  }

  /**
   * The cart's row locked for this completion, or `busy` when another completion holds it (under a
   * savepoint, so that the transaction stays usable after the refused lock).
   */
  private async lock(
    manager: EntityManager,
    cartId: string,
  ): Promise<{ completed_at: string | null } | 'busy' | undefined> {
    await manager.query('SAVEPOINT checkout_lock');
    try {
      const [row] = await manager.query(
        'SELECT completed_at FROM cart.cart WHERE id = $1 AND deleted_at IS NULL FOR UPDATE NOWAIT',
        [cartId],
      );
      await manager.query('RELEASE SAVEPOINT checkout_lock');
      return row;
    } catch (error) {
      if ((error as { code?: string }).code !== LOCK_NOT_AVAILABLE) throw error;
      await manager.query('ROLLBACK TO SAVEPOINT checkout_lock');
      return 'busy';
    }
  }

  /** The order of a completed cart. */
  private async placed(cartId: string): Promise<CompleteCartReply> {
    const { order } = await this.commands.request(OrderCommands.getByCart, { cart_id: cartId });
    return { status: 200, body: { type: 'order', data: order } };
  }

  /** Records how far the checkout got (its first record freezes the amount and session). */
  private async stage(
    manager: EntityManager,
    cart: StoredCart,
    stage: 'started' | 'reserved' | 'awaiting_payment',
    amount?: number,
    currency?: string,
    sessionId?: string | null,
  ): Promise<void> {
    if (amount === undefined) {
      await manager.query('UPDATE cart.checkout SET stage = $2, updated_at = now() WHERE cart_id = $1', [
        cart.id,
        stage,
      ]);
      return;
    }
    await manager.query(
      `INSERT INTO cart.checkout (cart_id, stage, amount, currency_code, session_id) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (cart_id) DO UPDATE SET stage = EXCLUDED.stage, amount = EXCLUDED.amount,
         currency_code = EXCLUDED.currency_code, session_id = EXCLUDED.session_id, updated_at = now()`,
      [cart.id, stage, amount, currency, sessionId],
    );
  }
}

/** What Medusa refuses to complete: no lines, no email, no address or shipping method where one is needed, no payment session for a total. */
function validate(cart: StoredCart, total: number, hasSession: boolean): void {
  if (!cart.items.length) throw DomainError.invalidData('Cannot create an order from an empty cart');
  if (!cart.email) throw DomainError.invalidData('An email is required to complete the cart');
  const profiles = new Set(cart.items.map((item) => item.profile_id));
  const shipped = new Set(cart.shipping_methods.map((method) => method.profile_id));
  for (const profile of profiles) {
    if (!shipped.has(profile)) {
      throw DomainError.notAllowed('The cart needs a shipping method for each of its shipping profiles');
    }
  }
  if (!cart.shipping_address?.country_code) {
    throw DomainError.invalidData('A shipping address is required to complete the cart');
  }
  if (total > 0 && !hasSession) {
    throw DomainError.notAllowed('You cannot complete a cart without a payment session.');
  }
}

/** The cart's quantities per variant (lines of one variant with different metadata are one reservation). */
function mergeByVariant(cart: StoredCart): { variant_id: string; quantity: number }[] {
  const quantities = new Map<string, number>();
  for (const item of cart.items)
    quantities.set(item.variant_id, (quantities.get(item.variant_id) ?? 0) + item.quantity);
  return [...quantities].map(([variant_id, quantity]) => ({ variant_id, quantity }));
}

import { Injectable } from '@nestjs/common';
import {
  Cart,
  isPaymentProviderId,
  PaymentProviderId,
  PaymentCommands,
  PaymentContext,
  Region,
  SessionInput,
  SessionReply,
} from '@app/contracts';
import { CommandClient, DomainError, newId } from '@app/platform';
import { cartEdit, CartWrite, inOrder } from '../carts/cart-statement';
import { StoredCart, StoredPaymentSession } from '../carts/stored-cart';

/**
 * Keeps a cart's payment sessions in step with the cart, as Medusa v1's `setPaymentSessions` does:
 * sessions of providers the region lacks are dropped, the selected open one is brought to the new
 * total at the provider (which voids the old provider session and opens a new one when the amount
 * changed), others are reset to the new total, and a total of 0 drops them all. The payment app is
 * told of every drop, so no provider session stays open for a cart that no longer pays with it.
 * Every method asks the payment app first and returns the writes that record its answers, parts of
 * the cart change's one statement (nothing is open while the payment app is asked).
 */
@Injectable()
export class PaymentSessionFollower {
  constructor(private readonly commands: CommandClient) {}

  /**
   * Brings the sessions to `shown.total`; with `createMissing`, also adds a session for every
   * provider of the region (and, when the region has one provider, selects and opens it).
   * Returns the writes, or null when nothing changes.
   */
  async followTotal(
    cart: StoredCart,
    shown: Cart,
    region: Region,
    options: { createMissing?: boolean } = {},
  ): Promise<CartWrite | null> {
    const total = shown.total as number;
    if (total <= 0) return cart.payment_sessions.length ? this.removeAll(cart) : null;
    const providers = region.payment_providers.map((provider) => provider.id).filter(isPaymentProviderId);
    const writes: CartWrite[] = [];
    for (const session of cart.payment_sessions) {
      if (!providers.includes(session.provider_id as never)) {
        writes.push(await this.remove(session));
      } else if (session.is_selected && session.is_initiated) {
        if (session.amount !== total) {
          const reply = await this.open(PaymentCommands.updateSession, cart, shown, region, session);
          writes.push(this.save(session.id, reply));
        }
      } else if (session.is_initiated) {
        await this.cancel(session);
        writes.push(this.reset(session.id, total));
      } else if (session.amount !== total) {
        writes.push(this.reset(session.id, total));
      }
    }
    if (options.createMissing) writes.push(...(await this.createMissing(cart, shown, region, providers)));
    return writes.length ? inOrder(writes) : null;
  }

  /** A session for every provider of the region the cart has none of; the only one selected and opened. */
  private async createMissing(
    cart: StoredCart,
    shown: Cart,
    region: Region,
    providers: PaymentProviderId[],
  ): Promise<CartWrite[]> {
    const total = shown.total as number;
    const missing = providers.filter(
      (id) => !cart.payment_sessions.some((session) => session.provider_id === id),
    );
    const selectOnly =
      providers.length === 1 && !cart.payment_sessions.some((session) => session.is_selected);
    const writes: CartWrite[] = [];
    for (const providerId of missing) {
      const id = newId('ps');
      const opened = selectOnly
        ? await this.open(PaymentCommands.initiateSession, cart, shown, region, {
            id,
            provider_id: providerId,
          })
        : null;
      writes.push(
        cartEdit((statement) =>
          statement.insert('cart.payment_session', {
            id,
            provider_id: providerId,
            amount: opened?.amount ?? total,
            // Not yet opened at its provider: Medusa's manual provider shows its status already.
            ...(providerId === 'manual' && { data: { status: 'pending' } }),
            ...(opened && {
              is_initiated: true,
              is_selected: true,
              status: opened.status,
              data: opened.data,
            }),
          }),
        ),
      );
    }
    return writes;
  }

  /** Opens (or brings up to date) the provider side of a session and returns what the provider said. */
  open(
    command: typeof PaymentCommands.initiateSession,
    cart: StoredCart,
    shown: Cart,
    region: Region,
    session: Pick<StoredPaymentSession, 'id' | 'provider_id'>,
  ): Promise<SessionReply> {
    if (!isPaymentProviderId(session.provider_id)) {
      throw DomainError.notAllowed('The payment method is not available in this region');
    }
    const input: SessionInput = {
      session_id: session.id,
      cart_id: cart.id,
      provider_id: session.provider_id,
      amount: shown.total as number,
      currency_code: region.currency_code,
      context: paymentContext(cart),
    };
    return this.commands.request(command, input);
  }

  /** Records what the provider said of a session (and selects it when asked). */
  save(id: string, reply: SessionReply, select = false): CartWrite {
    return cartEdit((statement) => {
      const p = (value: unknown) => statement.param(value);
      statement.part(
        `UPDATE cart.payment_session SET is_initiated = true, status = ${p(reply.status)},
           data = ${p(JSON.stringify(reply.data))}, amount = ${p(reply.amount)},
           is_selected = CASE WHEN ${p(select)} THEN true ELSE is_selected END, updated_at = now()
         WHERE id = ${p(id)} AND ${statement.written}`,
      );
    });
  }

  /** Drops every session, voiding those open at a provider (a new region, a total of 0). */
  async removeAll(cart: StoredCart): Promise<CartWrite> {
    const writes: CartWrite[] = [];
    for (const session of cart.payment_sessions) writes.push(await this.remove(session));
    return inOrder(writes);
  }

  /** Voids the session at its provider if it was opened there; the write drops it. */
  async remove(session: StoredPaymentSession): Promise<CartWrite> {
    if (session.is_initiated || session.is_selected) await this.cancel(session);
    return cartEdit((statement) =>
      statement.part(
        `DELETE FROM cart.payment_session WHERE id = ${statement.param(session.id)} AND ${statement.written}`,
      ),
    );
  }

  /** A session back to its state before the provider saw it, for the given amount. */
  reset(id: string, amount: number): CartWrite {
    return cartEdit((statement) =>
      statement.part(
        `UPDATE cart.payment_session SET is_initiated = false, is_selected = null, status = 'pending', data = '{}',
           amount = ${statement.param(amount)}, payment_authorized_at = null, updated_at = now()
         WHERE id = ${statement.param(id)} AND ${statement.written}`,
      ),
    );
  }

  async cancel(session: Pick<StoredPaymentSession, 'id'>): Promise<void> {
    await this.commands.request(PaymentCommands.cancelSession, { session_id: session.id });
  }
}

/** What providers may show or check about the cart: its lines, email, addresses and buyer's IP. */
function paymentContext(cart: StoredCart): PaymentContext {
  const address = (value: Record<string, unknown> | null) =>
    value
      ? {
          first_name: value.first_name as string | null,
          last_name: value.last_name as string | null,
          address_1: value.address_1 as string | null,
          address_2: value.address_2 as string | null,
          city: value.city as string | null,
          province: value.province as string | null,
          postal_code: value.postal_code as string | null,
          country_code: value.country_code as string | null,
          phone: value.phone as string | null,
        }
      : null;
  return {
    email: cart.email,
    // A swap's returned lines are not sold: the provider is shown the new items only.
    goods: cart.items
      .filter((item) => !item.is_return)
      .map((item) => ({
        id: item.variant_id,
        name: item.description ? `${item.title} (${item.description})` : item.title,
        price: item.unit_price,
        quantity: item.quantity,
        picture_url: item.thumbnail,
        ...productOf(item.variant),
      })),
    billing_address: address(cart.billing_address),
    shipping_address: address(cart.shipping_address),
    customer_ip: typeof cart.context.ip === 'string' ? cart.context.ip : null,
    region_id: cart.region_id,
    customer_id: cart.customer_id,
    locale: typeof cart.context.locale === 'string' ? cart.context.locale : null,
  };
}

/** The line's product as a provider may show it: its id, subtitle and handle (from the priced variant's copy). */
function productOf(variant: Record<string, unknown>): {
  description?: string;
  product_handle?: string;
  product_id?: string;
} {
  const product = (variant?.product ?? {}) as Record<string, unknown>;
  return {
    ...(typeof product.subtitle === 'string' && product.subtitle ? { description: product.subtitle } : {}),
    ...(typeof product.handle === 'string' ? { product_handle: product.handle } : {}),
    ...(typeof product.id === 'string' ? { product_id: product.id } : {}),
  };
}

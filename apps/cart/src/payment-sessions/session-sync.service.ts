import { Injectable } from '@nestjs/common';
import {
  Cart,
  isPaymentProviderId,
  PaymentCommands,
  PaymentContext,
  Region,
  SessionInput,
  SessionReply,
} from '@app/contracts';
import { CommandClient, DomainError, newId } from '@app/platform';
import { EntityManager } from 'typeorm';
import { StoredCart, StoredPaymentSession } from '../carts/stored-cart';

/**
 * Keeps a cart's payment sessions in step with the cart, as Medusa v1's `setPaymentSessions` does:
 * sessions of providers the region lacks are dropped, the selected open one is brought to the new
 * total at the provider (which voids the old provider session and opens a new one when the amount
 * changed), others are reset to the new total, and a total of 0 drops them all. The payment app is
 * told of every drop, so no provider session stays open for a cart that no longer pays with it.
 */
@Injectable()
export class SessionSync {
  constructor(private readonly commands: CommandClient) {}

  /**
   * Brings the sessions to `shown.total`; with `createMissing`, also adds a session for every
   * provider of the region (and, when the region has one provider, selects and opens it).
   * Returns whether anything changed.
   */
  async follow(
    manager: EntityManager,
    cart: StoredCart,
    shown: Cart,
    region: Region,
    options: { createMissing?: boolean } = {},
  ): Promise<boolean> {
    const total = shown.total as number;
    if (total <= 0) {
      await this.removeAll(manager, cart);
      return cart.payment_sessions.length > 0;
    }
    const providers = region.payment_providers.map((provider) => provider.id).filter(isPaymentProviderId);
    let changed = false;
    for (const session of cart.payment_sessions) {
      if (!providers.includes(session.provider_id as never)) {
        await this.remove(manager, session);
        changed = true;
      } else if (session.is_selected && session.is_initiated) {
        if (session.amount !== total) {
          await this.save(
            manager,
            session.id,
            await this.open(PaymentCommands.updateSession, cart, shown, region, session),
          );
          changed = true;
        }
      } else if (session.is_initiated) {
        await this.cancel(session);
        await this.reset(manager, session.id, total);
        changed = true;
      } else if (session.amount !== total) {
        await this.reset(manager, session.id, total);
        changed = true;
      }
    }
    if (!options.createMissing) return changed;
    const missing = providers.filter(
      (id) => !cart.payment_sessions.some((session) => session.provider_id === id),
    );
    const selectOnly =
      providers.length === 1 && !cart.payment_sessions.some((session) => session.is_selected);
    for (const providerId of missing) {
      const id = newId('ps');
      await manager.query(
        'INSERT INTO cart.payment_session (id, cart_id, provider_id, amount) VALUES ($1, $2, $3, $4)',
        [id, cart.id, providerId, total],
      );
      if (selectOnly) {
        const session = { id, provider_id: providerId } as StoredPaymentSession;
        await this.save(
          manager,
          id,
          await this.open(PaymentCommands.initiateSession, cart, shown, region, session),
          true,
        );
      }
      changed = true;
    }
    return changed;
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

  /** Stores what the provider said of a session (and selects it when asked). */
  async save(manager: EntityManager, id: string, reply: SessionReply, select = false): Promise<void> {
    await manager.query(
      `UPDATE cart.payment_session SET is_initiated = true, status = $2, data = $3, amount = $4,
         is_selected = CASE WHEN $5 THEN true ELSE is_selected END, updated_at = now()
       WHERE id = $1`,
      [id, reply.status, reply.data, reply.amount, select],
    );
  }

  /** Drops every session, voiding those open at a provider (a new region, a total of 0). */
  async removeAll(manager: EntityManager, cart: StoredCart): Promise<void> {
    for (const session of cart.payment_sessions) await this.remove(manager, session);
  }

  async remove(manager: EntityManager, session: StoredPaymentSession): Promise<void> {
    if (session.is_initiated || session.is_selected) await this.cancel(session);
    await manager.query('DELETE FROM cart.payment_session WHERE id = $1', [session.id]);
  }

  /** A session back to its state before the provider saw it, for the given amount. */
  async reset(manager: EntityManager, id: string, amount: number): Promise<void> {
    await manager.query(
      `UPDATE cart.payment_session SET is_initiated = false, is_selected = null, status = 'pending', data = '{}',
         amount = $2, payment_authorized_at = null, updated_at = now()
       WHERE id = $1`,
      [id, amount],
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
    goods: cart.items.map((item) => ({
      id: item.variant_id,
      name: item.description ? `${item.title} (${item.description})` : item.title,
      price: item.unit_price,
      quantity: item.quantity,
      picture_url: item.thumbnail,
    })),
    billing_address: address(cart.billing_address),
    shipping_address: address(cart.shipping_address),
    customer_ip: typeof cart.context.ip === 'string' ? cart.context.ip : null,
  };
}

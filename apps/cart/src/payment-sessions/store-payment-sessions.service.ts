import { Injectable } from '@nestjs/common';
import {
  CartRef,
  CartReply,
  PaymentCommands,
  PaymentSessionRef,
  UpdatePaymentSessionCommand,
} from '@app/contracts';
import { CommandClient, DomainError, IdempotentUnit } from '@app/platform';
import { CartStore } from '../carts/cart-store.service';
import { StoredCart, StoredPaymentSession } from '../carts/stored-cart';
import { cartEdit, inOrder } from '../carts/cart-statement';
import { PaymentSessionFollower } from './payment-session-follower.service';

type Unit = IdempotentUnit<CartReply>;

/**
 * The store's payment-session routes on a cart, as Medusa v1's cart service answers them: the
 * payment app is asked first, what it said is then recorded on the cart.
 */
@Injectable()
export class StorePaymentSessions {
  constructor(
    private readonly store: CartStore,
    private readonly follower: PaymentSessionFollower,
    private readonly commands: CommandClient,
  ) {}

  /** `POST /store/carts/{id}/payment-sessions`. */
  create(unit: Unit, command: CartRef): Promise<CartReply> {
    return this.store.change(unit, command.cart_id, async (cart, region) => {
      const shown = await this.store.present(cart, { forceTaxes: true });
      return (await this.follower.followTotal(cart, shown, region, { createMissing: true })) ?? nothing;
    });
  }

  /**
   * `POST /store/carts/{id}/payment-session`: selects the provider's session and opens it at the
   * provider; then the session selected before is deselected, and voided at its provider.
   */
  select(unit: Unit, command: PaymentSessionRef): Promise<CartReply> {
    return this.store.change(unit, command.cart_id, async (cart, region) => {
      if (!region.payment_providers.some((provider) => provider.id === command.provider_id)) {
        throw DomainError.notAllowed('The payment method is not available in this region');
      }
      const session = cart.payment_sessions.find(
        (candidate) => candidate.provider_id === command.provider_id,
      );
      if (!session) throw DomainError.notAllowed('Could not find payment session');
      const shown = await this.store.present(cart, { forceTaxes: true });
      const opening = session.is_initiated ? PaymentCommands.updateSession : PaymentCommands.initiateSession;
      const reply = await this.follower.open(opening, cart, shown, region, session);
      const previous = cart.payment_sessions.find((candidate) => candidate.is_selected);
      const writes = [];
      if (previous && previous.id !== session.id) {
        if (previous.is_initiated) await this.follower.cancel(previous);
        writes.push(this.follower.reset(previous.id, previous.amount));
      }
      writes.push(this.follower.save(session.id, reply, true));
      return inOrder(writes);
    });
  }

  /** `POST /store/carts/{id}/payment-sessions/{provider_id}`: data for the selected session's provider. */
  update(unit: Unit, command: UpdatePaymentSessionCommand): Promise<CartReply> {
    return this.store.change(unit, command.cart_id, async (cart) => {
      const session = sessionOf(cart, command.provider_id);
      if (!session.is_selected || !session.is_initiated) {
        throw DomainError.notAllowed('Only the selected payment session can be updated');
      }
      const reply = await this.commands.request(PaymentCommands.updateSessionData, {
        session_id: session.id,
        data: command.data,
      });
      return this.follower.save(session.id, reply);
    });
  }

  /**
   * `POST /store/carts/{id}/payment-sessions/{provider_id}/refresh`: the selected session gets a
   * fresh provider session for the cart's total; another one only its amount.
   */
  refresh(unit: Unit, command: PaymentSessionRef): Promise<CartReply> {
    return this.store.change(unit, command.cart_id, async (cart, region) => {
      const session = sessionOf(cart, command.provider_id);
      const shown = await this.store.present(cart, { forceTaxes: true });
      if (!session.is_selected) return this.follower.reset(session.id, shown.total as number);
      const reply = await this.follower.open(PaymentCommands.refreshSession, cart, shown, region, session);
      return this.follower.save(session.id, reply);
    });
  }

  /** `DELETE /store/carts/{id}/payment-sessions/{provider_id}`: gone, and voided at its provider. */
  remove(unit: Unit, command: PaymentSessionRef): Promise<CartReply> {
    return this.store.change(unit, command.cart_id, async (cart) => {
      const session = cart.payment_sessions.find(
        (candidate) => candidate.provider_id === command.provider_id,
      );
      return session ? this.follower.remove(session) : nothing;
    });
  }
}

/** A change that writes nothing of its own (the cart is still touched, its sessions followed). */
const nothing = cartEdit(() => undefined);

function sessionOf(cart: StoredCart, providerId: string): StoredPaymentSession {
  const session = cart.payment_sessions.find((candidate) => candidate.provider_id === providerId);
  if (!session) throw DomainError.notFound(`Payment session for provider ${providerId} was not found`);
  return session;
}

import { Injectable } from '@nestjs/common';
import {
  CartRef,
  CartReply,
  PaymentCommands,
  PaymentSessionRef,
  UpdatePaymentSessionCommand,
} from '@app/contracts';
import { CommandClient, DomainError } from '@app/platform';
import { EntityManager } from 'typeorm';
import { CartStore } from '../carts/cart-store.service';
import { StoredCart, StoredPaymentSession } from '../carts/stored-cart';
import { RegionDirectory } from '../regions/region-directory.service';
import { SessionSync } from './session-sync.service';

/** The store's payment-session routes on a cart, as Medusa v1's cart service answers them. */
@Injectable()
export class PaymentSessionService {
  constructor(
    private readonly store: CartStore,
    private readonly regions: RegionDirectory,
    private readonly sync: SessionSync,
    private readonly commands: CommandClient,
  ) {}

  /** `POST /store/carts/{id}/payment-sessions`. */
  create(manager: EntityManager, command: CartRef): Promise<CartReply> {
    return this.store.change(manager, command.cart_id, async (cart) => {
      const region = await this.regions.get(cart.region_id);
      const shown = await this.store.present(cart, { forceTaxes: true });
      await this.sync.follow(manager, cart, shown, region, { createMissing: true });
    });
  }

  /**
   * `POST /store/carts/{id}/payment-session`: selects the provider's session and opens it at the
   * provider; then the session selected before is deselected, and voided at its provider.
   */
  select(manager: EntityManager, command: PaymentSessionRef): Promise<CartReply> {
    return this.store.change(manager, command.cart_id, async (cart) => {
      const region = await this.regions.get(cart.region_id);
      if (!region.payment_providers.some((provider) => provider.id === command.provider_id)) {
        throw DomainError.notAllowed('The payment method is not available in this region');
      }
      const session = cart.payment_sessions.find(
        (candidate) => candidate.provider_id === command.provider_id,
      );
      if (!session) throw DomainError.notAllowed('Could not find payment session');
      const shown = await this.store.present(cart, { forceTaxes: true });
      const opening = session.is_initiated ? PaymentCommands.updateSession : PaymentCommands.initiateSession;
      const reply = await this.sync.open(opening, cart, shown, region, session);
      const previous = cart.payment_sessions.find((candidate) => candidate.is_selected);
      if (previous && previous.id !== session.id) {
        if (previous.is_initiated) await this.sync.cancel(previous);
        await this.sync.reset(manager, previous.id, previous.amount);
      }
      await this.sync.save(manager, session.id, reply, true);
    });
  }

  /** `POST /store/carts/{id}/payment-sessions/{provider_id}`: data for the selected session's provider. */
  update(manager: EntityManager, command: UpdatePaymentSessionCommand): Promise<CartReply> {
    return this.store.change(manager, command.cart_id, async (cart) => {
      const session = sessionOf(cart, command.provider_id);
      if (!session.is_selected || !session.is_initiated) {
        throw DomainError.notAllowed('Only the selected payment session can be updated');
      }
      const reply = await this.commands.request(PaymentCommands.updateSessionData, {
        session_id: session.id,
        data: command.data,
      });
      await this.sync.save(manager, session.id, reply);
    });
  }

  /**
   * `POST /store/carts/{id}/payment-sessions/{provider_id}/refresh`: the selected session gets a
   * fresh provider session for the cart's total; another one only its amount.
   */
  refresh(manager: EntityManager, command: PaymentSessionRef): Promise<CartReply> {
    return this.store.change(manager, command.cart_id, async (cart) => {
      const session = sessionOf(cart, command.provider_id);
      const region = await this.regions.get(cart.region_id);
      const shown = await this.store.present(cart, { forceTaxes: true });
      if (session.is_selected) {
        const reply = await this.sync.open(PaymentCommands.refreshSession, cart, shown, region, session);
        await this.sync.save(manager, session.id, reply);
      } else {
        await this.sync.reset(manager, session.id, shown.total as number);
      }
    });
  }

  /** `DELETE /store/carts/{id}/payment-sessions/{provider_id}`: gone, and voided at its provider. */
  remove(manager: EntityManager, command: PaymentSessionRef): Promise<CartReply> {
    return this.store.change(manager, command.cart_id, async (cart) => {
      const session = cart.payment_sessions.find(
        (candidate) => candidate.provider_id === command.provider_id,
      );
      if (session) await this.sync.remove(manager, session);
    });
  }
}

function sessionOf(cart: StoredCart, providerId: string): StoredPaymentSession {
  const session = cart.payment_sessions.find((candidate) => candidate.provider_id === providerId);
  if (!session) throw DomainError.notFound(`Payment session for provider ${providerId} was not found`);
  return session;
}

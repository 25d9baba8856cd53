import { Injectable, Logger } from '@nestjs/common';
import { cartSnapshot, CompleteCartReply, OrderCommands, PaymentCommands } from '@app/contracts';
import { CommandClient, DomainError } from '@app/platform';
import { randomUUID } from 'node:crypto';
import { actingCustomer } from '../carts/cart-owner';
import { CartStore } from '../carts/cart-store.service';
import { StoredCart } from '../carts/stored-cart';
import { RegionDirectory } from '../regions/region-directory.service';
import { CheckoutSaga, CheckoutSagas } from './checkout-saga.store';
import { CheckoutLeaseLost, CheckoutRunner, DriveResult } from './checkout-runner.service';

/**
 * Completes a cart exactly once (DESIGN "Checkout"): claims the cart's checkout saga (a second
 * completion meeting a running one answers the order if it is placed, else a 409 to retry), freezes
 * the cart when the saga starts (validated as Medusa validates it, with its taxes), drives the saga
 * and answers in Medusa's shapes: the order; the cart with `requires_more` while the shopper has not
 * paid at a redirect provider; 409 `insufficient_inventory`. No transaction is open meanwhile.
 */
@Injectable()
export class CheckoutService {
  private readonly logger = new Logger(CheckoutService.name);

  constructor(
    private readonly store: CartStore,
    private readonly regions: RegionDirectory,
    private readonly commands: CommandClient,
    private readonly sagas: CheckoutSagas,
    private readonly runner: CheckoutRunner,
  ) {}

  /** `POST /store/carts/{id}/complete`: the cart's order, exactly once, or why not yet (see the class). */
  async complete(cartId: string): Promise<CompleteCartReply> {
    return this.driveClaimed(cartId, await this.sagas.claim(cartId, randomUUID()));
  }

  /**
   * `POST /store/carts/{id}/submit` (提交订单): the same checkout, validated as `complete` validates
   * except that no payment session is needed, placing the order unpaid (`not_paid`, to be paid by its
   * `pay_expire`). Only the signed-in customer who owns the cart may submit it.
   */
  async submit(cartId: string): Promise<CompleteCartReply> {
    const reply = await this.driveClaimed(cartId, await this.sagas.claim(cartId, randomUUID(), 'submit'));
    const placed = 'type' in reply.body && reply.body.type === 'order';
    if (placed && (await this.sagas.state(cartId))?.mode === 'submit') await this.closeSessions(cartId);
    return reply;
  }

  /**
   * A submitted cart is paid through its order: the sessions it had opened at providers are closed
   * (money that still arrives on one is given back by the payment app). A cart completed by
   * `complete` before (its order paid by its session) keeps them.
   */
  private async closeSessions(cartId: string): Promise<void> {
    const cart = await this.store.load(cartId);
    for (const session of cart.payment_sessions.filter((candidate) => candidate.is_initiated)) {
      await this.commands
        .request(PaymentCommands.cancelSession, { session_id: session.id })
        .catch((error: Error) => this.logger.warn(`Could not close ${session.id}: ${error.message}`));
    }
  }

  /**
   * Drives the cart's checkout if it has one that nobody drives (a waiting one whose payment came,
   * one whose driver died): as `complete`, but never starts a checkout the shopper did not ask for.
   */
  async resume(cartId: string): Promise<CompleteCartReply | null> {
    const claimed = await this.sagas.claimExisting(cartId, randomUUID());
    return claimed ? this.driveClaimed(cartId, claimed) : null;
  }

  private async driveClaimed(cartId: string, claimed: CheckoutSaga | null): Promise<CompleteCartReply> {
    if (!claimed) return this.answerUnclaimed(cartId);
    try {
      const saga = claimed.stage === 'started' && !claimed.snapshot ? await this.freeze(claimed) : claimed;
      return await this.answer(await this.runner.drive(saga));
    } catch (error) {
      if (error instanceof CheckoutLeaseLost) return this.answerUnclaimed(cartId);
      throw error;
    }
  }

  /** Freezes the cart into the saga, or gives the claim back when the cart cannot be completed. */
  private async freeze(saga: CheckoutSaga): Promise<CheckoutSaga> {
    const cart = await this.store.load(saga.cart_id);
    const frozen = await this.store.present(cart, { forceTaxes: true });
    const region = await this.regions.get(cart.region_id);
    const total = frozen.total as number;
    const submit = saga.mode === 'submit';
    const session = submit
      ? null
      : (cart.payment_sessions.find((candidate) => candidate.is_selected) ?? null);
    try {
      if (submit) assertOwnedBySignedIn(cart);
      if (submit && cart.type === 'swap')
        throw DomainError.notAllowed('A swap’s cart is completed, not submitted');
      validate(cart, total, submit || session !== null);
    } catch (error) {
      await this.sagas.restore(saga);
      throw error;
    }
    const snapshot = cartSnapshot({ ...frozen, id: cart.id }, cart.email as string);
    const stored = await this.sagas.freeze(saga, {
      amount: total,
      currency_code: region.currency_code,
      session_id: session?.id ?? null,
      snapshot,
    });
    if (!stored) throw new CheckoutLeaseLost(saga.cart_id);
    return stored;
  }

  private async answer(result: DriveResult): Promise<CompleteCartReply> {
    if (result.kind === 'completed') {
      if (!result.order) return this.placed(result.saga.cart_id);
      return result.type === 'swap'
        ? { status: 200, body: { type: 'swap', data: result.order } }
        : { status: 200, body: { type: 'order', data: result.order } };
    }
    if (result.kind === 'awaiting_payment') {
      const shown = await this.store.present(await this.store.load(result.saga.cart_id));
      return { status: 200, body: { type: 'cart', data: shown, payment_status: result.payment_status } };
    }
    if (result.error.code === 'insufficient_inventory') {
      return {
        status: 409,
        body: {
          errors: [{ message: result.error.message, type: 'not_allowed', code: 'insufficient_inventory' }],
        },
      };
    }
    throw result.error;
  }

  /** A completion that could not claim the checkout: the order if there is one, else why not. */
  private async answerUnclaimed(cartId: string): Promise<CompleteCartReply> {
    const state = await this.sagas.state(cartId);
    if (!state) throw DomainError.notFound(`Cart with ${cartId} was not found`);
    if (state.completed || state.stage === 'placed' || state.stage === 'completed')
      return this.placed(cartId);
    throw DomainError.conflict(`Cart ${cartId} is being completed`);
  }

  /** The order of a cart whose checkout placed it (the swap of a swap's cart). */
  private async placed(cartId: string): Promise<CompleteCartReply> {
    if ((await this.store.load(cartId)).type === 'swap') {
      const { swap } = await this.commands.request(OrderCommands.getSwapByCart, { cart_id: cartId });
      return { status: 200, body: { type: 'swap', data: swap } };
    }
    const { order } = await this.commands.request(OrderCommands.getByCart, { cart_id: cartId });
    return { status: 200, body: { type: 'order', data: order } };
  }
}

/** A cart is submitted by the signed-in customer whose cart it is (the order is theirs to pay). */
function assertOwnedBySignedIn(cart: StoredCart): void {
  const customerId = actingCustomer();
  if (!customerId) throw DomainError.unauthenticated();
  if (cart.customer_id !== customerId) {
    throw DomainError.notAllowed('Only the customer the cart belongs to can submit it');
  }
}

/** What Medusa refuses to complete: no lines, no email, no address or shipping method where one is needed, no payment session for a total. */
function validate(cart: StoredCart, total: number, hasSession: boolean): void {
  if (!cart.items.length) throw DomainError.invalidData('Cannot create an order from an empty cart');
  if (!cart.email) throw DomainError.invalidData('An email is required to complete the cart');
  const profiles = new Set(cart.items.filter((item) => !item.is_return).map((item) => item.profile_id));
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

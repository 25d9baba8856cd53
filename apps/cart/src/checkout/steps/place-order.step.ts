import { Injectable } from '@nestjs/common';
import { OrderCommands } from '@app/contracts';
import { CommandClient } from '@app/platform';
import { GiftCardLedger } from '../../gift-cards/gift-card-ledger.service';
import { CheckoutSaga } from '../checkout-saga.store';
import { CheckoutStep, frozenCart, StepOutcome } from './checkout-step';

/**
 * Places the order of the frozen cart at the order app, with its payment, or unpaid when it was
 * submitted (one per cart: again, the same order). A swap's cart confirms its swap instead (once
 * per swap: again, the same swap); the saga then names the swap's order.
 */
@Injectable()
export class PlaceOrderStep implements CheckoutStep {
  readonly name = 'place-order';
  readonly from = 'authorized' as const;
  readonly to = 'placed' as const;

  constructor(
    private readonly commands: CommandClient,
    private readonly giftCards: GiftCardLedger,
  ) {}

  async run(saga: CheckoutSaga): Promise<StepOutcome> {
    const cart = frozenCart(saga);
    const swapId = cart.type === 'swap' ? cart.metadata?.swap_id : undefined;
    if (typeof swapId === 'string') {
      const { swap } = await this.commands.request(OrderCommands.confirmSwap, {
        swap_id: swapId,
        cart,
        payment: saga.payment,
      });
      return { kind: 'done', patch: { order_id: swap.order_id }, order: swap, type: 'swap' };
    }
    const { order } = await this.commands.request(OrderCommands.createFromCart, {
      cart: frozenCart(saga),
      payment: saga.payment,
      submit: saga.mode === 'submit',
      ...(cart.gift_cards.length && { gift_card_transactions: await this.giftCards.held(saga.cart_id) }),
    });
    return { kind: 'done', patch: { order_id: order.id as string }, order };
  }
}

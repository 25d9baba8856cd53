import { Injectable } from '@nestjs/common';
import { OrderCommands } from '@app/contracts';
import { CommandClient } from '@app/platform';
import { CheckoutSaga } from '../checkout-saga.store';
import { CheckoutStep, frozenCart, StepOutcome } from './checkout-step';

/**
 * Places the order of the frozen cart at the order app, with its payment, or unpaid when it was
 * submitted (one per cart: again, the same order).
 */
@Injectable()
export class PlaceOrderStep implements CheckoutStep {
  readonly name = 'place-order';
  readonly from = 'authorized' as const;
  readonly to = 'placed' as const;

  constructor(private readonly commands: CommandClient) {}

  async run(saga: CheckoutSaga): Promise<StepOutcome> {
    const { order } = await this.commands.request(OrderCommands.createFromCart, {
      cart: frozenCart(saga),
      payment: saga.payment,
      submit: saga.mode === 'submit',
    });
    return { kind: 'done', patch: { order_id: order.id as string }, order };
  }
}

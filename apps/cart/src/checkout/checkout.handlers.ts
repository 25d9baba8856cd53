import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CartCommands, CartRef, CompleteCartReply } from '@app/contracts';
import { Idempotency } from '@app/platform';
import { CheckoutService } from './checkout.service';

/**
 * `cart.cart.complete` under the Idempotency-Key, outside any transaction (the saga commits its own
 * stages): a finished completion (the order, or the 409 of missing stock) is replayed to a retry;
 * "pay first" is not final, so the same key completes the cart once the shopper has paid.
 */
@Controller()
export class CheckoutHandlers {
  constructor(
    private readonly idempotency: Idempotency,
    private readonly checkout: CheckoutService,
  ) {}

  @MessagePattern(CartCommands.complete.subject)
  complete(@Payload() command: CartRef): Promise<CompleteCartReply> {
    return this.idempotency.run(
      CartCommands.complete.subject,
      command,
      () => this.checkout.complete(command.cart_id),
      { final: (reply) => !('type' in reply.body && reply.body.type === 'cart'), transaction: false },
    );
  }

  /** `cart.cart.submit` under the Idempotency-Key: its answer (the unpaid order, or why not) is final. */
  @MessagePattern(CartCommands.submit.subject)
  submit(@Payload() command: CartRef): Promise<CompleteCartReply> {
    return this.idempotency.run(
      CartCommands.submit.subject,
      command,
      () => this.checkout.submit(command.cart_id),
      {
        transaction: false,
      },
    );
  }
}

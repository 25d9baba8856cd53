import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  OrderCommands,
  PresaleQuote,
  PresaleQuoteCommand,
  PresaleSubmitCommand,
  PresaleSubmitReply,
} from '@app/contracts';
import { Idempotency } from '@app/platform';
import { PresaleOrders } from './presale-orders.service';
import { PresaleQuotes } from './presale-quotes.service';

/** Presale (seed 004): what a purchase costs, and its order. */
@Controller()
export class PresaleHandlers {
  constructor(
    private readonly quotes: PresaleQuotes,
    private readonly orders: PresaleOrders,
    private readonly idempotency: Idempotency,
  ) {}

  /** Under the Idempotency-Key: a retried submit answers the order placed first. */
  @MessagePattern(OrderCommands.presaleSubmit.subject)
  submit(@Payload() command: PresaleSubmitCommand): Promise<PresaleSubmitReply> {
    return this.idempotency.run(
      OrderCommands.presaleSubmit.subject,
      command,
      () => this.orders.submit(command),
      {
        transaction: false,
      },
    );
  }

  @MessagePattern(OrderCommands.presaleQuote.subject)
  quote(@Payload() command: PresaleQuoteCommand): Promise<PresaleQuote> {
    return this.quotes.quote(command);
  }
}

import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { OrderCommands, PresaleQuote, PresaleQuoteCommand } from '@app/contracts';
import { PresaleQuotes } from './presale-quotes.service';

/** Presale (seed 004): what a purchase costs. */
@Controller()
export class PresaleHandlers {
  constructor(private readonly quotes: PresaleQuotes) {}

  @MessagePattern(OrderCommands.presaleQuote.subject)
  quote(@Payload() command: PresaleQuoteCommand): Promise<PresaleQuote> {
    return this.quotes.quote(command);
  }
}

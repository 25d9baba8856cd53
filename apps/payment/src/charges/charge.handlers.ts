import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ChargeCommands, ChargeRef, ChargeReply, OpenCharge } from '@app/contracts';
import { ChargeService } from './charge.service';

/** Payments of existing orders; opening one is idempotent by its id. */
@Controller()
export class ChargeHandlers {
  constructor(private readonly charges: ChargeService) {}

  @MessagePattern(ChargeCommands.open.subject)
  open(@Payload() command: OpenCharge): Promise<ChargeReply> {
    return this.charges.open(command);
  }

  @MessagePattern(ChargeCommands.get.subject)
  get(@Payload() ref: ChargeRef): Promise<ChargeReply> {
    return this.charges.get(ref);
  }
}

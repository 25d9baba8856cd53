import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CreateReturnReasonRequest, OrderCommands, ReturnReason, ReturnReasonRef } from '@app/contracts';
import { ReturnReasons } from './return-reasons.service';

/** Return reasons (Medusa's). */
@Controller()
export class ReturnReasonHandlers {
  constructor(private readonly reasons: ReturnReasons) {}

  @MessagePattern(OrderCommands.listReturnReasons.subject)
  list(): Promise<{ return_reasons: ReturnReason[] }> {
    return this.reasons.list();
  }

  @MessagePattern(OrderCommands.getReturnReason.subject)
  get(@Payload() ref: ReturnReasonRef): Promise<{ return_reason: ReturnReason }> {
    return this.reasons.get(ref.id);
  }

  @MessagePattern(OrderCommands.createReturnReason.subject)
  create(@Payload() request: CreateReturnReasonRequest): Promise<{ return_reason: ReturnReason }> {
    return this.reasons.create(request);
  }
}
